import { FILM_KEYS, MARK_KEYS, REVIEW_KEYS, STORE_VERSION, type Film, type FilmMark, type Review, type StoreData } from './model.js';
import { idsConflict } from './film-identity.js';
import { byAuthor, noMark, saysNothing } from './marks.js';
import { isPlainRating } from './ratings.js';
import { newestFirst, reviewId } from './reviews.js';
import { uniqueSlug } from './slug.js';
import { textKey } from './text-key.js';

/**
 * The three-way merge of two stores that grew apart from one base (git's merge driver): films are
 * known by slug and identity, reviews by id, marks by author. What one side changed is taken; the
 * same change on both sides is taken once; different changes of one field are a conflict, settled
 * for now with our value and listed. All that is not a conflict comes out the same whichever side
 * is ours, so that every clone converges on the same store.
 */

/** What the person must settle: both sides changed one field differently, or one removed what the other changed. */
export type MergeConflict = {
  film: string;
  /** The review or mark the conflict is in; none for a film's own field. */
  review?: { id: string; author: string };
  mark?: string;
} & ({ field: string; ours: unknown; theirs: unknown } | { removedBy: 'ours' | 'theirs' });

/** One of our films that the merge gave another slug, as another film took its own. */
export interface RenamedFilm {
  from: string;
  to: string;
  title: string;
  year: number | null;
}

export interface StoreMerge {
  data: StoreData;
  conflicts: MergeConflict[];
  renamed: RenamedFilm[];
}

export interface MergeMode {
  /**
   * Build the common ancestor of a criss-cross merge (git's merge.<driver>.recursive): a conflicting
   * field keeps the base's value, and a film or review both sides added with a conflict is left out,
   * so that the outer merge still sees both sides' changes and reports the conflict.
   */
  virtualBase?: boolean;
}

type Side = 'ours' | 'theirs';
type Place = Pick<MergeConflict, 'film' | 'review' | 'mark'>;

/** Field values are strings, numbers, booleans, null, absent, or lists of strings: a list is one value. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => item === b[i]);
}

const sameFields = <T>(a: T, b: T, keys: readonly (keyof T)[]): boolean => keys.every((key) => sameValue(a[key], b[key]));

const DETAIL_KEYS = FILM_KEYS.filter((key) => key !== 'slug' && key !== 'reviews' && key !== 'marks');
const REVIEW_FIELDS = REVIEW_KEYS.filter((key) => key !== 'id');
const MARK_FIELDS = MARK_KEYS.filter((key) => key !== 'author');
const ID_KINDS = ['imdbId', 'letterboxdUri', 'tmdbId'] as const;

const sameReview = (a: Review, b: Review): boolean => sameFields(a, b, REVIEW_KEYS);
const sameMark = (a: FilmMark, b: FilmMark): boolean => sameFields(a, b, MARK_KEYS);

function sameFilm(a: Film, b: Film): boolean {
  return (
    sameFields(a, b, DETAIL_KEYS) &&
    a.reviews.length === b.reviews.length &&
    a.reviews.every((review, i) => sameReview(review, b.reviews[i] as Review)) &&
    a.marks.length === b.marks.length &&
    a.marks.every((mark, i) => sameMark(mark, b.marks[i] as FilmMark))
  );
}

const idsDiffer = idsConflict;
const sharesId = (a: Film, b: Film): boolean => ID_KINDS.some((kind) => a[kind] !== undefined && a[kind] === b[kind]);
const titleAndYear = (film: Film): string => `${textKey(film.title)}\u0000${film.year}`;

/** Whether two films are one by what names them: no id of a kind differs, and an id, or the title and year, agree. */
const sameIdentity = (a: Film, b: Film): boolean => !idsDiffer(a, b) && (sharesId(a, b) || titleAndYear(a) === titleAndYear(b));

/**
 * Whether a side's film is still the base's film of its slug: its identity holds, or (no id
 * differing) it still has one of the base film's reviews, so a corrected title or year is an edit.
 * A film removed and another added under its slug is a different film.
 */
