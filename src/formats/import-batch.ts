import type { IncomingFilm, IncomingReview, MergeMode } from '../domain/merge.js';
import { mergeMarks } from '../domain/marks.js';
import type { FilmMark } from '../domain/model.js';
import { groupDigits } from '../domain/numbers.js';
import type { Reading } from '../domain/rules.js';
import { textKey } from '../domain/text-key.js';
import type { Found } from '../progress.js';

/** What an importer read: films to merge, the rows it could not use (one line each, `file:line: why; why`), and warnings. */
export interface ImportBatch {
  films: IncomingFilm[];
  problems: string[];
  warnings: string[];
  mode: MergeMode;
}

export const emptyBatch = (mode: MergeMode): ImportBatch => ({ films: [], problems: [], warnings: [], mode });

/** The reasons a row's line names; a row can break thousands of rules (a list of wrong entries), the line stays short. */
const REASONS_NAMED = 5;

/** A row that breaks rules, as one line however many it breaks, so bad rows are counted as rows. */
export function badRow(batch: ImportBatch, where: string, whys: readonly string[]): void {
  if (whys.length === 0) return;
  const more = whys.length - REASONS_NAMED;
  const named = more > 0 ? [...whys.slice(0, REASONS_NAMED), `and ${groupDigits(more)} more`] : whys;
  batch.problems.push(`${where}: ${named.join('; ')}`);
}

/** A cell's value, or `fallback` with why it is wrong added to the row's `problems`. */
export function take<T>(reading: Reading<T>, fallback: T, problems: string[]): T {
  if (reading.ok) return reading.value;
  problems.push(reading.why);
  return fallback;
}

/** What a row says about its film. */
export type FilmDetails = Pick<IncomingFilm, 'title' | 'year'> &
  Partial<Pick<IncomingFilm, 'imdbId' | 'letterboxdUri' | 'tmdbId' | 'titleType' | 'localTitle' | 'genres' | 'cast' | 'ratingsCount'>>;

/**
 * Gathers rows into incoming films: rows that name a film the same way (title, year and the same
 * ids) are one; whether films named differently are one is for the merge to tell (film-identity.ts).
 */
export class FilmCollector {
  private readonly films = new Map<string, IncomingFilm>();
  private reviews = 0;

  /** The film a row names; `where` is the row (`file:line`). */
  film(details: FilmDetails, where: string): IncomingFilm {
    const key = [textKey(details.title), details.year, details.imdbId, details.letterboxdUri, details.tmdbId].join('\u0000');
    const known = this.films.get(key);
    if (known) {
      known.rows?.push(where);
      return known;
    }
    // Object.assign, not { ...details, countries: [], … }: V8 (Node 20) gives every object built as a spread
    // followed by more properties a hidden class of its own, ~400 bytes a row of a large import.
    const cast = details.cast ?? [];
    const film: IncomingFilm = Object.assign({}, details, {
      countries: [],
      genres: details.genres ?? [],
      synopsis: '',
      cast,
      castCount: cast.length,
      ratingsCount: details.ratingsCount ?? null,
      related: [],
      reviews: [],
      marks: [],
      rows: [where],
    });
    this.films.set(key, film);
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

  mark(film: IncomingFilm, mark: Partial<FilmMark> & Pick<FilmMark, 'author'>): void {
    film.marks = mergeMarks(film.marks, [{ watchlistedAt: null, watched: false, liked: false, ...mark }]);
  }

  all(): IncomingFilm[] {
    return [...this.films.values()];
  }
}
