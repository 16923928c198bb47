import { FILM_KEYS, MARK_KEYS, REVIEW_KEYS, STORE_VERSION, type Film, type FilmMark, type Review, type StoreData } from './model.js';
import { areOneFilm } from './film-identity.js';
import { byAuthor, noMark, saysNothing } from './marks.js';
import { isPlainRating } from './ratings.js';
import { newestFirst, reviewId } from './reviews.js';
import { uniqueSlug } from './slug.js';

/**
 * The three-way merge of two stores that grew apart from one base (git's merge driver): films are
 * known by slug, reviews by id, marks by author. What one side changed is taken; the same change
 * on both sides is taken once; different changes of one field are a conflict, settled for now with
 * our value and listed.
 */

/** What the person must settle: both sides changed one field differently, or one removed what the other changed. */
export type MergeConflict = {
  film: string;
  /** The review or mark the conflict is in; none for a film's own field. */
  review?: { id: string; author: string };
  mark?: string;
} & ({ field: string; ours: unknown; theirs: unknown } | { removedBy: 'ours' | 'theirs' });

export interface StoreMerge {
  data: StoreData;
  conflicts: MergeConflict[];
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

class Merger {
  readonly conflicts: MergeConflict[] = [];

  /** Each field three ways: one side's change is taken, the same change once; different changes keep ours and are listed. */
  fields<T extends object>(base: T, ours: T, theirs: T, keys: readonly (keyof T & string)[], place: Place): T {
    const merged = { ...ours };
    for (const key of keys) {
      const [o, t] = [ours[key], theirs[key]];
      if (sameValue(o, t)) continue;
      if (sameValue(base[key], o)) {
        if (t === undefined) Reflect.deleteProperty(merged, key);
        else merged[key] = t;
      } else if (!sameValue(base[key], t)) {
        this.conflicts.push({ ...place, field: key, ours: o, theirs: t });
      }
    }
    return merged;
  }

  /** One side removed it: gone when the other left it as it was; kept, and listed, when the other changed it. */
  removed<T>(base: T, kept: T, removedBy: Side, same: (a: T, b: T) => boolean, place: Place): T | null {
    if (same(base, kept)) return null;
    this.conflicts.push({ ...place, removedBy });
    return kept;
  }

  review(base: Review, ours: Review, theirs: Review, film: string): Review {
    const place = placeOf(film, ours);
    const before = this.conflicts.length;
    const merged = this.fields(base, ours, theirs, REVIEW_FIELDS, place);
    if (merged.rating !== null || merged.text !== '') return merged;
    // Each side kept a text or a rating, but together they removed both: a review must say something.
    const others = this.conflicts
      .splice(before)
      .filter((conflict) => !('field' in conflict && (conflict.field === 'rating' || conflict.field === 'text')));
    this.conflicts.push(
      ...others,
      ...(['rating', 'text'] as const).map((field) => ({ ...place, field, ours: ours[field], theirs: theirs[field] })),
    );
    return { ...merged, rating: ours.rating, text: ours.text };
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
        ? this.review(was ?? emptyReview(review.id), review, their, film)
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

  /** A film on both sides: its details, reviews and marks each three ways. */
  film(base: Film, ours: Film, theirs: Film): Film {
    const film = ours.slug;
    return {
      ...this.fields(base, ours, theirs, DETAIL_KEYS, { film }),
      reviews: this.reviews(base.reviews, ours.reviews, theirs.reviews, film),
      marks: this.marks(base.marks, ours.marks, theirs.marks, film),
    };
  }
}

/**
 * A person has one plain rating of a film, a new one replacing the old: when each side has one of
 * its own, the newer stays. Duplicates a side already had are left as they were.
 */
function onePlainRatingEach(merged: Review[], ours: readonly Review[], theirs: readonly Review[]): Review[] {
  const plainCounts = (reviews: readonly Review[]): Map<string, number> => {
    const counts = new Map<string, number>();
    for (const review of reviews) if (isPlainRating(review)) counts.set(review.author, (counts.get(review.author) ?? 0) + 1);
    return counts;
  };
  const [oursCount, theirsCount] = [plainCounts(ours), plainCounts(theirs)];
  const seen = new Set<string>();
  return merged.filter((review) => {
    if (!isPlainRating(review) || oursCount.get(review.author) !== 1 || theirsCount.get(review.author) !== 1) return true;
    // Newest first: the first one met is the newer.
    if (seen.has(review.author)) return false;
    seen.add(review.author);
    return true;
  });
}

/** A review id used by two films of the merge (each side added one) is given a new one in the later film. */
function uniqueReviewIds(films: Film[]): Film[] {
  const all = new Set(films.flatMap((film) => film.reviews.map((review) => review.id)));
  const claimed = new Set<string>();
  return films.map((film) => {
    if (!film.reviews.some((review) => claimed.has(review.id))) {
      for (const review of film.reviews) claimed.add(review.id);
      return film;
    }
    const reviews = film.reviews.map((review) => {
      if (!claimed.has(review.id)) return review;
      const id = reviewId(film.slug, review, all);
      all.add(id);
      return { ...review, id };
    });
    for (const review of reviews) claimed.add(review.id);
    return { ...film, reviews };
  });
}

/**
 * Merges `ours` and `theirs`, both grown from `base`. Films keep ours' order, then theirs' additions
 * in theirs' order. Two different films added under one slug are both kept, theirs under a new slug.
 */
export function mergeStores(base: StoreData, ours: StoreData, theirs: StoreData): StoreMerge {
  const merger = new Merger();
  const bySlug = (data: StoreData): Map<string, Film> => new Map(data.films.map((film) => [film.slug, film]));
  const [baseBy, oursBy, theirsBy] = [bySlug(base), bySlug(ours), bySlug(theirs)];
  const taken = new Set([...baseBy.keys(), ...oursBy.keys(), ...theirsBy.keys()]);
  const films: Film[] = [];
  for (const film of ours.films) {
    const [was, their] = [baseBy.get(film.slug), theirsBy.get(film.slug)];
    if (their && (was || areOneFilm(film, their))) films.push(merger.film(was ?? emptyFilm(film.slug), film, their));
    else if (was && !their) {
      const kept = merger.removed(was, film, 'theirs', sameFilm, { film: film.slug });
      if (kept) films.push(kept);
    } else films.push(film);
  }
  for (const film of theirs.films) {
    const [was, our] = [baseBy.get(film.slug), oursBy.get(film.slug)];
    if (our && (was || areOneFilm(our, film))) continue;
    if (our) {
      const slug = uniqueSlug(film.title, film.year, taken);
      taken.add(slug);
      films.push({ ...film, slug });
    } else if (was) {
      const kept = merger.removed(was, film, 'ours', sameFilm, { film: film.slug });
      if (kept) films.push(kept);
    } else films.push(film);
  }
  return { data: { version: STORE_VERSION, films: uniqueReviewIds(films) }, conflicts: merger.conflicts };
}
