import { checkFilm, cleanList, type FilmInput } from '../domain/films.js';
import { CancelledError } from '../errors.js';
import type { IO } from '../io.js';
import type { Prompter } from '../prompts.js';
import { normaliseText, parseYear, tooLong } from '../domain/rules.js';
import { renderFilm } from '../render/film.js';

/** Asks for every detail of a film, starting from `start`, previews it and asks to save. */
export async function askFilm(start: FilmInput, { io, prompter }: { io: IO; prompter: Prompter }): Promise<FilmInput> {
  const validYear = (value: string): true | string => {
    try {
      parseYear(value, 'the year');
      return true;
    } catch (error) {
      return (error as Error).message;
    }
  };
  const list = async (message: string, current: string[]): Promise<string[]> =>
    cleanList([await prompter.input({ message: `${message} (separated by commas)`, default: current.join(', '), allowEmpty: true })]);
  const title = await prompter.input({
    message: 'Title',
    default: start.title || undefined,
    validate: (value) => (value.trim() ? (tooLong('title', value.trim()) ?? true) : 'the title cannot be empty'),
  });
  const year = parseYear(
    await prompter.input({ message: 'Year (or none)', default: start.year === null ? 'none' : String(start.year), validate: validYear }),
  );
  const countries = await list('Countries', start.countries);
  const genres = await list('Genres', start.genres);
  const synopsis = await prompter.input({
    message: 'Synopsis',
    default: start.synopsis,
    allowEmpty: true,
    validate: (value) => tooLong('synopsis', normaliseText(value)) ?? true,
  });
  const cast = await list('Cast', start.cast);
  const film = checkFilm({ title, year, countries, genres, synopsis, cast });
  const preview = { slug: 'new', ...film, castCount: film.cast.length, ratingsCount: null, related: [], reviews: [], marks: [] };
  io.out.write(`\n${renderFilm(preview, { limit: 0, full: true, spoilers: false, width: io.columns, color: io.color })}\n`);
  if (!(await prompter.confirm({ message: 'Save this film?', default: true }))) throw new CancelledError();
  return film;
}
