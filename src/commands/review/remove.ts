import type { Command } from 'commander';
import { CancelledError, UsageError } from '../../errors.js';
import type { Deps } from '../../io.js';
import { storeFor } from '../store-path.js';
import { storeWriter } from '../store-writer.js';

export interface ReviewRemoveOptions {
  store: string;
  id: string;
  yes: boolean;
}

export function register(review: Command, deps: Deps): void {
  review
    .command('remove')
    .alias('rm')
    .description('remove a review (asks first at a terminal; --yes in a script)')
    .argument('<id>', 'the review id, or a unique start of it')
    .option('-y, --yes', 'remove without asking')
    .action(async (id: string, flags: { yes?: boolean }, command: Command) => {
      await run({ store: storeFor(command, deps), id, yes: Boolean(flags.yes) }, deps);
    });
}

export async function run(options: ReviewRemoveOptions, deps: Deps): Promise<void> {
  const { readStore, updateStore } = await import('../../store/file.js');
  const { findReview, removeReview } = await import('../../domain/reviews.js');
  const { safeText } = await import('../../render/safe-text.js');
  const writer = storeWriter(deps);
  if (!options.yes) {
    if (!deps.io.canPrompt) throw new UsageError(`not removing review ${options.id} without confirmation`, 'pass --yes');
    const { film, review } = findReview((await readStore(options.store)).films, options.id);
    const prompter = await deps.prompter();
    const what = `${safeText(review.author)}'s review of ${safeText(film.title)} (${review.createdAt.slice(0, 10)})`;
    if (!(await prompter.confirm({ message: `Remove ${what}?`, default: false }))) throw new CancelledError();
  }
  // With --yes, one read of the store, under the lock.
  const removed = await updateStore(options.store, writer, (data) => removeReview(data, options.id));
  deps.io.out.write(`Removed review ${removed.review.id} of ${safeText(removed.film.title)}\n`);
}
