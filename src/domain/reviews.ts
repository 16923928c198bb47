import { createHash } from 'node:crypto';
import { NotFoundError, UsageError } from '../errors.js';
import { sameRecord, type Change, type Film, type Review, type ReviewContent, type StoreData } from './model.js';
import { cleanList } from './lists.js';
import { isPlainRating } from './ratings.js';
import { normaliseText, reviewProblems } from './rules.js';

/** A review as a person gives it, normalised (author trimmed, text's line ends, tags cleaned); the first rule it breaks is refused. */
export function checkReview<Content extends ReviewContent>(review: Content): Content {
  const { tags, ...rest } = review;
  const cleanTags = cleanList(tags ?? []);
  const checked = {
    ...rest,
    author: review.author.trim(),
    text: normaliseText(review.text),
    ...(cleanTags.length ? { tags: cleanTags } : {}),
  } as Content;
  const [problem] = reviewProblems(checked);
  if (problem) throw new UsageError(problem.why, problem.fix);
  return checked;
}

/** A review as it is saved from a person's answers or flags: checked, and without a spoiler mark when no text is left to hide. */
export function finishedReview(review: ReviewContent): ReviewContent {
  const checked = checkReview(review);
  return checked.text ? checked : { ...checked, spoiler: false };
}

const ID_LENGTH = 8;

/**
 * A short id derived from the review's content and its film, so importing the same source twice
 * gives the same ids; it grows by two characters while it clashes with an id already `taken`.
 */
export function reviewId(filmSlug: string, review: ReviewContent, taken: ReadonlySet<string>): string {
  // An entry with its own Letterboxd link is that entry, whichever of its files brought it first.
  const identity = review.letterboxdUri
    ? [filmSlug, review.author, review.letterboxdUri]
    : [filmSlug, review.author, review.createdAt, String(review.rating), review.text, String(review.spoiler)];
  const digest = createHash('sha256').update(identity.join('\u0000')).digest('hex');
  for (let length = ID_LENGTH; length < digest.length; length += 2) {
    const id = digest.slice(0, length);
    if (!taken.has(id)) return id;
  }
  return digest;
}

/** Equal for two reviews that say the same thing (the id aside): a re-import of one is a duplicate. */
export function contentKey(review: ReviewContent): string {
  return JSON.stringify([
    review.author,
    review.createdAt,
    review.rating,
    review.text,
    review.spoiler,
    review.watchedDate,
    review.rewatch,
    review.tags,
  ]);
}

/**
 * The order reviews are kept in: newest first; at the same time (diary entries logged on one day)
 * the later watched day first, then by entry link, so that an import's order does not depend on
 * the order its files came in. Reviews equal in all three keep the order they were added in.
 */
export function newerFirst(a: ReviewContent, b: ReviewContent): number {
  const keys = (review: ReviewContent): [string, string, string] => [
    review.createdAt,
    review.watchedDate ?? '',
    review.letterboxdUri ?? '',
  ];
  const [x, y] = [keys(a), keys(b)];
  for (let i = 0; i < 2; i++) if (x[i] !== y[i]) return (x[i] as string) < (y[i] as string) ? 1 : -1;
  return x[2] < y[2] ? -1 : x[2] > y[2] ? 1 : 0;
}

/** Newest first (see newerFirst); a stable sort, so reviews that are equal keep the order in which they were added. */
export function newestFirst(reviews: readonly Review[]): Review[] {
  return [...reviews].sort(newerFirst);
}

export function allReviewIds(films: readonly { reviews: readonly Review[] }[]): Set<string> {
  return new Set(films.flatMap((film) => film.reviews.map((review) => review.id)));
}

/** The least of an id that `findReview` takes as a start of it. */
const MIN_PREFIX = 4;

/**
 * The short ids of some reviews: for each, the shortest start of its id, at least 4 characters,
 * that is no start of another id in the store, so that `findReview` finds it by that alone. Only
 * the ids that share their first 4 characters with a wanted one can make it longer: those are
 * sorted, and each wanted id needs only its two neighbours among them (sorting every id of a
 * large store cost more than the rest of `show`).
 */
export function shortIds(films: readonly { reviews: readonly Review[] }[], wanted: readonly string[]): (id: string) => string {
  const start = (id: string): string => id.slice(0, MIN_PREFIX);
  const starts = new Set(wanted.map(start));
  const ids: string[] = [];
  for (const film of films) for (const { id } of film.reviews) if (starts.has(start(id))) ids.push(id);
  ids.sort();
  const shared = (a: string, b: string | undefined): number => {
    let n = 0;
    while (b !== undefined && n < a.length && a[n] === b[n]) n++;
    return n;
  };
  return (id) => {
    let low = 0;
    let high = ids.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((ids[middle] as string) < id) low = middle + 1;
      else high = middle;
    }
    const next = ids[low] === id ? ids[low + 1] : ids[low];
    const length = Math.max(MIN_PREFIX, shared(id, ids[low - 1]) + 1, shared(id, next) + 1);
    // Not between the halves of an emoji or other character beyond the BMP: the short id is typed.
    return id.slice(0, /[\uD800-\uDBFF]/.test(id[length - 1] ?? '') ? length + 1 : length);
  };
}

