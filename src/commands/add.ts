import { UsageError } from '../errors.js';
import type { Deps } from '../io.js';
import type { FilmInput } from '../domain/films.js';
import { storeWriter } from './store-writer.js';

export interface AddOptions {
  store: string;
  given: Partial<FilmInput>;
  json: boolean;
}

export async function run(options: AddOptions, deps: Deps): Promise<void> {
  const { checkFilm, addFilm } = await import('../domain/films.js');
  const { updateStore } = await import('../store/file.js');
  const { given } = options;
  const start: FilmInput = { title: '', year: null, countries: [], genres: [], synopsis: '', cast: [], ...given };
  let input: FilmInput;
  if (given.title !== undefined) {
    input = checkFilm(start);
  } else if (deps.io.canPrompt) {
    const { askFilm } = await import('./ask-film.js');
    input = await askFilm(start, { io: deps.io, prompter: await deps.prompter() });
  } else {
    throw new UsageError('missing --title <title>', 'for example: films add --title "Dear Comrades!" --year 2020 --genre Drama');
  }
  const film = await updateStore(options.store, storeWriter(deps), (data) => addFilm(data, input));
  const { printFilmResult } = await import('./print-film.js');
  printFilmResult('Added', film, options.json, deps.io);
}
