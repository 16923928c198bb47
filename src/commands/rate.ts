import type { Deps } from '../io.js';
import { storeWriter, updateStoreIfChanged } from './store-writer.js';
import { findFilm } from '../domain/lookup.js';
import { checkReview, rateFilm } from '../domain/reviews.js';
import { you } from './you.js';
import { filmLabel, ratingLabel } from '../domain/rules.js';
import { reviewJson, toJson } from '../formats/json-export.js';
import { safeText } from '../render/safe-text.js';
import { say } from './warn.js';

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
  const { result: rated, changed } = await updateStoreIfChanged(options.store, storeWriter(deps), (data) => {
    const film = findFilm(data.films, options.film);
    const content = checkReview({ author, createdAt, rating, text: '', spoiler: false });
    return rateFilm(data, film.slug, content, options.createdAt !== null);
  });
  const { io } = deps;
  if (options.json) {
    io.out.write(`${toJson(reviewJson(rated))}\n`);
    return;
  }
  const { film, review } = rated;
  const whose = options.author === null ? '' : ` for ${safeText(review.author)}`;
  if (!changed) {
    const by = options.author === null ? 'you' : safeText(review.author);
    say(io, `${filmLabel(film, safeText)} is already rated ${ratingLabel(review.rating, io.glyphs.rating)} by ${by}; nothing changed`);
    return;
  }
  say(
    io,
    `Rated ${filmLabel(film, safeText)} ${ratingLabel(review.rating, io.glyphs.rating)}${whose} (rating ${io.color.bold(review.id)})`,
  );
}
