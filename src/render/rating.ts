import type { ChalkInstance } from 'chalk';
import type { Histogram, RatingSummary } from '../domain/rating.js';
import { RATING_MAX, stars } from '../domain/rules.js';
import { displayWidth } from './width.js';

const formatAverage = (average: number): string => (Number.isInteger(average) ? String(average) : average.toFixed(1));

/** "7.5/10 ★★★★☆ from 4 ratings"; `counted` names what was counted, one and many ("person", "people"). */
export function summaryLabel(summary: RatingSummary, counted: [one: string, many: string] = ['rating', 'ratings']): string {
  if (summary.average === null) return 'no ratings yet';
  const plural = summary.count === 1 ? counted[0] : counted[1];
  return `${formatAverage(summary.average)}/${RATING_MAX} ${stars(Math.round(summary.average))} from ${summary.count} ${plural}`;
}

/** A horizontal bar per rating, 10 at the top, scaled to `width`. */
export function renderHistogram(histogram: Histogram, width: number, color: ChalkInstance, bar = '█'): string {
  const counts = Array.from({ length: RATING_MAX }, (_, i) => histogram[String(RATING_MAX - i) as keyof Histogram]);
  const most = Math.max(1, ...counts);
  const countWidth = String(most).length;
  const room = Math.max(1, width - 3 - 1 - countWidth - 1);
  return counts
    .map((count, i) => {
      const label = String(RATING_MAX - i).padStart(2);
      const length = count ? Math.max(1, Math.round((count / most) * room)) : 0;
      const line = `${label} ${bar.repeat(length)}`;
      return `${color.yellow(line)}${' '.repeat(Math.max(1, width - displayWidth(line) - countWidth))}${String(count).padStart(countWidth)}`;
    })
    .join('\n');
}
