import { SLUG, type Change, type Film, type Review, type ReviewContent, type StoreData } from './model.js';
import { allReviewIds, contentKey, newestFirst, reviewId } from './reviews.js';
import { mergeMarks } from './marks.js';
import { uniqueSlug } from './slug.js';
import { textKey } from './text-key.js';

/** A review as an importer reads it; our own export also brings its id. */
export interface IncomingReview extends ReviewContent {
  id?: string;
}

/** A film as an importer reads it: our own export also brings its slug. */
export interface IncomingFilm extends Omit<Film, 'slug' | 'reviews'> {
  slug?: string;
  reviews: IncomingReview[];
}

/**
 * How an import treats a film that is already there: a `snapshot` (a film page, our own export)
 * replaces the details it has; a `partial` source (a CSV row) only fills in what is missing.
 */
export type MergeMode = 'snapshot' | 'partial';

export interface ImportSummary {
  filmsAdded: string[];
  filmsUpdated: string[];
  filmsUnchanged: string[];
  reviewsAdded: number;
  /** Reviews already in the store, found again. */
  reviewsSkipped: number;
}

function mergedDetails(film: Film, incoming: IncomingFilm, mode: MergeMode): Film {
  const take = <T>(next: T, current: T, empty: (value: T) => boolean): T =>
    empty(next) ? current : mode === 'snapshot' || empty(current) ? next : current;
  const list = <T>(next: T[], current: T[]): T[] => take(next, current, (value) => value.length === 0);
  return {
    ...film,
    year: take(incoming.year, film.year, (value) => value === null),
    countries: list(incoming.countries, film.countries),
    genres: list(incoming.genres, film.genres),
    synopsis: take(incoming.synopsis, film.synopsis, (value) => value === ''),
    cast: list(incoming.cast, film.cast),
    castCount: Math.max(incoming.castCount, film.castCount),
    ratingsCount: take(incoming.ratingsCount, film.ratingsCount, (value) => value === null),
    related: list(incoming.related, film.related),
    ...((film.imdbId ?? incoming.imdbId) ? { imdbId: film.imdbId ?? incoming.imdbId } : {}),
    ...((film.letterboxdUri ?? incoming.letterboxdUri) ? { letterboxdUri: film.letterboxdUri ?? incoming.letterboxdUri } : {}),
    ...((film.tmdbId ?? incoming.tmdbId) ? { tmdbId: film.tmdbId ?? incoming.tmdbId } : {}),
    ...((film.titleType ?? incoming.titleType) ? { titleType: film.titleType ?? incoming.titleType } : {}),
    ...((film.localTitle ?? incoming.localTitle) ? { localTitle: film.localTitle ?? incoming.localTitle } : {}),
    marks: mergeMarks(film.marks, incoming.marks),
  };
}

/** Finds the store's film for an incoming one: by IMDb id, then Letterboxd URI, then title and year. */
class FilmIndex {
  private readonly byImdb = new Map<string, number>();
  private readonly byUri = new Map<string, number>();
  private readonly byTitle = new Map<string, number[]>();

  constructor(private readonly films: Film[]) {
    films.forEach((film, index) => this.add(film, index));
  }

  add(film: Film, index: number): void {
    if (film.imdbId) this.byImdb.set(film.imdbId, index);
    if (film.letterboxdUri) this.byUri.set(film.letterboxdUri, index);
    const key = textKey(film.title);
    this.byTitle.set(key, [...(this.byTitle.get(key) ?? []), index]);
  }

  find(incoming: IncomingFilm): number {
    const byId =
      (incoming.imdbId && this.byImdb.get(incoming.imdbId)) ?? (incoming.letterboxdUri && this.byUri.get(incoming.letterboxdUri));
    if (typeof byId === 'number') return byId;
    const candidates = this.byTitle.get(textKey(incoming.title)) ?? [];
    const exact = candidates.find((index) => this.films[index]?.year === incoming.year);
    if (exact !== undefined) return exact;
    return candidates.find((index) => incoming.year === null || this.films[index]?.year === null) ?? -1;
  }
}

/** Merges imported films into the store; reviews already there (same content) are skipped, so a re-import changes nothing. */
type Outcome = 'added' | 'updated' | 'unchanged';

/** Two versions of a film with the same details (reviews aside). */
const sameDetails = (a: Film, b: Film): boolean => JSON.stringify({ ...a, reviews: [] }) === JSON.stringify({ ...b, reviews: [] });

/**
 * Merges imported films into the store; reviews already there (same content) are skipped, so a
 * re-import changes nothing. `onFilm` is told how many incoming films are done (for a progress line).
 */
export function mergeFilms(
  data: StoreData,
  incoming: readonly IncomingFilm[],
  mode: MergeMode = 'snapshot',
  onFilm: (done: number) => void = () => undefined,
): Change<ImportSummary> {
  const summary: ImportSummary = { filmsAdded: [], filmsUpdated: [], filmsUnchanged: [], reviewsAdded: 0, reviewsSkipped: 0 };
  const films = [...data.films];
  const index = new FilmIndex(films);
  const slugs = new Set(films.map((film) => film.slug));
  const ids = allReviewIds(films);
  /** What happened to each film the import names, by its place in `films`, in the order first named. */
  const outcomes = new Map<number, Outcome>();
  for (const [done, source] of incoming.entries()) {
    onFilm(done);
    const found = index.find(source);
    const existing = found >= 0 ? films[found] : undefined;
    const { slug: wanted, reviews: incomingReviews, ...details } = source;
    const slug =
      existing?.slug ?? (wanted && SLUG.test(wanted) && !slugs.has(wanted) ? wanted : uniqueSlug(source.title, source.year, slugs));
    const base: Film = existing
      ? mergedDetails(existing, source, mode)
      : { slug, ...details, reviews: [], marks: mergeMarks([], details.marks) };
    const known = new Set(base.reviews.map(contentKey));
    const added: Review[] = [];
    for (const { id: wantedId, ...review } of incomingReviews) {
      const key = contentKey(review);
      if (known.has(key)) {
        summary.reviewsSkipped += 1;
        continue;
      }
      known.add(key);
      const id = wantedId && !ids.has(wantedId) ? wantedId : reviewId(slug, review, ids);
      ids.add(id);
      added.push({ id, ...review });
    }
    summary.reviewsAdded += added.length;
    const merged: Film = { ...base, reviews: added.length ? newestFirst([...base.reviews, ...added]) : base.reviews };
    if (!existing) {
      slugs.add(slug);
      films.push(merged);
      index.add(merged, films.length - 1);
      outcomes.set(films.length - 1, 'added');
    } else if (added.length || !sameDetails(merged, existing)) {
      films[found] = merged;
      if (outcomes.get(found) !== 'added') outcomes.set(found, 'updated');
    } else if (!outcomes.has(found)) {
      outcomes.set(found, 'unchanged');
    }
  }
  const lists: Record<Outcome, string[]> = { added: summary.filmsAdded, updated: summary.filmsUpdated, unchanged: summary.filmsUnchanged };
  for (const [at, outcome] of outcomes) lists[outcome].push((films[at] as Film).slug);
  const changed = [...outcomes.values()].some((outcome) => outcome !== 'unchanged');
  return { data: changed ? { ...data, films } : data, result: summary };
}
