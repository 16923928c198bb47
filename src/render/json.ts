import { ratingSummary, type RatingSummary } from '../domain/rating.js';
import { STORE_VERSION, storeJson, storeJsonChunks, type Film, type Review } from '../store/schema.js';

export type FilmJson = Omit<Film, 'reviews'> & { rating: RatingSummary; reviews: Review[] };

export function filmJson(film: Film): FilmJson {
  const { reviews, ...details } = film;
  return { ...details, rating: ratingSummary(reviews), reviews };
}

/** JSON as scripts get it; `indent` 0 gives one line (NDJSON). Key order is the store's, which the schema fixes on read. */
export function toJson(value: unknown, indent = 2): string {
  return JSON.stringify(value, null, indent || undefined);
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
