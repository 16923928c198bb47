import type { Deps } from '../../io.js';
import { changeWatchlist, type WatchlistChangeOptions } from './change.js';

export type WatchlistRemoveOptions = WatchlistChangeOptions;

export const run = (options: WatchlistRemoveOptions, deps: Deps): Promise<void> => changeWatchlist(options, deps, false);
