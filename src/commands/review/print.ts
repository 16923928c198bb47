import type { FoundReview } from '../../domain/reviews.js';
import { reviewJson, toJson } from '../../formats/json-export.js';
import type { IO } from '../../io.js';
import { filmLabel } from '../../domain/rules.js';
import { safeText } from '../../render/safe-text.js';
import { say } from '../warn.js';

/** After a change: the review as JSON for scripts, or one line for people. */
export function printReviewResult(verb: string, found: FoundReview, json: boolean, io: IO): void {
  if (json) {
    io.out.write(`${toJson(reviewJson(found))}\n`);
    return;
  }
  const { film, review } = found;
  say(io, `${verb} review ${io.color.bold(review.id)} of ${filmLabel(film, safeText)}`);
}
