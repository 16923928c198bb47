import type { FoundReview } from '../domain/reviews.js';
import { filmLabel, ratingLabel } from '../domain/rules.js';
import { formatDate } from './film.js';
import type { Look } from './glyphs.js';
import { hint } from './hint.js';
import { safeText } from './safe-text.js';
import { renderFields } from './table.js';
import { wrapText } from './width.js';

export interface ReviewCardOptions extends Look {
  /** Show the text of a review marked as a spoiler. */
  spoilers: boolean;
}

/** "2024-03-14, a rewatch": a diary entry's watch. */
function watched(found: FoundReview): string | null {
  const { watchedDate, rewatch } = found.review;
  if (watchedDate === undefined) return rewatch ? 'a rewatch' : null;
  return rewatch ? `${watchedDate}, a rewatch` : watchedDate;
}

/**
 * `films review show`: one review as a card — its fields a line each (what it does not have left
 * out), then its text in its paragraphs, wrapped to the width. A spoiler's text is hidden unless
 * asked for, with a line saying how to show it.
 */
export function renderReviewCard(found: FoundReview, options: ReviewCardOptions): string {
  const { film, review } = found;
  const fields: [string, string][] = [
    ['Review', safeText(review.id)],
    ['Film', `${filmLabel(film, safeText)} ${options.color.dim(`[${film.slug}]`)}`],
    ['Author', safeText(review.author)],
    ['Date', formatDate(review.createdAt)],
  ];
  const watch = watched(found);
  if (watch !== null) fields.push(['Watched', watch]);
  fields.push(['Rating', ratingLabel(review.rating, options.glyphs.rating)]);
  if (review.liked) fields.push(['Liked', 'yes']);
  if (review.tags?.length) fields.push(['Tags', safeText(review.tags.join(', '))]);
  if (review.spoiler) fields.push(['Spoiler', 'yes, it gives away the plot']);
  const card = renderFields(fields, options);
  if (review.text === '') return `${card}\n`;
  if (review.spoiler && !options.spoilers) {
    return `${card}\n\n${hint(`The text is hidden: 'films review show ${safeText(review.id)} --spoilers' shows it.`, options)}\n`;
  }
  const text = wrapText(safeText(review.text, { multiline: true }), options.width).join('\n');
  return `${card}\n\n${text}\n`;
}
