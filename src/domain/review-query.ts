import type { Film } from '../store/schema.js';
import { findFilm } from './lookup.js';
import type { FoundReview } from './reviews.js';
import { textKey } from './text-key.js';

export interface ReviewFilter {
  film: string | null;
  author: string | null;
  minRating: number | null;
  /** ISO time: reviews written at or after it. */
  since: string | null;
}

/** The reviews that pass the filter, newest first across films (equal times: store order). */
export function selectReviews(films: readonly Film[], filter: ReviewFilter): FoundReview[] {
  const scope = filter.film === null ? films : [findFilm(films, filter.film)];
  const author = filter.author === null ? null : textKey(filter.author);
  const { minRating, since } = filter;
  return scope
    .flatMap((film) => film.reviews.map((review) => ({ film, review })))
    .filter(({ review }) => author === null || textKey(review.author) === author)
    .filter(({ review }) => minRating === null || (review.rating !== null && review.rating >= minRating))
    .filter(({ review }) => since === null || review.createdAt >= since)
    .sort((a, b) => (a.review.createdAt < b.review.createdAt ? 1 : a.review.createdAt > b.review.createdAt ? -1 : 0));
}
