import type { Deps } from '../../io.js';
import { confirmOrStop } from '../confirm.js';
import { storeWriter } from '../store-writer.js';
import { readStore, updateStore } from '../../store/file.js';
import { findReview, removeReview } from '../../domain/reviews.js';
import { safeText } from '../../render/safe-text.js';
import { filmLabel } from '../../domain/rules.js';
import { say } from '../warn.js';

export interface ReviewRemoveOptions {
  store: string;
  id: string;
  yes: boolean;
}

export async function run(options: ReviewRemoveOptions, deps: Deps): Promise<void> {
  const writer = storeWriter(deps);
  if (!options.yes) {
    await confirmOrStop(
      deps,
      `not removing review ${options.id} without confirmation`,
      async () => {
        const { film, review } = findReview((await readStore(options.store)).films, options.id);
        return `Remove ${safeText(review.author)}'s review of ${safeText(film.title)} (${review.createdAt.slice(0, 10)})?`;
      },
      'not removed',
    );
  }
  // With --yes, one read of the store, under the lock.
  const removed = await updateStore(options.store, writer, (data) => removeReview(data, options.id));
  say(deps.io, `Removed review ${removed.review.id} of ${filmLabel(removed.film, safeText)}`);
}
