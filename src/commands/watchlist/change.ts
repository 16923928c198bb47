import type { Deps } from '../../io.js';
import { addToWatchlist, removeFromWatchlist } from '../../domain/diary.js';
import { findFilm } from '../../domain/lookup.js';
import { filmLabel } from '../../domain/rules.js';
import { safeText } from '../../render/safe-text.js';
import { updateStore } from '../../store/file.js';
import { storeWriter } from '../store-writer.js';
import { you } from '../you.js';
import { say } from '../warn.js';

export interface WatchlistChangeOptions {
  store: string;
  /** Slugs, titles or the start of either. */
  films: string[];
  /** Whose watchlist; null for yours. */
  author: string | null;
}

/**
 * `films watchlist add|remove`: every film is found before anything changes, so an unknown one
 * changes nothing; a film already as asked is said so and left alone.
 */
export async function changeWatchlist(options: WatchlistChangeOptions, deps: Deps, adding: boolean): Promise<void> {
  const author = options.author ?? you(deps);
  const at = deps.now().toISOString();
  const { changed, unchanged } = await updateStore(options.store, storeWriter(deps), (data) => {
    const slugs = options.films.map((query) => findFilm(data.films, query).slug);
    return adding ? addToWatchlist(data, slugs, author, at) : removeFromWatchlist(data, slugs, author);
  });
  const whose = options.author === null ? 'your watchlist' : `${author}'s watchlist`;
  const said = (line: string): void => say(deps.io, safeText(line));
  for (const film of changed) said(`${adding ? 'Added' : 'Removed'} ${filmLabel(film)} ${adding ? 'to' : 'from'} ${whose}`);
  for (const film of unchanged) said(`${filmLabel(film)} ${adding ? 'is already on' : 'is not on'} ${whose}; nothing changed`);
}
