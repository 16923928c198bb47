import { createHash } from 'node:crypto';
import type { Review } from '../store/schema.js';

export type ReviewContent = Omit<Review, 'id'>;

const ID_LENGTH = 8;

/**
 * A short id derived from the review's content and its film, so importing the same source twice
 * gives the same ids; it grows by two characters while it clashes with an id already `taken`.
 */
export function reviewId(filmSlug: string, review: ReviewContent, taken: ReadonlySet<string>): string {
  const digest = createHash('sha256')
    .update([filmSlug, review.author, review.createdAt, String(review.rating), review.text, String(review.spoiler)].join('\u0000'))
    .digest('hex');
  for (let length = ID_LENGTH; length < digest.length; length += 2) {
    const id = digest.slice(0, length);
    if (!taken.has(id)) return id;
  }
  return digest;
}

/** Equal for two reviews that say the same thing (the id aside): a re-import of one is a duplicate. */
export function contentKey(review: ReviewContent): string {
  return JSON.stringify([review.author, review.createdAt, review.rating, review.text, review.spoiler]);
}

/** Newest first; a stable sort, so equal times keep the order in which they were added. */
export function newestFirst(reviews: readonly Review[]): Review[] {
  return [...reviews].sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
}

export function allReviewIds(films: readonly { reviews: readonly Review[] }[]): Set<string> {
  return new Set(films.flatMap((film) => film.reviews.map((review) => review.id)));
}
