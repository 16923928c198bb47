import type { IncomingFilm, IncomingReview, MergeMode } from '../domain/merge.js';
import type { Reading } from '../domain/rules.js';
import { textKey } from '../domain/text-key.js';

/** What an importer read: films to merge, the rows it could not use (one line each, `file:line: why; why`), and warnings. */
export interface ImportBatch {
  films: IncomingFilm[];
  problems: string[];
  warnings: string[];
  /** Entries read but deliberately not imported, with why (e.g. a diary entry with no rating). */
  ignored: string[];
  mode: MergeMode;
}

export const emptyBatch = (mode: MergeMode): ImportBatch => ({ films: [], problems: [], warnings: [], ignored: [], mode });

/** A row that breaks rules, as one line however many it breaks, so bad rows are counted as rows. */
export function badRow(batch: ImportBatch, where: string, whys: readonly string[]): void {
  if (whys.length) batch.problems.push(`${where}: ${whys.join('; ')}`);
}

/** A cell's value, or `fallback` with why it is wrong added to the row's `problems`. */
export function take<T>(reading: Reading<T>, fallback: T, problems: string[]): T {
  if (reading.ok) return reading.value;
  problems.push(reading.why);
  return fallback;
}

/** Collects rows into one incoming film each, keyed by an id or by title and year. */
export class FilmCollector {
  private readonly films = new Map<string, IncomingFilm>();

  film(details: {
    title: string;
    year: number | null;
    imdbId?: string;
    letterboxdUri?: string;
    genres?: string[];
    ratingsCount?: number | null;
  }): IncomingFilm {
    const key = details.imdbId ?? `${textKey(details.title)}\u0000${details.year ?? ''}`;
    let film = this.films.get(key);
    if (!film) {
      film = {
        title: details.title,
        year: details.year,
        countries: [],
        genres: details.genres ?? [],
        synopsis: '',
        cast: [],
        castCount: 0,
        ratingsCount: details.ratingsCount ?? null,
        related: [],
        reviews: [],
        marks: [],
      };
      this.films.set(key, film);
    }
    if (details.imdbId) film.imdbId = details.imdbId;
    if (details.letterboxdUri) film.letterboxdUri = details.letterboxdUri;
    return film;
  }

  review(film: IncomingFilm, review: IncomingReview): void {
    film.reviews.push(review);
  }

  all(): IncomingFilm[] {
    return [...this.films.values()];
  }
}
