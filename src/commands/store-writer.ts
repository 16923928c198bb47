import type { Deps } from '../io.js';
import type { StoreWriter } from '../store/file.js';
import { note, warn } from './warn.js';

/** This process as the store's writer: named in its lock, warning and noting on stderr (e.g. as the store nears its size ceiling). */
export function storeWriter({ pid, isProcessAlive, lockWaitMs, io }: Deps): StoreWriter {
  return { pid, isProcessAlive, lockWaitMs, warn: (message) => warn(io, message), note: (message) => note(io, message) };
}
