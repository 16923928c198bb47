import { findFilm } from '../domain/lookup.js';
import { filmJson, toJson } from '../formats/json-export.js';
import type { Deps } from '../io.js';
import { renderFilm } from '../render/film.js';
import { readStore } from '../store/file.js';

export interface ShowCommandOptions {
  store: string;
  film: string;
  json: boolean;
  full: boolean;
  spoilers: boolean;
  limit: number | null;
}

export async function run(options: ShowCommandOptions, { io }: Deps): Promise<void> {
  const film = findFilm((await readStore(options.store)).films, options.film);
  if (options.json) {
    io.out.write(`${toJson(filmJson(film))}\n`);
    return;
  }
  io.out.write(
    renderFilm(film, { limit: options.limit, full: options.full, spoilers: options.spoilers, width: io.columns, color: io.color }),
  );
}
