import { UsageError } from '../errors.js';
import type { Deps } from '../io.js';
import { checkFilm, addFilm, type FilmInput } from '../domain/films.js';
import { storeWriter } from './store-writer.js';
import { updateStore } from '../store/file.js';
import { printFilmResult } from './print-film.js';

export interface AddOptions {
  store: string;
  given: Partial<FilmInput>;
  json: boolean;
}

export async function run(options: AddOptions, deps: Deps): Promise<void> {
  const { given } = options;
  const start: FilmInput = { title: '', year: null, countries: [], genres: [], synopsis: '', cast: [], ...given };
  let input: FilmInput;
  if (given.title !== undefined) {
    input = checkFilm(start);
  } else if (deps.io.canPrompt) {
    // The prompts and their preview load only at a terminal: ~8 ms that every scripted add would pay.
    const { askFilm } = await import('./ask-film.js');
    input = await askFilm(start, { io: deps.io, prompter: await deps.prompter() });
  } else {
    throw new UsageError('missing --title <title>', 'for example: films add --title "Dear Comrades!" --year 2020 --genre Drama');
  }
  const film = await updateStore(options.store, storeWriter(deps), (data) => addFilm(data, input));
  printFilmResult('Added', film, options.json, deps.io);
}
