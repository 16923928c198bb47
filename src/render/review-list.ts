import type { ChalkInstance } from 'chalk';
import type { FoundReview } from '../domain/reviews.js';
import { formatDate, reviewText } from './film.js';
import { ratingLabel } from '../domain/rules.js';
import { safeText } from './safe-text.js';
import { renderTable } from './table.js';
import { truncate } from './width.js';

export interface ReviewListOptions {
  spoilers: boolean;
  width: number;
  color: ChalkInstance;
}

/** Lines of text shown per review in the list. */
const EXCERPT_LINES = 2;

/** `films review list`: one row per review with a short excerpt of its text. */
export function renderReviewList(reviews: readonly FoundReview[], total: number, options: ReviewListOptions): string {
  if (total === 0) return `${options.color.dim('No reviews match.')}\n`;
  const table = renderTable({
    head: ['ID', 'Film', 'Author', 'Date', 'Rating', 'Review'],
    rows: reviews.map(({ film, review }) => [
      review.id,
      safeText(film.title),
      safeText(review.author),
      formatDate(review.createdAt),
      ratingLabel(review.rating),
      reviewText(review, options).replace(/\n+/g, ' '),
    ]),
    width: options.width,
    fixed: [true, false, false, true, true, false],
    grow: 5,
    limitLines: (lines, column, width) =>
      column === 5 && lines.length > EXCERPT_LINES
        ? [...lines.slice(0, EXCERPT_LINES - 1), truncate(`${lines[EXCERPT_LINES - 1]} …`, width)]
        : lines,
    color: options.color,
  });
  const more = total - reviews.length;
  return `${table}\n${more > 0 ? `${options.color.dim(`${more} more — use --limit to see more`)}\n` : ''}`;
}
