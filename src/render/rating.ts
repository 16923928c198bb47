import type { Histogram, RatingSummary } from '../domain/rating.js';
import { plural } from '../domain/numbers.js';
import { RATING_MAX, stars, STAR_MARKS, type RatingMarks } from '../domain/rules.js';
import type { Look } from './glyphs.js';
import { displayWidth } from './width.js';

const formatAverage = (average: number): string => (Number.isInteger(average) ? String(average) : average.toFixed(1));

/** "7.5/10 ★★★★☆ from 4 ratings"; `counted` names what was counted, one and many ("person", "people"). */
export function summaryLabel(
  summary: RatingSummary,
  counted: [one: string, many: string] = ['rating', 'ratings'],
  marks: RatingMarks = STAR_MARKS,
): string {
  if (summary.average === null) return 'no ratings yet';
  return `${formatAverage(summary.average)}/${RATING_MAX} ${stars(Math.round(summary.average), marks)} from ${plural(summary.count, ...counted)}`;
}

/** A horizontal bar per rating, 10 at the top, scaled to the look's width. */
export function renderHistogram(histogram: Histogram, look: Look): string {
  const { width, color, glyphs } = look;
  const counts = Array.from({ length: RATING_MAX }, (_, i) => histogram[String(RATING_MAX - i) as keyof Histogram]);
  const most = Math.max(1, ...counts);
  const countWidth = String(most).length;
  const room = Math.max(1, width - 3 - 1 - countWidth - 1);
  return counts
    .map((count, i) => {
      const label = String(RATING_MAX - i).padStart(2);
      const length = count ? Math.max(1, Math.round((count / most) * room)) : 0;
      const line = `${label} ${glyphs.bar.repeat(length)}`;
      return `${color.yellow(line)}${' '.repeat(Math.max(1, width - displayWidth(line) - countWidth))}${String(count).padStart(countWidth)}`;
    })
    .join('\n');
}
