import type { MergeConflict } from '../domain/store-merge.js';
import { safeText } from './safe-text.js';

/** A value in a conflict line: JSON (so a text stays on one line); "(none)" for a field one side does not have. */
const valueText = (value: unknown): string => (value === undefined ? '(none)' : JSON.stringify(value));

/** How much of a long value a line shows, and how much of it comes before the first difference. */
const MAX_VALUE_LENGTH = 80;
const CONTEXT_BEFORE = 20;

/** Never cut between the two halves of a character outside the BMP (an emoji). */
const startsLowSurrogate = (text: string, at: number): boolean => /[\uDC00-\uDFFF]/.test(text[at] ?? '');

/**
 * The two values, a long one cut to an excerpt, both from the same place a little before their
 * first difference, with … where text is left out: two long texts that differ near their end
 * still show what differs.
 */
function excerpts(ours: string, theirs: string): [string, string] {
  if (ours.length <= MAX_VALUE_LENGTH && theirs.length <= MAX_VALUE_LENGTH) return [ours, theirs];
  let differ = 0;
  while (differ < ours.length && ours[differ] === theirs[differ]) differ++;
  let start = Math.max(0, differ - CONTEXT_BEFORE);
  if (startsLowSurrogate(ours, start)) start--;
  const cut = (text: string): string => {
    if (text.length <= MAX_VALUE_LENGTH && start === 0) return text;
    let end = Math.min(text.length, start + MAX_VALUE_LENGTH - 1);
    if (startsLowSurrogate(text, end)) end--;
    return `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`;
  };
  return [cut(ours), cut(theirs)];
}

/**
 * One line a conflict: where it is, the field, and both values, e.g.
 * `film dear-comrades review 6005a0fb by Adérito: rating: ours 8, theirs 9`.
 */
export function conflictLine(conflict: MergeConflict): string {
  const review = conflict.review ? ` review ${conflict.review.id} by ${conflict.review.author}` : '';
  const mark = conflict.mark === undefined ? '' : ` mark by ${conflict.mark}`;
  const where = `film ${conflict.film}${review}${mark}`;
  if ('removedBy' in conflict) {
    const kept = conflict.removedBy === 'ours' ? 'theirs' : 'ours';
    return safeText(`${where}: removed by ${conflict.removedBy}, changed by ${kept}; kept ${kept}`);
  }
  const [ours, theirs] = excerpts(valueText(conflict.ours), valueText(conflict.theirs));
  return safeText(`${where}: ${conflict.field}: ours ${ours}, theirs ${theirs}`);
}
