import type { Deps } from '../io.js';
import { storeWriter } from './store-writer.js';
import { updateStore } from '../store/file.js';
import { findFilm } from '../domain/lookup.js';
import { checkReview, rateFilm } from '../domain/reviews.js';
import { you } from './you.js';
import { printReviewResult } from './review/print.js';

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
  const { rating } = options;
  const createdAt = options.createdAt ?? deps.now().toISOString();
  const author = options.author ?? you(deps);
  const rated = await updateStore(options.store, storeWriter(deps), (data) => {
    const film = findFilm(data.films, options.film);
    const content = checkReview({ author, createdAt, rating, text: '', spoiler: false });
    return rateFilm(data, film.slug, content);
  });
  printReviewResult('Saved rating', rated, options.json, deps.io);
}
