import type { Deps } from '../io.js';
import type { Change, StoreData } from '../domain/model.js';
import { updateStore, type StoreWriter } from '../store/file.js';
import { note, warn } from './warn.js';

/** This process as the store's writer: named in its lock, warning and noting on stderr (e.g. as the store nears its size ceiling). */
export function storeWriter({ pid, isProcessAlive, lockWaitMs, io }: Deps): StoreWriter {
  return { pid, isProcessAlive, lockWaitMs, warn: (message) => warn(io, message), note: (message) => note(io, message) };
}

/** updateStore, and whether the change changed anything (an edit to the same values writes nothing). */
export async function updateStoreIfChanged<T>(
  path: string,
  writer: StoreWriter,
  change: (data: StoreData) => Change<T>,
): Promise<{ result: T; changed: boolean }> {
  let changed = false;
  const result = await updateStore(path, writer, (data) => {
    const next = change(data);
    changed = next.data !== data;
    return next;
  });
  return { result, changed };
}
