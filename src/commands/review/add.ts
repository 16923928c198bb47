import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import type { Deps } from '../../io.js';
import { storeFor } from '../store-path.js';
import { storeWriter } from '../store-writer.js';
import { addReviewFlags, parseReviewFlags, type GivenReview, type ReviewFlags } from './flags.js';
import type { ReviewField } from './ask.js';
import type { FoundReview } from '../../domain/reviews.js';
import type { ReviewContent } from '../../domain/model.js';

export interface ReviewAddOptions {
  store: string;
  film: string | null;
  given: GivenReview;
  json: boolean;
}

export function register(review: Command, deps: Deps): void {
  addReviewFlags(
    review
      .command('add')
      .description('add a review: asks for what is missing at a terminal, takes flags in a script')
      .argument('[film]', 'slug, title or the start of either')
      .option('--spoiler', 'mark it as giving away the plot'),
  ).action(async (film: string | undefined, flags: ReviewFlags, command: Command) => {
    await run({ store: storeFor(command, deps), film: film ?? null, given: await parseReviewFlags(flags, deps), json: Boolean(flags.json) }, deps);
  });
}

/** Without a terminal nothing can be asked: name the first missing flag and stop. */
function requireScripted(options: ReviewAddOptions): void {
  const example = 'films review add <film> --text <text> [--rating N] [--author <name>]';
  if (options.film === null) throw new UsageError('which film? give it as the first argument', `for example: ${example}`);
  if (options.given.text === undefined && options.given.rating === undefined) {
    throw new UsageError('missing --text <text>, --text-file <path> or --rating <n>', `for example: ${example}`);
  }
}

export async function run(options: ReviewAddOptions, deps: Deps): Promise<void> {
  const { readStore, updateStore } = await import('../../store/file.js');
  const { findFilm } = await import('../../domain/lookup.js');
  const { addReview } = await import('../../domain/reviews.js');
  const { you } = await import('../you.js');
  const { checkReview } = await import('../../domain/review-input.js');
  const { given } = options;
  const missing = new Set<ReviewField>();
  if (given.text === undefined && given.rating === undefined) missing.add('rating').add('text');
  // The author defaults to you: asked only along with what else is missing.
  if (given.author === undefined && missing.size) missing.add('author');
  if (given.spoiler === undefined && missing.size) missing.add('spoiler');
  const interactive = missing.size > 0 || options.film === null;
  if (interactive && !deps.io.canPrompt) requireScripted(options);
  const startFrom = (): ReviewContent => ({
    author: given.author ?? you(deps),
    createdAt: given.createdAt ?? deps.now().toISOString(),
    rating: given.rating ?? null,
    text: given.text ?? '',
    spoiler: given.spoiler ?? false,
  });
  const writer = storeWriter(deps);
  let added: FoundReview;
  if (!interactive) {
    // Everything is known: one read of the store, under the lock.
    added = await updateStore(options.store, writer, (data) => addReview(data, findFilm(data.films, options.film as string).slug, checkReview(startFrom())));
  } else {
    // Asking takes as long as the person takes, so the store is read to ask, then read again under the lock to write.
    const data = await readStore(options.store);
    const { askReview, chooseFilm } = await import('./ask.js');
    const prompter = await deps.prompter();
    const film = options.film === null ? await chooseFilm(data.films, prompter) : findFilm(data.films, options.film);
    const content = await askReview(film, startFrom(), missing, { io: deps.io, prompter });
    added = await updateStore(options.store, writer, (current) => addReview(current, film.slug, content));
  }
  const { printReviewResult } = await import('./print.js');
  printReviewResult('Added', added, options.json, deps.io);
}
