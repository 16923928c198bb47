import { FilmIndex, inIdentityOrder } from './film-identity.js';
import { mergeImportedReviews, type ImportedReview, type ReviewCounts } from './import-reviews.js';
import { markOf, mergeMarks, withoutRedundantWatched } from './marks.js';
import { SLUG, type Change, type Film, type FilmMark, type Review, type StoreData } from './model.js';
import { allReviewIds, contentKey, newestFirst, reviewId } from './reviews.js';
import { uniqueSlug } from './slug.js';

/** A review as an importer reads it; our own export also brings its id. */
export interface IncomingReview extends ImportedReview {
  id?: string;
}

/** A film as an importer reads it: our own export also brings its slug. */
export interface IncomingFilm extends Omit<Film, 'slug' | 'reviews'> {
  slug?: string;
  reviews: IncomingReview[];
}

/**
 * How an import treats a film that is already there: a `snapshot` (a film page, our own export)
 * replaces the details it has and adds reviews not already there word for word; a `partial`
 * source (a CSV row) only fills in what is missing, and merges entries and ratings by what they
 * are (see import-reviews.ts).
 */
export type MergeMode = 'snapshot' | 'partial';

export interface ImportSummary {
  filmsAdded: string[];
  filmsUpdated: string[];
  filmsUnchanged: string[];
  reviewsAdded: number;
  /** Reviews already there that the import completed (a review's text on its diary entry) or replaced (a newer rating). */
  reviewsUpdated: number;
  /** Reviews already in the store, found again, or saying nothing new. */
  reviewsSkipped: number;
  /** Plain ratings dropped because the import's diary entries say them. */
  reviewsRemoved: number;
  /** Marks the import set: films put on a watchlist, marked watched, liked (one per person and film). */
  marked: { watchlist: number; watched: number; liked: number };
}

/** How many marks `after` sets that `before` did not. */
function newMarks(before: readonly FilmMark[], after: readonly FilmMark[], counts: ImportSummary['marked']): void {
  for (const mark of after) {
    const was = markOf(before, mark.author);
    if (mark.watchlistedAt !== null && was.watchlistedAt === null) counts.watchlist += 1;
    if (mark.watched && !was.watched) counts.watched += 1;
    if (mark.liked && !was.liked) counts.liked += 1;
  }
}

function mergedDetails(film: Film, incoming: IncomingFilm, mode: MergeMode): Film {
  const take = <T>(next: T, current: T, empty: (value: T) => boolean): T =>
    empty(next) ? current : mode === 'snapshot' || empty(current) ? next : current;
  const list = <T>(next: T[], current: T[]): T[] => take(next, current, (value) => value.length === 0);
  const localTitle = film.localTitle ?? (incoming.localTitle !== film.title ? incoming.localTitle : undefined);
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
    ...(localTitle ? { localTitle } : {}),
  };
}

type Outcome = 'added' | 'updated' | 'unchanged';

/** Two versions of a film with the same details (reviews aside). */
const sameDetails = (a: Film, b: Film): boolean => JSON.stringify({ ...a, reviews: [] }) === JSON.stringify({ ...b, reviews: [] });

const noCounts = (): ReviewCounts => ({ added: 0, updated: 0, skipped: 0, removed: 0 });

/** Our export or a page: reviews not already there word for word are added, with the ids they bring when free. */
function mergeSnapshotReviews(slug: string, current: readonly Review[], incoming: readonly IncomingReview[], ids: Set<string>) {
  const counts = noCounts();
  const known = new Set(current.map(contentKey));
  const added: Review[] = [];
  for (const { id: wantedId, undated: _undated, ...review } of incoming) {
    const key = contentKey(review);
    if (known.has(key)) {
      counts.skipped += 1;
      continue;
    }
    known.add(key);
    const id = wantedId && !ids.has(wantedId) ? wantedId : reviewId(slug, review, ids);
    ids.add(id);
    added.push({ id, ...review });
  }
  counts.added = added.length;
  return { reviews: added.length ? newestFirst([...current, ...added]) : [...current], counts };
}

/**
 * Merges imported films into the store. Each is found by its ids, then its title and year (see
 * film-identity.ts), or added under a new slug. A partial batch is taken in an order of its own
 * (by title, year and ids), so that the same films read in any order get the same slugs.
 * `onFilm` is told how many incoming films are done (for a progress line).
 */
export function mergeFilms(
  data: StoreData,
  incoming: readonly IncomingFilm[],
  mode: MergeMode = 'snapshot',
  onFilm: (done: number) => void = () => undefined,
): Change<ImportSummary> {
  const summary: ImportSummary = {
    filmsAdded: [],
    filmsUpdated: [],
    filmsUnchanged: [],
    reviewsAdded: 0,
    reviewsUpdated: 0,
    reviewsSkipped: 0,
    reviewsRemoved: 0,
    marked: { watchlist: 0, watched: 0, liked: 0 },
  };
  const films = [...data.films];
  const index = new FilmIndex(films);
  const slugs = new Set(films.map((film) => film.slug));
  const counters = new Map<string, number>();
  const ids = allReviewIds(films);
  /** What happened to each film the import names, by its place in `films`, in the order first named. */
  const outcomes = new Map<number, Outcome>();
  let done = 0;
  for (const source of mode === 'partial' ? inIdentityOrder(incoming) : incoming) {
    onFilm(done++);
    const found = index.find(source);
    const existing = found >= 0 ? films[found] : undefined;
    const { slug: wanted, reviews: incomingReviews, ...details } = source;
    const slug =
      existing?.slug ??
      (wanted && SLUG.test(wanted) && !slugs.has(wanted) ? wanted : uniqueSlug(source.title, source.year, slugs, counters));
    const base: Film = existing ? mergedDetails(existing, source, mode) : { slug, ...details, reviews: [], marks: [] };
    const { reviews, counts } = (mode === 'partial' ? mergeImportedReviews : mergeSnapshotReviews)(
      slug,
      base.reviews,
      incomingReviews,
      ids,
    );
    summary.reviewsAdded += counts.added;
    summary.reviewsUpdated += counts.updated;
    summary.reviewsSkipped += counts.skipped;
    summary.reviewsRemoved += counts.removed;
    const marks = mergeMarks(base.marks, source.marks);
    const merged: Film = { ...base, reviews, marks: mode === 'partial' ? withoutRedundantWatched(marks, reviews) : marks };
    newMarks(base.marks, merged.marks, summary.marked);
    if (!existing) {
      slugs.add(slug);
      films.push(merged);
      index.add(merged, films.length - 1);
      outcomes.set(films.length - 1, 'added');
    } else if (counts.added || counts.updated || counts.removed || !sameDetails(merged, existing)) {
      films[found] = merged;
      index.add(merged, found);
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
