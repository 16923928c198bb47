import type { IncomingFilm, IncomingReview, MergeMode } from '../domain/merge.js';
import type { Reading } from '../domain/rules.js';
import { textKey } from '../domain/text-key.js';
import type { Found } from '../io.js';

/** What an importer read: films to merge, the rows it could not use (`file:line: why`), and warnings. */
export interface ImportBatch {
  films: IncomingFilm[];
  problems: string[];
  warnings: string[];
  /** Entries read but deliberately not imported, with why (e.g. a diary entry with no rating). */
  ignored: string[];
  mode: MergeMode;
}

export const emptyBatch = (mode: MergeMode): ImportBatch => ({ films: [], problems: [], warnings: [], ignored: [], mode });

/** A cell's value, or `fallback` with why it is wrong added to the row's `problems`. */
export function take<T>(reading: Reading<T>, fallback: T, problems: string[]): T {
  if (reading.ok) return reading.value;
  problems.push(reading.why);
  return fallback;
}

/** Collects rows into one incoming film each, keyed by an id or by title and year. */
export class FilmCollector {
  private readonly films = new Map<string, IncomingFilm>();
  private reviews = 0;

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
    this.reviews += 1;
  }

  /** How many films and reviews so far, for the progress line. */
  found(): Found {
    return { films: this.films.size, reviews: this.reviews };
  }

  all(): IncomingFilm[] {
    return [...this.films.values()];
  }
}
