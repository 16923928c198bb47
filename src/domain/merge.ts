import { filmName, FilmIndex, inMatchingOrder } from './film-identity.js';
import { mergeImportedReviews, type ImportedReview, type ReviewCounts } from './import-reviews.js';
import { markOf, mergeMarks, settledMarks } from './marks.js';
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
  /** Where the importer read it (`file:line` of each row), to name the rows of a film it cannot place. */
  rows?: string[];
}

/** Rows whose title and year name several films and no id tells which: kept as a film of their own. */
export interface AmbiguousFilm {
  rows: string[];
  title: string;
  year: number | null;
  /** How each film it could be is known: its IMDb id, Letterboxd URI, or slug. */
  matches: string[];
  /** The film it was kept as. */
  slug: string;
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
  ambiguous: AmbiguousFilm[];
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

/** The same film: its details, and the very same reviews (a merge keeps the reviews it does not change). */
const sameFilm = (a: Film, b: Film): boolean =>
  sameDetails(a, b) && a.reviews.length === b.reviews.length && a.reviews.every((review, i) => review === b.reviews[i]);

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
 * film-identity.ts), or added under a new slug, as is one whose title and year name several films
 * (reported in `ambiguous`). A partial batch is taken in an order of its own, films with an id
 * first, then by title, year and ids: the same films read in any order get the same slugs, and
 * rows without an id are matched against every film the batch names. `onFilm` is told how many
 * incoming films are done (for a progress line).
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
    ambiguous: [],
  };
  const films = [...data.films];
  const index = new FilmIndex(films);
  const slugs = new Set(films.map((film) => film.slug));
  const counters = new Map<string, number>();
  const ids = allReviewIds(films);
  const fresh = new Set<string>();
  /** Each film the import names, by its place in `films`, in the order first named: as it was before (null: added). */
  const before = new Map<number, Film | null>();
  /** The slug our export named each film by that the import took (to keep its films apart). */
  const claimedBy = new Map<number, string>();
  let done = 0;
  for (const source of mode === 'partial' ? inMatchingOrder(incoming) : incoming) {
    onFilm(done++);
    const match = index.find(source);
    // Our export names its films by slug: two films it holds apart are two, whatever their titles.
    const heldApart = match.at >= 0 && source.slug !== undefined && (claimedBy.get(match.at) ?? source.slug) !== source.slug;
    const { at: found, ambiguous } = heldApart ? { at: -1, ambiguous: undefined } : match;
    const existing = found >= 0 ? films[found] : undefined;
    const { slug: wanted, reviews: incomingReviews, rows = [], ...details } = source;
    const slug =
      existing?.slug ??
      (wanted && SLUG.test(wanted) && !slugs.has(wanted) ? wanted : uniqueSlug(source.title, source.year, slugs, counters));
    const base: Film = existing ? mergedDetails(existing, source, mode) : { slug, ...details, reviews: [], marks: [] };
    const { reviews, counts } =
      mode === 'partial'
        ? mergeImportedReviews(slug, base.reviews, incomingReviews, ids, fresh)
        : mergeSnapshotReviews(slug, base.reviews, incomingReviews, ids);
    summary.reviewsAdded += counts.added;
    summary.reviewsUpdated += counts.updated;
    summary.reviewsSkipped += counts.skipped;
    summary.reviewsRemoved += counts.removed;
    const marks = mergeMarks(base.marks, source.marks);
    const merged: Film = { ...base, reviews, marks: mode === 'partial' ? settledMarks(marks, reviews) : marks };
    if (ambiguous) {
      const matches = ambiguous.map((at) => filmName(films[at] as Film));
      summary.ambiguous.push({ rows, title: source.title, year: source.year, matches, slug });
    }
    const at = existing ? found : films.length;
    if (!before.has(at)) before.set(at, existing ?? null);
    if (source.slug !== undefined) claimedBy.set(at, source.slug);
    if (!existing) slugs.add(slug);
    films[at] = merged;
    index.add(merged, at);
  }
  // Judged on the whole import: a film one row changed and a later row changed back is unchanged.
  const lists: Record<Outcome, string[]> = { added: summary.filmsAdded, updated: summary.filmsUpdated, unchanged: summary.filmsUnchanged };
  for (const [at, original] of before) {
    const film = films[at] as Film;
    const outcome: Outcome = original === null ? 'added' : sameFilm(film, original) ? 'unchanged' : 'updated';
    if (outcome === 'unchanged') films[at] = original as Film;
    lists[outcome].push(film.slug);
    newMarks(original?.marks ?? [], film.marks, summary.marked);
  }
  const storeChanged = summary.filmsAdded.length + summary.filmsUpdated.length > 0;
  return { data: storeChanged ? { ...data, films } : data, result: summary };
}
