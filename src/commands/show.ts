import type { Deps } from '../io.js';

export interface ShowCommandOptions {
  store: string;
  film: string;
  json: boolean;
  full: boolean;
  spoilers: boolean;
  limit: number | null;
}

export async function run(options: ShowCommandOptions, { io }: Deps): Promise<void> {
  // Each import is a file to read: start them together, and load the renderer while the store is read.
  const renderer = options.json ? null : import('../render/film.js');
  const [{ readStore }, { findFilm }] = await Promise.all([import('../store/file.js'), import('../domain/lookup.js')]);
  const film = findFilm((await readStore(options.store)).films, options.film);
  if (renderer === null) {
    const { filmJson, toJson } = await import('../formats/json-export.js');
    io.out.write(`${toJson(filmJson(film))}\n`);
    return;
  }
  const { renderFilm } = await renderer;
  io.out.write(renderFilm(film, { limit: options.limit, full: options.full, spoilers: options.spoilers, width: io.columns, color: io.color }));
}
