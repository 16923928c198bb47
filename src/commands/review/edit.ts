import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import type { Deps } from '../../io.js';
import type { FoundReview } from '../../domain/reviews.js';
import { storeFor } from '../store-path.js';
import { storeWriter } from '../store-writer.js';
import { addReviewFlags, parseReviewFlags, type GivenReview, type ReviewFlags } from './flags.js';

export interface ReviewEditOptions {
  store: string;
  id: string;
  given: GivenReview;
  json: boolean;
}

export function register(review: Command, deps: Deps): void {
  addReviewFlags(
    review
      .command('edit')
      .description('change a review: asks at a terminal (prefilled), or takes the flags of add')
      .argument('<id>', 'the review id, or a unique start of it')
      .option('--spoiler', 'mark it as giving away the plot')
      .option('--no-spoiler', 'unmark it'),
  ).action(async (id: string, flags: ReviewFlags, command: Command) => {
    await run({ store: storeFor(command, deps), id, given: await parseReviewFlags(flags, deps), json: Boolean(flags.json) }, deps);
  });
}

export async function run(options: ReviewEditOptions, deps: Deps): Promise<void> {
  const { readStore, updateStore } = await import('../../store/file.js');
  const { editReview, findReview } = await import('../../domain/reviews.js');
  const { checkReview } = await import('../../domain/review-input.js');
  const { given } = options;
  const nothingGiven = Object.keys(given).length === 0;
  if (nothingGiven && !deps.io.canPrompt) {
    throw new UsageError('nothing to change', 'pass --text, --text-file, --rating, --author, --date, --spoiler or --no-spoiler');
  }
  const writer = storeWriter(deps);
  let edited: FoundReview;
  if (!nothingGiven) {
    // The flags say it all: one read of the store, under the lock.
    edited = await updateStore(options.store, writer, (data) => editReview(data, options.id, ({ id: _id, ...current }) => checkReview({ ...current, ...given })));
  } else {
    const { film, review } = findReview((await readStore(options.store)).films, options.id);
    const { id: _id, ...current } = review;
    const { askReview } = await import('./ask.js');
    const content = await askReview(film, current, new Set(['author', 'rating', 'text', 'spoiler']), { io: deps.io, prompter: await deps.prompter() });
    edited = await updateStore(options.store, writer, (data) => editReview(data, review.id, () => content));
  }
  const { printReviewResult } = await import('./print.js');
  printReviewResult('Changed', edited, options.json, deps.io);
}
