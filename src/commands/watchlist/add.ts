import type { Deps } from '../../io.js';
import { changeWatchlist, type WatchlistChangeOptions } from './change.js';

export type WatchlistAddOptions = WatchlistChangeOptions;

export const run = (options: WatchlistAddOptions, deps: Deps): Promise<void> => changeWatchlist(options, deps, true);
