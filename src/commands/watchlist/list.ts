import { lookOf, type Deps } from '../../io.js';
import { watchlistOf } from '../../domain/diary.js';
import { toJson, watchlistJson } from '../../formats/json-export.js';
import { renderWatchlist } from '../../render/watchlist.js';
import { readStore } from '../../store/file.js';
import { you } from '../you.js';

export interface WatchlistOptions {
  store: string;
  /** Whose watchlist; null for yours. */
  author: string | null;
  json: boolean;
}

export async function run(options: WatchlistOptions, deps: Deps): Promise<void> {
  const { films } = await readStore(options.store);
  const items = watchlistOf(films, options.author ?? you(deps));
  if (options.json) {
    deps.io.out.write(`${toJson(items.map(watchlistJson))}\n`);
    return;
  }
  deps.io.out.write(renderWatchlist(items, lookOf(deps.io)));
}
