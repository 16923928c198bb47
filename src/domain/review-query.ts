import { byWatchedDate, isDiaryEntry } from './diary.js';
import type { Film } from './model.js';
import type { Period } from './rules.js';
import { REVIEW_FIELDS, REVIEW_SORTS, type Selection } from './catalogue-query.js';
import { fieldMatch, parseQuery, sortBy } from './query.js';
import type { FoundReview } from './reviews.js';

export interface ReviewFilter {
  /** Query terms; bare words match the film's title, or its slug. */
  terms: readonly string[];
  /** --author: as the term author:<name>. */
  author: string | null;
  minRating: number | null;
  /** ISO time: reviews written at or after it. */
  since: string | null;
}

/** The reviews that pass the filter, sorted (default newest first; equal times keep store order), limited. */
export function selectReviews(
  films: readonly Film[],
  filter: ReviewFilter,
  sort = '-date',
  limit: number | null = null,
): Selection<FoundReview> {
  const matches = parseQuery(filter.terms, REVIEW_FIELDS, 'film', ({ film }) => film.slug);
  const byAuthor = filter.author === null ? null : fieldMatch(REVIEW_FIELDS, 'author', filter.author);
  const { minRating, since } = filter;
  const selected = films
    .flatMap((film) => film.reviews.map((review) => ({ film, review })))
    .filter(matches)
    .filter((found) => byAuthor === null || byAuthor(found))
    .filter(({ review }) => minRating === null || (review.rating !== null && review.rating >= minRating))
    .filter(({ review }) => since === null || review.createdAt >= since);
  const sorted = sortBy(selected, sort, REVIEW_SORTS);
  return { items: limit === null ? sorted : sorted.slice(0, limit), total: sorted.length };
}

/** `films diary`: a person's diary entries that match every term and fall in `period`, newest watch first. */
export function selectDiary(films: readonly Film[], author: string, terms: readonly string[], period: Period | null): FoundReview[] {
  const matches = parseQuery(terms, REVIEW_FIELDS, 'film', ({ film }) => film.slug);
  const inPeriod = (day: string): boolean => period === null || (day >= period.first && day <= period.last);
  return films
    .flatMap((film) =>
      film.reviews.flatMap((review) =>
        review.author === author && isDiaryEntry(review) && inPeriod(review.watchedDate) ? [{ film, review }] : [],
      ),
    )
    .filter(matches)
    .sort(byWatchedDate);
}
