import { othersRating, yourFilm } from '../domain/diary.js';
import { findFilm } from '../domain/lookup.js';
import { showJson, toJson } from '../formats/json-export.js';
import type { Deps } from '../io.js';
import { renderFilm } from '../render/film.js';
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
  const film = findFilm((await readStore(options.store)).films, options.film);
  const me = you(deps);
  if (options.json) {
    io.out.write(`${toJson(showJson(film, yourFilm(film, me), othersRating(film, me)))}\n`);
    return;
  }
  io.out.write(
    renderFilm(film, { limit: options.limit, full: options.full, spoilers: options.spoilers, width: io.columns, color: io.color, you: me }),
  );
}
