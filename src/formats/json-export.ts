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

const canonicalReview = (review: Review): Review => ordered(review, REVIEW_KEYS);
const canonicalMark = (mark: FilmMark): FilmMark => ordered(mark, MARK_KEYS);

/** A film as every JSON text films writes holds it: the model's key order at every level. */
function canonicalFilm(film: Film): Film {
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
    matches: hits.map(({ field, reviewId, author, text, ranges }) => ({ field, reviewId, author, text, ranges })),
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
 * The store or export document's JSON text (two-space indent, keys in the model's order) plus a
 * final newline, a film at a time, in pieces of about a megabyte: a 75 MB store never exists as one
 * string, which is faster and lighter on memory.
 */
export function* storeJsonChunks(document: { version: number; films: readonly Film[] }): Generator<string> {
  let piece = `{\n  "version": ${JSON.stringify(document.version)},\n  "films": [`;
  for (const [index, film] of document.films.entries()) {
    piece += `${index ? ',' : ''}\n    ${filmText(film, 2).replace(/\n/g, '\n    ')}`;
    if (piece.length > 1 << 20) {
      yield piece;
      piece = '';
    }
  }
  piece += document.films.length ? '\n  ]' : ']';
  yield `${piece}\n}\n`;
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
