import type { ChalkInstance } from 'chalk';
import type { FoundReview } from '../domain/reviews.js';
import { diaryColumns, formatDate, reviewText } from './film.js';
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
  const diary = diaryColumns(reviews.map(({ review }) => review));
  const text = 5 + diary.length;
  const table = renderTable({
    head: ['ID', 'Film', 'Author', 'Date', 'Rating', ...diary.map((column) => column.head), 'Review'],
    rows: reviews.map((found) => [
      found.review.id,
      safeText(found.film.title),
      safeText(found.review.author),
      formatDate(found.review.createdAt),
      ratingLabel(found.review.rating),
      ...diary.map((column) => column.cell(found.review)),
      reviewText(found.review, options).replace(/\n+/g, ' '),
    ]),
    width: options.width,
    fixed: [true, false, false, true, true, ...diary.map((column) => column.fixed), false],
    grow: text,
    limitLines: (lines, column, width) =>
      column === text && lines.length > EXCERPT_LINES
        ? [...lines.slice(0, EXCERPT_LINES - 1), truncate(`${lines[EXCERPT_LINES - 1]} …`, width)]
        : lines,
    color: options.color,
  });
  const more = total - reviews.length;
  return `${table}\n${more > 0 ? `${options.color.dim(`${more} more — use --limit to see more`)}\n` : ''}`;
}
