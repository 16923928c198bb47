import { ratingSummary, type RatingSummary } from '../domain/rating.js';
import { STORE_VERSION, type Film, type Review } from '../store/schema.js';

export type FilmJson = Omit<Film, 'reviews'> & { rating: RatingSummary; reviews: Review[] };

export function filmJson(film: Film): FilmJson {
  const { reviews, ...details } = film;
  return { ...details, rating: ratingSummary(reviews), reviews };
}

/** JSON as scripts get it; `indent` 0 gives one line (NDJSON). Key order is the store's, which the schema fixes on read. */
export function toJson(value: unknown, indent = 2): string {
  return JSON.stringify(value, null, indent || undefined);
}

/** The export document: films by slug, so the same store always gives the same bytes. */
export function exportDocument(films: readonly Film[]): string {
  const sorted = [...films].sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  return `${toJson({ version: STORE_VERSION, films: sorted })}\n`;
}
