import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import type { Deps } from '../../io.js';
import { storeFor } from '../options.js';
import { addReviewFlags, parseReviewFlags, type GivenReview, type ReviewFlags } from './flags.js';
import type { ReviewField } from './ask.js';

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
  const example = 'films review add <film> --author <name> --text <text> [--rating N]';
  if (options.film === null) throw new UsageError('which film? give it as the first argument', `for example: ${example}`);
  if (options.given.author === undefined) throw new UsageError('missing --author <name>', `for example: ${example}`);
  if (options.given.text === undefined && options.given.rating === undefined) {
    throw new UsageError('missing --text <text>, --text-file <path> or --rating <n>', `for example: ${example}`);
  }
}

export async function run(options: ReviewAddOptions, deps: Deps): Promise<void> {
  const { readStore, updateStore } = await import('../../store/file.js');
  const { findFilm } = await import('../../domain/lookup.js');
  const { addReview, defaultAuthor } = await import('../../domain/reviews.js');
  const { checkReview } = await import('../../domain/review-input.js');
  const data = await readStore(options.store);
  const { given } = options;
  const missing = new Set<ReviewField>();
  if (given.author === undefined) missing.add('author');
  if (given.text === undefined && given.rating === undefined) missing.add('rating').add('text');
  if (given.spoiler === undefined && missing.size) missing.add('spoiler');
  if (!deps.io.canPrompt && (missing.size || options.film === null)) requireScripted(options);
  const start = {
    author: given.author ?? defaultAuthor(data, deps.env),
    createdAt: given.createdAt ?? deps.now().toISOString(),
    rating: given.rating ?? null,
    text: given.text ?? '',
    spoiler: given.spoiler ?? false,
  };
  let film = options.film === null ? null : findFilm(data.films, options.film);
  let content = missing.size ? null : checkReview(start);
  if (film === null || content === null) {
    const { askReview, chooseFilm } = await import('./ask.js');
    const prompter = await deps.prompter();
    film ??= await chooseFilm(data.films, prompter);
    content = await askReview(film, start, missing, { io: deps.io, prompter });
  }
  const slug = film.slug;
  const complete = content;
  const added = await updateStore(options.store, { pid: deps.pid }, (current) => addReview(current, slug, complete));
  const { printReviewResult } = await import('./print.js');
  printReviewResult('Added', added, options.json, deps.io);
}
