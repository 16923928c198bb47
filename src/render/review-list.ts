import type { FoundReview } from '../domain/reviews.js';
import { ratingLabel } from '../domain/rules.js';
import { diaryColumns, formatDate, reviewText } from './film.js';
import type { Look } from './glyphs.js';
import { hint, moreHint } from './hint.js';
import { safeText } from './safe-text.js';
import { tablePieces } from './table.js';
import { truncate } from './width.js';

export interface ReviewListOptions extends Look {
  spoilers: boolean;
  /** The store holds no review at all: an empty list says so, rather than that none matches. */
  storeEmpty?: boolean;
}

/** Lines of text shown per review in the list. */
const EXCERPT_LINES = 2;

/** `films review list`: one row per review with a short excerpt of its text, a piece at a time. */
export function* reviewListPieces(reviews: readonly FoundReview[], total: number, options: ReviewListOptions): Generator<string> {
  if (total === 0) {
    const why = options.storeEmpty ? "No reviews yet — add one with 'films review add <film>'." : 'No reviews match.';
    yield `${hint(why, options)}\n`;
    return;
  }
  const diary = diaryColumns(reviews.map(({ review }) => review));
  const text = 5 + diary.length;
  yield* tablePieces({
    ...options,
    head: ['ID', 'Film', 'Author', 'Date', 'Rating', ...diary.map((column) => column.head), 'Review'],
    rows: reviews.map((found) => [
      safeText(found.review.id),
      safeText(found.film.title),
      safeText(found.review.author),
      formatDate(found.review.createdAt),
      ratingLabel(found.review.rating, options.glyphs.rating),
      ...diary.map((column) => column.cell(found.review)),
      reviewText(found.review, options).replace(/\n+/g, ' '),
    ]),
    fixed: [true, false, false, true, true, ...diary.map((column) => column.fixed), false],
    grow: text,
    limitLines: (lines, column, width) =>
      column === text && lines.length > EXCERPT_LINES
        ? [
            ...lines.slice(0, EXCERPT_LINES - 1),
            truncate(`${lines[EXCERPT_LINES - 1]} ${options.glyphs.ellipsis}`, width, options.glyphs.ellipsis),
          ]
        : lines,
  });
  if (total > reviews.length) yield moreHint(total - reviews.length, 'review', options);
}

export const renderReviewList = (reviews: readonly FoundReview[], total: number, options: ReviewListOptions): string =>
  [...reviewListPieces(reviews, total, options)].join('');
