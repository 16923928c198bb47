import type { Deps } from '../io.js';
import { confirmOrStop } from './confirm.js';
import { storeWriter } from './store-writer.js';
import { findFilm } from '../domain/lookup.js';
import { removeFilm } from '../domain/films.js';
import { readStore, updateStore } from '../store/file.js';
import { safeText } from '../render/safe-text.js';
import { plural } from '../domain/numbers.js';
import { say } from './warn.js';

/** " and its 3 reviews", " and its review", or nothing for a film without reviews. */
const itsReviews = (count: number): string => (count === 0 ? '' : count === 1 ? ' and its review' : ` and its ${plural(count, 'review')}`);

export interface RemoveOptions {
  store: string;
  film: string;
  yes: boolean;
}

export async function run(options: RemoveOptions, deps: Deps): Promise<void> {
  if (!options.yes) {
    const film = findFilm((await readStore(options.store)).films, options.film);
    const reviews = itsReviews(film.reviews.length);
    await confirmOrStop(
      deps,
      `not removing ${film.slug}${reviews} without confirmation`,
      () => `Remove ${safeText(film.title)}${reviews}?`,
      'not removed',
    );
  }
  // Confirmed, or --yes: one read of the store, under the lock.
  const removed = await updateStore(options.store, storeWriter(deps), (data) => removeFilm(data, findFilm(data.films, options.film).slug));
  say(deps.io, `Removed ${safeText(removed.title)} (${removed.slug})${itsReviews(removed.reviews.length)}`);
}
