import { othersRating, yourFilm } from '../domain/diary.js';
import { findFilm } from '../domain/lookup.js';
import { showJson, toJson } from '../formats/json-export.js';
import { shortIds } from '../domain/reviews.js';
import { lookOf, writeEach, type Deps } from '../io.js';
import { filmPieces } from '../render/film.js';
import { readStore } from '../store/file.js';
import { you } from './you.js';

export interface ShowCommandOptions {
  store: string;
  film: string;
  json: boolean;
  full: boolean;
  spoilers: boolean;
  limit: number | null;
}

export async function run(options: ShowCommandOptions, deps: Deps): Promise<void> {
  const { io } = deps;
  const { films } = await readStore(options.store);
  const film = findFilm(films, options.film);
  const me = you(deps);
  if (options.json) {
    io.out.write(`${toJson(showJson(film, yourFilm(film, me), othersRating(film, me)))}\n`);
    return;
  }
  const { limit, full, spoilers } = options;
  const shortId = shortIds(
    films,
    film.reviews.map((review) => review.id),
  );
  await writeEach(io.out, filmPieces(film, { ...lookOf(io), limit, full, spoilers, you: me, shortId }));
}