function stillTheBaseFilm(base: Film, film: Film): boolean {
  if (sameIdentity(base, film)) return true;
  if (idsDiffer(base, film)) return false;
  const ids = new Set(base.reviews.map((review) => review.id));
  return film.reviews.some((review) => ids.has(review.id));
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** An order of films that does not depend on the side they come from: year, title, ids, slug. */
function filmOrder(a: Film, b: Film): number {
  // An unknown year sorts first.
  return (
    (a.year ?? -1) - (b.year ?? -1) ||
    byText(textKey(a.title), textKey(b.title)) ||
    byText(a.title, b.title) ||
    ID_KINDS.reduce((order, kind) => order || byText(a[kind] ?? '', b[kind] ?? ''), 0) ||
    byText(a.slug, b.slug)
  );
}

/**
 * Which of two plain ratings of one person stays: the newer; at the same time the higher rating;
 * then the smaller id. Never "ours": both clones must keep the same one.
 */
function ratingOrder(a: Review, b: Review): number {
  return byText(b.createdAt, a.createdAt) || (b.rating ?? 0) - (a.rating ?? 0) || byText(a.id, b.id);
}

/** The side whose version of one plain rating, changed on both, stays; none when they differ in another field only. */
function newerRating(ours: Review, theirs: Review): Side | undefined {
  const order = byText(theirs.createdAt, ours.createdAt) || (theirs.rating ?? 0) - (ours.rating ?? 0);
  return order < 0 ? 'ours' : order > 0 ? 'theirs' : undefined;
}

/**
 * The base of a film both sides added: every field empty (no year, no lists, no ids), so a value
 * on one side beside nothing on the other is taken, and only two different values conflict.
 */
const emptyFilm = (slug: string): Film => ({
  slug,
  title: '',
  year: null,
  countries: [],
  genres: [],
  synopsis: '',
  cast: [],
  castCount: 0,
  ratingsCount: null,
  related: [],
  reviews: [],
  marks: [],
});
const emptyReview = (id: string): Review => ({ id, author: '', createdAt: '', rating: null, text: '', spoiler: false });

const placeOf = (film: string, review: Review): Place => ({ film, review: { id: review.id, author: review.author } });

function setField<T extends object>(target: T, key: keyof T, value: unknown): void {
  if (value === undefined) Reflect.deleteProperty(target, key);
  else target[key] = value as T[keyof T];
}

class Merger {
  readonly conflicts: MergeConflict[] = [];

  constructor(readonly virtualBase: boolean) {}

  /**
   * Each field three ways: one side's change is taken, the same change once; different changes keep
   * ours (the base's, for a virtual base) and are listed, unless `prefer` names the side that stays.
   */
  fields<T extends object>(base: T, ours: T, theirs: T, keys: readonly (keyof T & string)[], place: Place, prefer?: Side): T {
    const merged = { ...ours };
    for (const key of keys) {
      const [o, t] = [ours[key], theirs[key]];
      if (sameValue(o, t)) continue;
      if (sameValue(base[key], o)) setField(merged, key, t);
      else if (sameValue(base[key], t)) continue;
      else if (prefer) setField(merged, key, prefer === 'ours' ? o : t);
      else {
        this.conflicts.push({ ...place, field: key, ours: o, theirs: t });
        if (this.virtualBase) setField(merged, key, base[key]);
      }
    }
    return merged;
  }

  /** One side removed it: gone when the other left it as it was; kept (the base's for a virtual base), and listed, when the other changed it. */
  removed<T>(base: T, kept: T, removedBy: Side, same: (a: T, b: T) => boolean, place: Place): T | null {
    if (same(base, kept)) return null;
    this.conflicts.push({ ...place, removedBy });
    return this.virtualBase ? base : kept;
  }

  /** A review on both sides; null when both added it and it conflicts in a virtual base. */
  review(base: Review | undefined, ours: Review, theirs: Review, film: string): Review | null {
    const place = placeOf(film, ours);
    const before = this.conflicts.length;
    // Rating again replaces one's earlier rating: a plain rating changed on both sides keeps the newer.
    const prefer = isPlainRating(ours) && isPlainRating(theirs) ? newerRating(ours, theirs) : undefined;
    const was = base ?? emptyReview(ours.id);
    let merged = this.fields(was, ours, theirs, REVIEW_FIELDS, place, prefer);
    if (merged.rating === null && merged.text === '') {
      // Each side kept a text or a rating, but together they removed both: a review must say something.
      const others = this.conflicts
        .splice(before)
        .filter((conflict) => !('field' in conflict && (conflict.field === 'rating' || conflict.field === 'text')));
      this.conflicts.push(
        ...others,
        ...(['rating', 'text'] as const).map((field) => ({ ...place, field, ours: ours[field], theirs: theirs[field] })),
      );
      const kept = this.virtualBase ? was : ours;
      merged = { ...merged, rating: kept.rating, text: kept.text };
    }
    return this.virtualBase && !base && this.conflicts.length > before ? null : merged;
  }

  /** Reviews by id, newest first; equal times keep ours' order, then theirs' additions in theirs' order. */
  reviews(base: readonly Review[], ours: readonly Review[], theirs: readonly Review[], film: string): Review[] {
    const baseById = new Map(base.map((review) => [review.id, review]));
    const theirsById = new Map(theirs.map((review) => [review.id, review]));
    const oursIds = new Set(ours.map((review) => review.id));
    const merged: Review[] = [];
    for (const review of ours) {
      const [was, their] = [baseById.get(review.id), theirsById.get(review.id)];
      const result = their
        ? this.review(was, review, their, film)
        : was
          ? this.removed(was, review, 'theirs', sameReview, placeOf(film, review))
          : review;
      if (result) merged.push(result);
    }
    for (const review of theirs) {
      if (oursIds.has(review.id)) continue;
      const was = baseById.get(review.id);
      const result = was ? this.removed(was, review, 'ours', sameReview, placeOf(film, review)) : review;
      if (result) merged.push(result);
    }
    return onePlainRatingEach(newestFirst(merged), ours, theirs);
  }

  /** Marks by author, field by field; a person without a mark has the empty one, so removing a mark is clearing its fields. */
  marks(base: readonly FilmMark[], ours: readonly FilmMark[], theirs: readonly FilmMark[], film: string): FilmMark[] {
    const index = (marks: readonly FilmMark[]): Map<string, FilmMark> => new Map(marks.map((mark) => [mark.author, mark]));
    const [baseBy, oursBy, theirsBy] = [index(base), index(ours), index(theirs)];
    const merged: FilmMark[] = [];
    for (const author of new Set([...oursBy.keys(), ...theirsBy.keys()])) {
      const mark = this.fields(
        baseBy.get(author) ?? noMark(author),
        oursBy.get(author) ?? noMark(author),
        theirsBy.get(author) ?? noMark(author),
        MARK_FIELDS,
        { film, mark: author },
      );
      if (!saysNothing(mark)) merged.push(mark);
    }
    return merged.sort(byAuthor);
  }

  /** A film on both sides, under `slug`: its details, reviews and marks each three ways. */
  film(base: Film, ours: Film, theirs: Film, slug: string): Film {
    return {
      ...this.fields(base, ours, theirs, DETAIL_KEYS, { film: slug }),
      slug,
      reviews: this.reviews(base.reviews, ours.reviews, theirs.reviews, slug),
      marks: this.marks(base.marks, ours.marks, theirs.marks, slug),
    };
  }
}

/**
 * A person has one plain rating of a film, a new one replacing the old: when each side has one of
 * its own, the newer stays (see ratingOrder). Duplicates a side already had are left as they were.
 */
function onePlainRatingEach(merged: Review[], ours: readonly Review[], theirs: readonly Review[]): Review[] {
  const plainCounts = (reviews: readonly Review[]): Map<string, number> => {
    const counts = new Map<string, number>();
    for (const review of reviews) if (isPlainRating(review)) counts.set(review.author, (counts.get(review.author) ?? 0) + 1);
    return counts;
  };
  const [oursCount, theirsCount] = [plainCounts(ours), plainCounts(theirs)];
  const onlyOne = (review: Review): boolean =>
    isPlainRating(review) && oursCount.get(review.author) === 1 && theirsCount.get(review.author) === 1;
  const kept = new Map<string, Review>();
  for (const review of merged) {
    const other = kept.get(review.author);
    if (onlyOne(review) && (!other || ratingOrder(review, other) < 0)) kept.set(review.author, review);
  }
  return merged.filter((review) => !onlyOne(review) || kept.get(review.author) === review);
}

/**
 * A review id used by two films of the merge (each side added one) stays with the film whose slug
 * sorts first, whichever side is ours; the other review is given a new id.
 */
function uniqueReviewIds(films: Film[]): Film[] {
  const all = new Set(films.flatMap((film) => film.reviews.map((review) => review.id)));
  const claimed = new Set<string>();
  const renumbered = new Map<Film, Film>();
  for (const film of [...films].sort((a, b) => byText(a.slug, b.slug))) {
    if (!film.reviews.some((review) => claimed.has(review.id))) {
      for (const review of film.reviews) claimed.add(review.id);
      continue;
    }
    const reviews = film.reviews.map((review) => {
      if (!claimed.has(review.id)) return review;
      const id = reviewId(film.slug, review, all);
      all.add(id);
      return { ...review, id };
    });
    for (const review of reviews) claimed.add(review.id);
    renumbered.set(film, { ...film, reviews });
  }
  return films.map((film) => renumbered.get(film) ?? film);
}

/** A film one side or both added: both sides' copies when they are one film, and the slug it gets. */
interface Added {
  ours?: Film;
  theirs?: Film;
  /** The copy that orders it among other films (the first in filmOrder): the same whichever side is ours. */
  key: Film;
  slug: string;
}

/**
 * Films added on both sides that are one film, by identity: ids first, then title and year. A pair
 * is made only when it is the one candidate on each side, so the pairing does not depend on which
 * side is ours.
 */
function pairAdded(ours: readonly Film[], theirs: readonly Film[]): Added[] {
  const paired = new Map<Film, Film>();
  const pairBy = (keyOf: (film: Film) => string | undefined): void => {
    const index = (films: readonly Film[]): Map<string, Film[]> => {
      const byKey = new Map<string, Film[]>();
      for (const film of films) {
        const key = paired.has(film) ? undefined : keyOf(film);
        if (key === undefined) continue;
        const films = byKey.get(key);
        if (films) films.push(film);
        else byKey.set(key, [film]);
      }
      return byKey;
    };
    const theirsBy = index(theirs);
    for (const [key, [our, ...moreOurs]] of index(ours)) {
      const [their, ...moreTheirs] = theirsBy.get(key) ?? [];
      if (our && their && moreOurs.length === 0 && moreTheirs.length === 0 && sameIdentity(our, their)) {
        paired.set(our, their);
        paired.set(their, our);
      }
    }
  };
  for (const kind of ID_KINDS) pairBy((film) => film[kind]);
  pairBy(titleAndYear);
  const added: Added[] = [];
  for (const our of ours) {
    const their = paired.get(our);
    added.push({ ours: our, theirs: their, key: their && filmOrder(their, our) < 0 ? their : our, slug: '' });
  }
  for (const their of theirs) if (!paired.has(their)) added.push({ theirs: their, key: their, slug: '' });
  return added;
}

/**
 * Slugs for added films, the same whichever side is ours. The base's films that stay keep theirs
 * (`taken`); then, in filmOrder, each added film takes a slug it has on a side that is still free
 * (of two, the one fewer films claim); a film left without one gets a new slug, from its title and
 * year, that no side uses (`used`).
 */
function assignSlugs(added: Added[], taken: Set<string>, used: ReadonlySet<string>): void {
  const slugsOf = (film: Added): string[] => [
    ...new Set([film.ours?.slug, film.theirs?.slug].filter((slug): slug is string => slug !== undefined)),
  ];
  const claims = new Map<string, number>();
  for (const film of added) for (const slug of slugsOf(film)) claims.set(slug, (claims.get(slug) ?? 0) + 1);
  const ordered = [...added].sort((a, b) => filmOrder(a.key, b.key));
  const left: Added[] = [];
  for (const film of ordered) {
    const [slug] = slugsOf(film)
      .filter((candidate) => !taken.has(candidate))
      .sort((a, b) => (claims.get(a) ?? 0) - (claims.get(b) ?? 0) || byText(a, b));
    if (slug === undefined) left.push(film);
    else {
      film.slug = slug;
      taken.add(slug);
    }
  }
  const avoid = new Set([...used, ...taken]);
  for (const film of left) {
    film.slug = uniqueSlug(film.key.title, film.key.year, avoid);
    avoid.add(film.slug);
  }
}

/**
 * Merges `ours` and `theirs`, both grown from `base`. A side's film is the base's film of its slug
 * while it is still that film (stillTheBaseFilm); otherwise the base's film was removed on that side
 * and another added. Films both sides added are paired by identity whatever their slugs. Films keep
 * ours' order, then theirs' additions in theirs' order.
 */
export function mergeStores(base: StoreData, ours: StoreData, theirs: StoreData, mode: MergeMode = {}): StoreMerge {
  const merger = new Merger(mode.virtualBase ?? false);
  const baseBy = new Map(base.films.map((film) => [film.slug, film]));
  const split = (data: StoreData): { kept: Map<string, Film>; added: Film[] } => {
    const kept = new Map<string, Film>();
    const added: Film[] = [];
    for (const film of data.films) {
      const was = baseBy.get(film.slug);
      if (was && stillTheBaseFilm(was, film)) kept.set(film.slug, film);
      else added.push(film);
    }
    return { kept, added };
  };
  const [oursSplit, theirsSplit] = [split(ours), split(theirs)];

  // Each film of the merge, found from any copy of it.
  const results = new Map<Film, Film | null>();
  const taken = new Set<string>();
  for (const was of base.films) {
    const [our, their] = [oursSplit.kept.get(was.slug), theirsSplit.kept.get(was.slug)];
    const place = { film: was.slug };
    const result =
      our && their
        ? merger.film(was, our, their, was.slug)
        : our
          ? merger.removed(was, our, 'theirs', sameFilm, place)
          : their
            ? merger.removed(was, their, 'ours', sameFilm, place)
            : null;
    for (const copy of [our, their]) if (copy) results.set(copy, result);
    if (result) taken.add(was.slug);
  }
  const added = pairAdded(oursSplit.added, theirsSplit.added);
  const used = new Set([...base.films, ...ours.films, ...theirs.films].map((film) => film.slug));
  assignSlugs(added, taken, used);
  const renamed: RenamedFilm[] = [];
  for (const film of added) {
    const { ours: our, theirs: their, slug } = film;
    const before = merger.conflicts.length;
    const merged = our && their ? merger.film(emptyFilm(slug), our, their, slug) : { ...((our ?? their) as Film), slug };
    // A film both sides added, with a conflict, is no common ancestor's.
    const result = merger.virtualBase && merger.conflicts.length > before ? null : merged;
    for (const copy of [our, their]) if (copy) results.set(copy, result);
    if (our && our.slug !== slug) renamed.push({ from: our.slug, to: slug, title: our.title, year: our.year });
  }

  const films: Film[] = [];
  const placed = new Set<Film>();
  for (const copy of [...ours.films, ...theirs.films]) {
    const result = results.get(copy);
    if (result && !placed.has(result)) {
      placed.add(result);
      films.push(result);
    }
  }
  return { data: { version: STORE_VERSION, films: uniqueReviewIds(films) }, conflicts: merger.conflicts, renamed };
}
