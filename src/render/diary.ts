import type { ChalkInstance } from 'chalk';
import type { FoundReview } from '../domain/reviews.js';
import { filmLabel, ratingLabel } from '../domain/rules.js';
import type { Review } from '../domain/model.js';
import { hint } from './hint.js';
import { safeText } from './safe-text.js';
import { renderTable } from './table.js';

export interface DiaryRenderOptions {
  /** Whether a query or a period chose the entries (an empty result then says that nothing matched). */
  filtered: boolean;
  width: number;
  color: ChalkInstance;
}

/** Month names as the diary and the year's charts show them. */
export const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2026-03" → "Mar 2026". */
export const monthLabel = (month: string): string => `${MONTHS[Number(month.slice(5, 7)) - 1] ?? month.slice(5, 7)} ${month.slice(0, 4)}`;

/** What else an entry says, in words that need no header: a rewatch, liked, a review (a spoiler one). */
const notes = (review: Review): string =>
  [review.rewatch ? 'rewatch' : '', review.liked ? 'liked' : '', review.text === '' ? '' : review.spoiler ? 'spoiler review' : 'review']
    .filter(Boolean)
    .join(', ');

/**
 * `films diary`: one row per entry, newest watch first, grouped by month as Letterboxd's diary is:
 * the month is named on its first row only. The id is the one `review edit` and `review remove` take.
 */
export function renderDiary(entries: readonly FoundReview[], options: DiaryRenderOptions): string {
  if (entries.length === 0) {
    const empty = options.filtered ? 'No diary entries match.' : "No diary entries yet — log a film with 'films log <film>'.";
    return `${hint(empty, options.width, options.color)}\n`;
  }
  let month = '';
  const rows = entries.map(({ film, review }) => {
    const day = review.watchedDate ?? '';
    const first = day.slice(0, 7) !== month;
    month = day.slice(0, 7);
    return [
      first ? monthLabel(month) : '',
      day.slice(8, 10),
      filmLabel(film, safeText),
      ratingLabel(review.rating),
      notes(review),
      safeText((review.tags ?? []).join(', ')),
      review.id,
    ];
  });
  const table = renderTable({
    head: ['Month', 'Day', 'Film', 'Rating', 'Notes', 'Tags', 'ID'],
    rows,
    width: options.width,
    fixed: [true, true, false, true, false, false, true],
    // The film keeps its width while the notes and tags can wrap instead.
    grow: 2,
    compact: true,
    color: options.color,
  });
  const count = `${entries.length} ${entries.length === 1 ? 'entry' : 'entries'} — 'films review edit <id>' changes one, 'films review remove <id>' removes it`;
  return `${table}\n${hint(count, options.width, options.color)}\n`;
}
