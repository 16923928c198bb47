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

/** Each author's latest rated diary entry or review (not a plain rating), by createdAt. */
function latestRatedEntries(reviews: readonly Review[]): Map<string, Review> {
  const latest = new Map<string, Review>();
  for (const review of reviews) {
    if (review.rating === null || isPlainRating(review)) continue;
    const best = latest.get(review.author);
    if (!best || review.createdAt > best.createdAt) latest.set(review.author, review);
  }
  return latest;
}

/**
 * A plain rating an import does not keep: a rated diary entry or review of its author's is newer
 * (the rating was given again since), or as new and gives the same rating. More entries only make
 * this truer, so importing a person's files in any order keeps the same ones.
 */
export const isRedundantRating = (reviews: readonly Review[], rating: Review): boolean =>
  isPlainRating(rating) &&
  reviews.some(
    (other) =>
      other.author === rating.author &&
      other.rating !== null &&
      !isPlainRating(other) &&
      (other.createdAt > rating.createdAt || (other.createdAt === rating.createdAt && other.rating === rating.rating)),
  );

/**
 * The reviews whose ratings a film's rating counts: one rating is not counted twice, so a plain
 * rating that its author's latest rated entry or review already gives (ratings.csv may date it after
 * the entry; Letterboxd's import layout has a rating row beside the entry row) is left out, as is
 * one that entry is newer than. The plain rating stays stored: a later entry may yet change which
 * is the latest, and what is stored must not depend on the order files are imported in.
 */
export function countedRatings(reviews: readonly Review[]): Review[] {
  const latest = latestRatedEntries(reviews);
  return reviews.filter((review) => {
    if (review.rating === null) return false;
    const entry = isPlainRating(review) ? latest.get(review.author) : undefined;
    return !entry || (entry.createdAt <= review.createdAt && entry.rating !== review.rating);
  });
}
