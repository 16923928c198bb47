import { UsageError } from '../errors.js';
import type { Deps } from '../io.js';
import { checkFilm, editFilm, type FilmInput } from '../domain/films.js';
import type { Film } from '../domain/model.js';
import { storeWriter, updateStoreIfChanged } from './store-writer.js';
import { findFilm } from '../domain/lookup.js';
import { readStore } from '../store/file.js';
import { printFilmResult } from './print-film.js';

export interface EditOptions {
  store: string;
  film: string;
  given: Partial<FilmInput>;
  json: boolean;
}

/**
 * With flags, the flags say what changes and every other detail keeps its value: nothing is left
 * to ask. Without, at a terminal, the questions of films add, prefilled with the film's details.
 */
export async function run(options: EditOptions, deps: Deps): Promise<void> {
  const details = (film: Film): FilmInput => ({
    title: film.title,
    year: film.year,
    countries: film.countries,
    genres: film.genres,
    synopsis: film.synopsis,
    cast: film.cast,
  });
  const writer = storeWriter(deps);
  let edited: { result: Film; changed: boolean };
  if (Object.keys(options.given).length) {
    // The flags say it all: one read of the store, under the lock.
    edited = await updateStoreIfChanged(options.store, writer, (data) =>
      editFilm(data, findFilm(data.films, options.film).slug, (film) => checkFilm({ ...details(film), ...options.given })),
    );
  } else if (deps.io.canPrompt) {
    const film = findFilm((await readStore(options.store)).films, options.film);
    const { askFilm, FILM_QUESTIONS } = await import('./ask-film.js');
    const asked = await askFilm(details(film), new Set(FILM_QUESTIONS), { io: deps.io, prompter: await deps.prompter(), editing: film });
    edited = await updateStoreIfChanged(options.store, writer, (data) => editFilm(data, film.slug, () => asked.film));
  } else {
    throw new UsageError('nothing to change', 'pass --title, --year, --country, --genre, --synopsis or --cast');
  }
  printFilmResult(edited.changed ? 'changed' : 'unchanged', edited.result, options.json, deps.io);
}
