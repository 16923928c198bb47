import { DataError, NotFoundError, UsageError } from '../errors.js';
import { sameRecord, type Change, type Film, type StoreData } from './model.js';
import { filmLabel, filmProblems, normaliseText, quoted } from './rules.js';
import { sameTitle } from './lookup.js';
import { cleanList } from './lists.js';
import { uniqueSlug } from './slug.js';

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

/**
 * The films that `input` would duplicate: the same title as lookup matches it (so that adding one
 * never makes a title ambiguous unawares), and the same year or either year unknown.
 */
export function duplicatesOf(films: readonly Film[], input: Pick<FilmInput, 'title' | 'year'>): Film[] {
  return films.filter(
    (film) => sameTitle(film.title, input.title) && (film.year === input.year || film.year === null || input.year === null),
  );
}

const alreadyThere = (film: Film): string => `${filmLabel(film, quoted)} is already in the store as ${film.slug}`;

/** Adds a film; one that duplicates another (duplicatesOf) is refused unless `force`. */
export function addFilm(data: StoreData, input: FilmInput, { force = false } = {}): Change<Film> {
  const [clash] = force ? [] : duplicatesOf(data.films, input);
  if (clash) throw new DataError(alreadyThere(clash), `change it with 'films edit ${clash.slug}', or pass --force to add another`);
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
/** A film with new details: its reviews, marks and ids kept; the page's cast count kept when it lists more than the names. */
export const withDetails = (film: Film, input: FilmInput): Film => ({
  ...film,
  ...input,
  castCount: Math.max(film.castCount, input.cast.length),
});

export function editFilm(data: StoreData, slug: string, change: (film: Film) => FilmInput): Change<Film> {
  const film = existing(data, slug);
  const input = change(film);
  // A new title or year may not make it a duplicate; one it already was (added with --force) stays allowed.
  const others = data.films.filter((other) => other.slug !== slug);
  const before = new Set(duplicatesOf(others, film));
  const clash = duplicatesOf(others, input).find((other) => !before.has(other));
  if (clash) throw new DataError(alreadyThere(clash), 'choose another title or year');
  const edited = withDetails(film, input);
  if (sameRecord(edited, film)) return { data, result: film };
  return { data: { ...data, films: data.films.map((other) => (other.slug === slug ? edited : other)) }, result: edited };
}

/** Removes a film and its reviews. */
export function removeFilm(data: StoreData, slug: string): Change<Film> {
  const film = existing(data, slug);
  return { data: { ...data, films: data.films.filter((other) => other.slug !== slug) }, result: film };
}
