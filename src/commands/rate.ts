import type { Deps } from '../io.js';
import { storeWriter } from './store-writer.js';

export interface RateOptions {
  store: string;
  film: string;
  /** Null only when "none" was given, which the review's rules then refuse. */
  rating: number | null;
  author: string | null;
  /** ISO time; null for now. */
  createdAt: string | null;
  json: boolean;
}

export async function run(options: RateOptions, deps: Deps): Promise<void> {
  const { checkReview } = await import('../domain/review-input.js');
  const { updateStore } = await import('../store/file.js');
  const { findFilm } = await import('../domain/lookup.js');
  const { defaultAuthor, rateFilm } = await import('../domain/reviews.js');
  const { rating } = options;
  const createdAt = options.createdAt ?? deps.now().toISOString();
  const rated = await updateStore(options.store, storeWriter(deps), (data) => {
    const film = findFilm(data.films, options.film);
    const content = checkReview({ author: options.author ?? defaultAuthor(data, deps.env), createdAt, rating, text: '', spoiler: false });
    return rateFilm(data, film.slug, content);
  });
  const { printReviewResult } = await import('./review/print.js');
  printReviewResult('Saved rating', rated, options.json, deps.io);
}
