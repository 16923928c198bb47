import { DataError, NotFoundError, UsageError } from '../errors.js';
import type { Change, Film, StoreData } from './model.js';
import { cleanList, filmLabel, filmProblems, normaliseText, quoted } from './rules.js';

/** Lists are cleaned by the rulebook's rule; it was born here, and film code still finds it here. */
export { cleanList } from './rules.js';
import { uniqueSlug } from './slug.js';
import { textKey } from './text-key.js';

/** What a person says about a film: everything but its slug, outside counts, ids elsewhere and reviews. */
export type FilmInput = Pick<Film, 'title' | 'year' | 'countries' | 'genres' | 'synopsis' | 'cast'>;

/** A film as a person gives it, normalised; the first rule it breaks is refused. */
export function checkFilm(input: FilmInput): FilmInput {
  const title = input.title.trim().replace(/\s+/g, ' ');
  const synopsis = normaliseText(input.synopsis);
  const [problem] = filmProblems({ title, synopsis });
  if (problem) throw new UsageError(problem.why, problem.fix);
  return {
    title,
    year: input.year,
    countries: cleanList(input.countries),
    genres: cleanList(input.genres),
    synopsis,
    cast: cleanList(input.cast),
  };
}

const sameTitleAndYear = (film: Film, input: FilmInput): boolean =>
  textKey(film.title) === textKey(input.title) && film.year === input.year;

export function addFilm(data: StoreData, input: FilmInput): Change<Film> {
  const clash = data.films.find((film) => sameTitleAndYear(film, input));
  if (clash)
    throw new DataError(
      `${filmLabel(clash, quoted)} is already in the store as ${clash.slug}`,
      `change it with 'films edit ${clash.slug}'`,
    );
  const slug = uniqueSlug(input.title, input.year, new Set(data.films.map((film) => film.slug)));
  const film: Film = { slug, ...input, castCount: input.cast.length, ratingsCount: null, related: [], reviews: [], marks: [] };
  return { data: { ...data, films: [...data.films, film] }, result: film };
}

function existing(data: StoreData, slug: string): Film {
  const film = data.films.find((candidate) => candidate.slug === slug);
  if (!film) throw new NotFoundError(`no film "${slug}"`, 'it was removed meanwhile; check with films list');
  return film;
}

/** Changes a film's details; its slug stays, so commands and scripts that name it keep working. */
export function editFilm(data: StoreData, slug: string, change: (film: Film) => FilmInput): Change<Film> {
  const film = existing(data, slug);
  const input = change(film);
  const clash = data.films.find((other) => other.slug !== slug && sameTitleAndYear(other, input));
  if (clash) throw new DataError(`${filmLabel(clash, quoted)} is already in the store as ${clash.slug}`, 'choose another title or year');
  const edited: Film = { ...film, ...input, castCount: Math.max(film.castCount, input.cast.length) };
  return { data: { ...data, films: data.films.map((other) => (other.slug === slug ? edited : other)) }, result: edited };
}

/** Removes a film and its reviews. */
export function removeFilm(data: StoreData, slug: string): Change<Film> {
  const film = existing(data, slug);
  return { data: { ...data, films: data.films.filter((other) => other.slug !== slug) }, result: film };
}
