import type { MergeConflict } from '../domain/store-merge.js';
import { safeText } from './safe-text.js';

/** A value in a conflict line: JSON (so a text stays on one line), long texts cut; "(none)" for a field one side does not have. */
const MAX_VALUE_LENGTH = 80;

function shown(value: unknown): string {
  if (value === undefined) return '(none)';
  const json = JSON.stringify(value);
  if (json.length <= MAX_VALUE_LENGTH) return json;
  // Never cut between the two halves of a character outside the BMP (an emoji).
  const end = /[\uD800-\uDBFF]/.test(json[MAX_VALUE_LENGTH - 2] ?? '') ? MAX_VALUE_LENGTH - 2 : MAX_VALUE_LENGTH - 1;
  return `${json.slice(0, end)}…`;
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
  return safeText(`${where}: ${conflict.field}: ours ${shown(conflict.ours)}, theirs ${shown(conflict.theirs)}`);
}
