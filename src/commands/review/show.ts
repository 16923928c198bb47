import { findReview } from '../../domain/reviews.js';
import { reviewJson, toJson } from '../../formats/json-export.js';
import { lookOf, type Deps } from '../../io.js';
import { renderReviewCard } from '../../render/review-card.js';
import { readStore } from '../../store/file.js';

export interface ReviewShowOptions {
  store: string;
  /** The review's id, or a unique start of it. */
  id: string;
  spoilers: boolean;
  json: boolean;
}

export async function run(options: ReviewShowOptions, { io }: Deps): Promise<void> {
  const found = findReview((await readStore(options.store)).films, options.id);
  io.out.write(options.json ? `${toJson(reviewJson(found))}\n` : renderReviewCard(found, { ...lookOf(io), spoilers: options.spoilers }));
}
