import type { Command } from 'commander';
import type { Deps } from '../io.js';
import { storeFor } from './store-path.js';
import { storeWriter } from './store-writer.js';

export interface RateOptions {
  store: string;
  film: string;
  rating: string;
  author: string | null;
  date: string | null;
  json: boolean;
}

export function register(program: Command, deps: Deps): void {
  program
    .command('rate')
    .description("rate a film without writing a review (replaces the same author's earlier rating)")
    .argument('<film>', 'slug, title or the start of either')
    .argument('<rating>', 'a whole number from 1 to 10')
    .option('--author <name>', 'who rates (default: the last author used here, else your login name)')
    .option('--date <date>', 'when: an ISO date or time (default: now)')
    .option('--json', 'print the rating entry as JSON')
    .action(async (film: string, rating: string, flags: { author?: string; date?: string; json?: boolean }, command: Command) => {
      await run({ store: storeFor(command, deps), film, rating, author: flags.author ?? null, date: flags.date ?? null, json: Boolean(flags.json) }, deps);
    });
}

export async function run(options: RateOptions, deps: Deps): Promise<void> {
  const { checkReview, parseDate, parseRating } = await import('../domain/review-input.js');
  const { updateStore } = await import('../store/file.js');
  const { findFilm } = await import('../domain/lookup.js');
  const { rateFilm } = await import('../domain/reviews.js');
  const { you } = await import('./you.js');
  const rating = parseRating(options.rating, 'the rating');
  const createdAt = options.date === null ? deps.now().toISOString() : parseDate(options.date, { notAfter: deps.now() });
  const author = options.author ?? you(deps);
  const rated = await updateStore(options.store, storeWriter(deps), (data) => {
    const film = findFilm(data.films, options.film);
    const content = checkReview({ author, createdAt, rating, text: '', spoiler: false });
    return rateFilm(data, film.slug, content);
  });
  const { printReviewResult } = await import('./review/print.js');
  printReviewResult('Saved rating', rated, options.json, deps.io);
}
