import type { Deps } from '../io.js';
import { confirmOrStop } from './confirm.js';
import { storeWriter } from './store-writer.js';
import { findFilm } from '../domain/lookup.js';
import { removeFilm } from '../domain/films.js';
import { readStore, updateStore } from '../store/file.js';
import { safeText } from '../render/safe-text.js';

export interface RemoveOptions {
  store: string;
  film: string;
  yes: boolean;
}

export async function run(options: RemoveOptions, deps: Deps): Promise<void> {
  const reviews = (count: number): string => `${count} review${count === 1 ? '' : 's'}`;
  if (!options.yes) {
    const film = findFilm((await readStore(options.store)).films, options.film);
    const count = reviews(film.reviews.length);
    await confirmOrStop(
      deps,
      `not removing ${film.slug} and its ${count} without confirmation`,
      () => `Remove ${safeText(film.title)} and its ${count}?`,
      'not removed',
    );
  }
  // Confirmed, or --yes: one read of the store, under the lock.
  const removed = await updateStore(options.store, storeWriter(deps), (data) => removeFilm(data, findFilm(data.films, options.film).slug));
  deps.io.out.write(`Removed ${safeText(removed.title)} (${removed.slug}) and its ${reviews(removed.reviews.length)}\n`);
}
