import { UsageError } from '../../errors.js';
import type { Deps } from '../../io.js';
import { storeWriter } from '../store-writer.js';
import type { GivenReview, ReviewInput } from './flags.js';
import { givenReview } from './text-file.js';
import type { ReviewField } from './ask.js';
import { addReview, checkReview, type FoundReview } from '../../domain/reviews.js';
import type { ReviewContent } from '../../domain/model.js';
import { readStore, updateStore } from '../../store/file.js';
import { findFilm } from '../../domain/lookup.js';
import { printReviewResult } from './print.js';
import { you } from '../you.js';

export interface ReviewAddOptions extends ReviewInput {
  store: string;
  film: string | null;
  json: boolean;
}

/** Without a terminal nothing can be asked: name the first missing flag and stop. */
function requireScripted(film: string | null, given: GivenReview): void {
  const example = 'films review add <film> --text <text> [--rating N] [--author <name>]';
  if (film === null) throw new UsageError('which film? give it as the first argument', `for example: ${example}`);
  if (given.text === undefined && given.rating === undefined) {
    throw new UsageError('missing --text <text>, --text-file <path> or --rating <n>', `for example: ${example}`);
  }
}

export async function run(options: ReviewAddOptions, deps: Deps): Promise<void> {
  const given = await givenReview(options, deps);
  const missing = new Set<ReviewField>();
  if (given.text === undefined && given.rating === undefined) missing.add('rating').add('text');
  // The author defaults to you: asked only along with what else is missing.
  if (given.author === undefined && missing.size) missing.add('author');
  if (given.spoiler === undefined && missing.size) missing.add('spoiler');
  const interactive = missing.size > 0 || options.film === null;
  if (interactive && !deps.io.canPrompt) requireScripted(options.film, given);
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
    added = await updateStore(options.store, writer, (data) =>
      addReview(data, findFilm(data.films, options.film as string).slug, checkReview(startFrom())),
    );
  } else {
    // Asking takes as long as the person takes, so the store is read to ask, then read again under the lock to write.
    const data = await readStore(options.store);
    // The prompts and their preview load only at a terminal, as in films add.
    const { askReview, chooseFilm } = await import('./ask.js');
    const prompter = await deps.prompter();
    const film = options.film === null ? await chooseFilm(data.films, prompter) : findFilm(data.films, options.film);
    const content = await askReview(film, startFrom(), missing, { io: deps.io, prompter });
    added = await updateStore(options.store, writer, (current) => addReview(current, film.slug, content));
  }
  printReviewResult('Added', added, options.json, deps.io);
}
