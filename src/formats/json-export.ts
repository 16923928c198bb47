import { ratingSummary, type RatingSummary } from '../domain/rating.js';
import { FILM_KEYS, MARK_KEYS, REVIEW_KEYS, STORE_VERSION, type Film, type FilmMark, type Review } from '../domain/model.js';
import type { WatchlistItem, YourFilm } from '../domain/diary.js';
import type { FoundReview } from '../domain/reviews.js';
import type { FilmHits } from '../domain/search.js';

/** A copy of `value` with its keys in the model's order, whatever built it; JSON.stringify writes them in that order. */
function ordered<T extends object>(value: T, keys: readonly (keyof T & string)[]): T {
  const copy: Partial<T> = {};
  for (const key of keys) if (value[key] !== undefined) copy[key] = value[key];
  return copy as T;
}

/** Whether an object's keys are some of `keys`, in their order: its JSON text is then its ordered copy's. */
function keysInOrder(value: object, keys: readonly string[]): boolean {
  let next = 0;
  // for…in, not Object.keys: no array made for each of a store's objects (a plain object has no inherited keys).
  for (const key in value) {
    next = keys.indexOf(key, next) + 1;
    if (next === 0) return false;
  }
  return true;
}

/** Whether a film's keys, its reviews' and its marks' are the model's only, in its order: as a store read from a file has them. */
export function inModelOrder(film: Film): boolean {
  return (
    keysInOrder(film, FILM_KEYS) &&
    film.reviews.every((review) => keysInOrder(review, REVIEW_KEYS)) &&
    film.marks.every((mark) => keysInOrder(mark, MARK_KEYS))
  );
}

const canonicalReview = (review: Review): Review => ordered(review, REVIEW_KEYS);
const canonicalMark = (mark: FilmMark): FilmMark => ordered(mark, MARK_KEYS);

/** A film as every JSON text films writes holds it, the model's key order at every level: the film itself when it has that order already. */
function canonicalFilm(film: Film): Film {
  if (inModelOrder(film)) return film;
  const copy = ordered(film, FILM_KEYS);
  copy.reviews = film.reviews.map(canonicalReview);
  copy.marks = film.marks.map(canonicalMark);
  return copy;
}

export type FilmJson = Omit<Film, 'reviews' | 'marks'> & { rating: RatingSummary; reviews: Review[]; marks: FilmMark[] };

export function filmJson(film: Film): FilmJson {
  const { reviews, marks, ...details } = canonicalFilm(film);
  return { ...details, rating: ratingSummary(reviews), reviews, marks };
}

/**
 * `films show --json`: the film, then what you made of it and the crowd's rating (each other
 * person's current rating once), added after every field the contract had.
 */
export const showJson = (film: Film, you: YourFilm, others: RatingSummary): FilmJson & { you: YourFilm; others: RatingSummary } => ({
  ...filmJson(film),
  you,
  others,
});

/** A diary entry as `films diary --json` prints it: the film named, then the entry. */
export const diaryJson = ({ film, review }: FoundReview) => ({
  id: review.id,
  film: film.slug,
  title: film.title,
  year: film.year,
  watchedDate: review.watchedDate ?? null,
  rating: review.rating,
  rewatch: review.rewatch === true,
  liked: review.liked === true,
  tags: review.tags ?? [],
  text: review.text,
  spoiler: review.spoiler,
  author: review.author,
  createdAt: review.createdAt,
});

/** A watchlist's film as `films watchlist --json` prints it. */
export const watchlistJson = ({ film, addedAt }: WatchlistItem) => ({ film: film.slug, title: film.title, year: film.year, addedAt });

/** A review as `review list --json` and `review add --json` print it: with its film's slug. */
export const reviewJson = ({ film, review }: FoundReview): Review & { film: string } => ({ ...canonicalReview(review), film: film.slug });

/** `films search --json`: each film with the texts that hold the words and where. */
export const searchJson = (results: readonly FilmHits[]) =>
  results.map(({ film, hits }) => ({
    slug: film.slug,
    title: film.title,
    matches: hits.map(({ field, reviewId, author, spoiler, text, ranges }) => ({ field, reviewId, author, spoiler, text, ranges })),
  }));

/** JSON as scripts get it; `indent` 0 gives one line (NDJSON). Key order is the store's, which the schema fixes on read. */
export function toJson(value: unknown, indent = 2): string {
  return JSON.stringify(value, null, indent || undefined);
}

/** A film's JSON text in the model's key order; `indent` 0 gives one line. */
export function filmText(film: Film, indent: number): string {
  return JSON.stringify(canonicalFilm(film), null, indent || undefined);
}

/**
 * About how many characters of JSON a piece holds: under V8's 128 KB for an ordinary object (64K
 * characters of a two-byte string), so that each piece is a young string, collected cheaply, and its
 * batch of films one call to JSON.stringify (~40% less time than pieces of a megabyte).
 */
const PIECE_CHARS = 48_000;

/** A film's JSON length, roughly: its reviews' texts and a few hundred characters for the other fields. */
const roughLength = (film: Film): number => film.reviews.reduce((sum, review) => sum + review.text.length + 300, 600);
/** A batch of films stringified under this key sits as deep as the document's films: its text between these is theirs. */
const BATCH_OPEN = '{\n  "films": [\n    ';
const BATCH_CLOSE = '\n  ]\n}';

/**
 * The store or export document's JSON text (two-space indent, keys in the model's order) plus a
 * final newline, in pieces of about PIECE_CHARS: a 75 MB store never exists as one string.
 */
export function* storeJsonChunks(document: { version: number; films: readonly Film[] }): Generator<string> {
  const { films } = document;
  yield `{\n  "version": ${JSON.stringify(document.version)},\n  "films": [`;
  let next = 0;
  while (next < films.length) {
    const batch: Film[] = [];
    for (let length = 0; next < films.length && length < PIECE_CHARS; next++) {
      const film = films[next] as Film;
      batch.push(canonicalFilm(film));
      length += roughLength(film);
    }
    const text = JSON.stringify({ films: batch }, null, 2);
    yield `${next > batch.length ? ',' : ''}\n    ${text.slice(BATCH_OPEN.length, text.length - BATCH_CLOSE.length)}`;
  }
  yield films.length ? '\n  ]\n}\n' : ']\n}\n';
}

/** Exports list films by slug, so the same store always gives the same bytes. */
export const bySlug = (films: readonly Film[]): Film[] => [...films].sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));

/** The export document, a piece at a time. */
export function exportChunks(films: readonly Film[]): Generator<string> {
  return storeJsonChunks({ version: STORE_VERSION, films: bySlug(films) });
}

/** The export document. */
export function exportDocument(films: readonly Film[]): string {
  return [...exportChunks(films)].join('');
}

/** One film of the export document per line. */
export function exportNdjson(films: readonly Film[]): string {
  return bySlug(films)
    .map((film) => `${filmText(film, 0)}\n`)
    .join('');
}
