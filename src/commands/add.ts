import { UsageError } from '../errors.js';
import type { Deps } from '../io.js';
import { checkFilm, addFilm, type FilmInput } from '../domain/films.js';
import { storeWriter } from './store-writer.js';
import { readStore, updateStore } from '../store/file.js';
import { printFilmResult } from './print-film.js';
import { filmProblems } from '../domain/rules.js';
import type { FilmQuestion } from './ask-film.js';

export interface AddOptions {
  store: string;
  given: Partial<FilmInput>;
  /** Save what the flags say without asking anything, even at a terminal. */
  yes: boolean;
  /** Add it even when it looks like a film already in the store. */
  force: boolean;
  json: boolean;
}

export async function run(options: AddOptions, deps: Deps): Promise<void> {
  const { given } = options;
  const start: FilmInput = { title: '', year: null, countries: [], genres: [], synopsis: '', cast: [], ...given };
  let input: FilmInput;
  let force = options.force;
  if (!deps.io.canPrompt || options.yes) {
    if (given.title === undefined) {
      throw new UsageError('missing --title <title>', 'for example: films add --title "Dear Comrades!" --year 2020 --genre Drama');
    }
    input = checkFilm(start);
  } else {
    // What the flags gave is checked before anything is asked.
    const [problem] = filmProblems(start, { asked: given.title === undefined });
    if (problem) throw new UsageError(problem.why, problem.fix);
    // The prompts and their preview load only at a terminal: ~8 ms that every scripted add would pay.
    const { askFilm, FILM_QUESTIONS } = await import('./ask-film.js');
    const left = new Set<FilmQuestion>(FILM_QUESTIONS.filter((question) => !(question in given)));
    const films = options.force ? null : (await readStore(options.store)).films;
    const asked = await askFilm(start, left, { io: deps.io, prompter: await deps.prompter(), adding: films });
    input = asked.film;
    force ||= asked.force;
  }
  const film = await updateStore(options.store, storeWriter(deps), (data) => addFilm(data, input, { force }));
  printFilmResult('added', film, options.json, deps.io);
}
