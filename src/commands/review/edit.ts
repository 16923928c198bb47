import { UsageError } from '../../errors.js';
import type { Deps } from '../../io.js';
import { checkReview, editReview, findReview, type FoundReview } from '../../domain/reviews.js';
import { storeWriter } from '../store-writer.js';
import type { ReviewInput } from './flags.js';
import { givenReview } from './text-file.js';
import { readStore, updateStore } from '../../store/file.js';
import { printReviewResult } from './print.js';

export interface ReviewEditOptions extends ReviewInput {
  store: string;
  id: string;
  json: boolean;
}

export async function run(options: ReviewEditOptions, deps: Deps): Promise<void> {
  const given = await givenReview(options, deps);
  const nothingGiven = Object.keys(given).length === 0;
  if (nothingGiven && !deps.io.canPrompt) {
    throw new UsageError('nothing to change', 'pass --text, --text-file, --rating, --author, --date, --spoiler or --no-spoiler');
  }
  const writer = storeWriter(deps);
  let edited: FoundReview;
  if (!nothingGiven) {
    // The flags say it all: one read of the store, under the lock.
    edited = await updateStore(options.store, writer, (data) =>
      editReview(data, options.id, ({ id: _id, ...current }) => checkReview({ ...current, ...given })),
    );
  } else {
    const { film, review } = findReview((await readStore(options.store)).films, options.id);
    const { id: _id, ...current } = review;
    const { askReview } = await import('./ask.js');
    const content = await askReview(film, current, new Set(['author', 'rating', 'text', 'spoiler']), {
      io: deps.io,
      prompter: await deps.prompter(),
    });
    edited = await updateStore(options.store, writer, (data) => editReview(data, review.id, () => content));
  }
  printReviewResult('Changed', edited, options.json, deps.io);
}