export interface FoundReview {
  film: Film;
  review: Review;
}

/** A review by id or by a unique start of its id (at least 4 characters), with the nearest ids when none matches. */
export function findReview(films: readonly Film[], query: string): FoundReview {
  const all = films.flatMap((film) => film.reviews.map((review) => ({ film, review })));
  const typed = query.trim();
  const exact = all.find(({ review }) => review.id === query || review.id === typed);
  if (exact) return exact;
  const key = typed.toLowerCase();
  // As typed first (a short id that `show` lists keeps the capitals an import may have kept), then in any case.
  const startingWith = (matches: (id: string) => boolean): FoundReview[] =>
    typed.length >= MIN_PREFIX ? all.filter(({ review }) => matches(review.id)) : [];
  const asTyped = startingWith((id) => id.startsWith(typed));
  const byPrefix = asTyped.length > 0 ? asTyped : startingWith((id) => id.toLowerCase().startsWith(key));
  if (byPrefix.length === 1 && byPrefix[0]) return byPrefix[0];
  if (byPrefix.length > 1) {
    throw new NotFoundError(
      `"${query}" is the start of ${byPrefix.length} review ids`,
      `give more of it: ${byPrefix
        .slice(0, 5)
        .map(({ review }) => review.id)
        .join(', ')}`,
    );
  }
  const shared = (id: string): number => {
    let n = 0;
    const lower = id.toLowerCase();
    while (n < lower.length && lower[n] === key[n]) n++;
    return n;
  };
  const nearest = all
    .map(({ review }) => review.id)
    .sort((a, b) => shared(b) - shared(a))
    .slice(0, 3);
  throw new NotFoundError(
    `no review "${query}"`,
    nearest.length ? `did you mean ${nearest.join(', ')}? ('films review list' shows the ids)` : 'the store has no reviews yet',
  );
}

/** Inserts a review newest first, after every review it is equal to (so those keep the order added). */
export function insertNewestFirst(reviews: readonly Review[], review: Review): Review[] {
  const index = reviews.findIndex((other) => newerFirst(review, other) < 0);
  const at = index < 0 ? reviews.length : index;
  return [...reviews.slice(0, at), review, ...reviews.slice(at)];
}

/** The store with `film` in place of the film of the same slug. */
export const replaceFilm = (data: StoreData, film: Film): StoreData => ({
  ...data,
  films: data.films.map((other) => (other.slug === film.slug ? film : other)),
});

/** Adds a review to a film, newest first. */
export function addReview(data: StoreData, slug: string, content: ReviewContent): Change<FoundReview> {
  const film = data.films.find((candidate) => candidate.slug === slug);
  if (!film) throw new NotFoundError(`no film "${slug}"`, 'it was removed meanwhile; check with films list');
  const review: Review = { id: reviewId(slug, content, allReviewIds(data.films)), ...content };
  const updated = { ...film, reviews: insertNewestFirst(film.reviews, review) };
  return { data: replaceFilm(data, updated), result: { film: updated, review } };
}

/** Changes a review's content; its id stays, and its place unless its time changes. The same content changes nothing. */
export function editReview(data: StoreData, id: string, change: (review: Review) => ReviewContent): Change<FoundReview> {
  const found = findReview(data.films, id);
  const edited: Review = { ...change(found.review), id: found.review.id };
  if (sameRecord(edited, found.review)) return { data, result: found };
  const reviews =
    edited.createdAt === found.review.createdAt
      ? found.film.reviews.map((review) => (review.id === edited.id ? edited : review))
      : insertNewestFirst(
          found.film.reviews.filter((review) => review.id !== edited.id),
          edited,
        );
  const updated = { ...found.film, reviews };
  return { data: replaceFilm(data, updated), result: { film: updated, review: edited } };
}

export function removeReview(data: StoreData, id: string): Change<FoundReview> {
  const found = findReview(data.films, id);
  const updated = { ...found.film, reviews: found.film.reviews.filter((review) => review.id !== found.review.id) };
  return { data: replaceFilm(data, updated), result: found };
}

/**
 * `films rate`: an author's plain rating (no text, no watched day). A second one of the same film by
 * the same author replaces the first rather than counting twice; their diary entries and reviews stay.
 * The same rating again changes nothing, unless given a time of its own (`timed`).
 */
export function rateFilm(data: StoreData, slug: string, content: ReviewContent, timed = true): Change<FoundReview> {
  const film = data.films.find((candidate) => candidate.slug === slug);
  const previous = film?.reviews.find((review) => review.author === content.author && isPlainRating(review));
  if (!film || !previous) return addReview(data, slug, content);
  if (!timed && previous.rating === content.rating) return { data, result: { film, review: previous } };
  return editReview(data, previous.id, () => content);
}
