import type { Review, ReviewContent } from './model.js';

/**
 * A person's ratings of one film, as Letterboxd and IMDb mean them: each diary entry or review may
 * carry the rating it was given, and a plain rating (a rating alone: `films rate`, ratings.csv,
 * IMDb) states the person's current rating. A person has at most one plain rating of a film.
 */

/** A plain rating: a rating alone, neither text nor a watched day. */
export const isPlainRating = (review: ReviewContent): boolean =>
  review.rating !== null && review.text === '' && review.watchedDate === undefined;

/**
 * Each person's current rating of the film: that of their latest rated review of any kind (by
 * createdAt; at the same time a plain rating, which states it, then the first in store order).
 */
export function currentRatings(reviews: readonly Review[]): Map<string, number> {
  const latest = new Map<string, Review>();
  for (const review of reviews) {
    if (review.rating === null) continue;
    const best = latest.get(review.author);
    const later = !best || review.createdAt > best.createdAt;
    const statesIt = best?.createdAt === review.createdAt && isPlainRating(review) && !isPlainRating(best);
    if (later || statesIt) latest.set(review.author, review);
  }
  return new Map([...latest].map(([author, review]) => [author, review.rating as number]));
}

/** The person's current rating of the film (see currentRatings), or null. */
export const currentRating = (reviews: readonly Review[], author: string): number | null => currentRatings(reviews).get(author) ?? null;

/**
 * A plain rating that is not, or no longer, the only word on its author's current rating: their
 * latest rated diary entry or review is newer (the rating was given again since), or gives the same
 * rating, whatever its date (ratings.csv dates a rating when it was last set, which may be after the
 * entry that gave it). Such a rating is not kept, so one rating seen in a diary entry and again in
 * ratings.csv, or in an entry row and a rating row of Letterboxd's import layout, counts once.
 */
export function isRedundantRating(reviews: readonly Review[], rating: Review): boolean {
  if (!isPlainRating(rating)) return false;
  let latest: Review | undefined;
  for (const other of reviews) {
    if (other.author !== rating.author || other.rating === null || isPlainRating(other)) continue;
    if (!latest || other.createdAt > latest.createdAt) latest = other;
  }
  return latest !== undefined && (latest.createdAt > rating.createdAt || latest.rating === rating.rating);
}
