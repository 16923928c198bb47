import { ratingSummary, type RatingSummary } from '../domain/rating.js';
import { FILM_KEYS, REVIEW_KEYS, STORE_KEYS, STORE_VERSION, type Film, type Review } from '../domain/model.js';
import type { FoundReview } from '../domain/reviews.js';
import type { FilmHits } from '../domain/search.js';

export type FilmJson = Omit<Film, 'reviews'> & { rating: RatingSummary; reviews: Review[] };

export function filmJson(film: Film): FilmJson {
  const { reviews, ...details } = film;
  return { ...details, rating: ratingSummary(reviews), reviews };
}

/** A review as `review list --json` and `review add --json` print it: with its film's slug. */
export const reviewJson = ({ film, review }: FoundReview): Review & { film: string } => ({ ...review, film: film.slug });

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

/** Every key the store holds, in the model's order: JSON.stringify writes each object's keys in this order. */
const KEY_ORDER: string[] = [...STORE_KEYS, ...FILM_KEYS, ...REVIEW_KEYS];

/** JSON of store data (the store, an export, a film) in the model's key order, whatever built the objects. */
export function storeJson(value: unknown, indent: number): string {
  return JSON.stringify(value, KEY_ORDER, indent || undefined);
}

/**
 * The bytes of `storeJson(document, 2)` plus a final newline, a film at a time, in pieces of about
 * a megabyte: a 75 MB store never exists as one string, which is faster and lighter on memory.
 */
export function* storeJsonChunks(document: { version: number; films: readonly Film[]; lastAuthor?: string }): Generator<string> {
  let piece = `{\n  "version": ${JSON.stringify(document.version)},\n  "films": [`;
  for (const [index, film] of document.films.entries()) {
    piece += `${index ? ',' : ''}\n    ${storeJson(film, 2).replace(/\n/g, '\n    ')}`;
    if (piece.length > 1 << 20) {
      yield piece;
      piece = '';
    }
  }
  piece += document.films.length ? '\n  ]' : ']';
  if (document.lastAuthor !== undefined) piece += `,\n  "lastAuthor": ${JSON.stringify(document.lastAuthor)}`;
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
    .map((film) => `${storeJson(film, 0)}\n`)
    .join('');
}
