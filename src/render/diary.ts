import type { FoundReview } from '../domain/reviews.js';
import { plural } from '../domain/numbers.js';
import { filmLabel, ratingLabel } from '../domain/rules.js';
import type { Review } from '../domain/model.js';
import type { Look } from './glyphs.js';
import { hint } from './hint.js';
import { safeText } from './safe-text.js';
import { tablePieces } from './table.js';

export interface DiaryRenderOptions extends Look {
  /** Whether a query or a period chose the entries (an empty result then says that nothing matched). */
  filtered: boolean;
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
 * A piece at a time: a diary of years shows its first screen at once.
 */
export function* diaryPieces(entries: readonly FoundReview[], options: DiaryRenderOptions): Generator<string> {
  if (entries.length === 0) {
    const empty = options.filtered ? 'No diary entries match.' : "No diary entries yet — log a film with 'films log <film>'.";
    yield `${hint(empty, options)}\n`;
    return;
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
      ratingLabel(review.rating, options.glyphs.rating),
      notes(review),
      safeText((review.tags ?? []).join(', ')),
      safeText(review.id),
    ];
  });
  yield* tablePieces({
    ...options,
    head: ['Month', 'Day', 'Film', 'Rating', 'Notes', 'Tags', 'ID'],
    rows,
    fixed: [true, true, false, true, false, false, true],
    // The film keeps its width while the notes and tags can wrap instead.
    grow: 2,
    compact: true,
  });
  const count = `${plural(entries.length, 'entry', 'entries')} — 'films review edit <id>' changes one, 'films review remove <id>' removes it`;
  yield `${hint(count, options)}\n`;
}
