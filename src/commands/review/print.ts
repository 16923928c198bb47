import type { FoundReview } from '../../domain/reviews.js';
import type { IO } from '../../io.js';
import { safeText } from '../../render/safe-text.js';

/** After a change: the review as JSON for scripts, or one line for people. */
export function printReviewResult(verb: string, { film, review }: FoundReview, json: boolean, io: IO): void {
  if (json) {
    io.out.write(`${JSON.stringify({ ...review, film: film.slug }, null, 2)}\n`);
    return;
  }
  io.out.write(`${verb} review ${io.color.bold(review.id)} of ${safeText(film.title)}\n`);
}
