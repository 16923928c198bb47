import { readFile, unlink } from 'node:fs/promises';
import { StoreError } from '../errors.js';
import { linkTarget, writeFileAtomically } from './atomic-write.js';
import { reason } from './errno.js';

/** The store's own file: a symbolic link followed, as the store reader does (a link to nothing as it is). */
function storeTarget(store: string): string {
  try {
    return linkTarget(store);
  } catch {
    return store;
  }
}

/**
 * The conflicts of the last merge of a store, a line each, kept beside it as `<store>.conflicts`
 * (beside the file a link points to, where the merge in the work tree left them) until a clean
 * merge or `films db conflicts --clear` removes them.
 */
export const conflictsPath = (store: string): string => `${storeTarget(store)}.conflicts`;

export async function writeConflicts(store: string, lines: readonly string[]): Promise<void> {
  const path = conflictsPath(store);
  try {
    await writeFileAtomically(
      path,
      lines.map((line) => `${line}\n`),
    );
  } catch (error) {
    throw new StoreError(
      `cannot write the conflicts file ${path} (${reason(error)})`,
      "the merged store holds our values; 'git diff' shows what differs",
    );
  }
}

/** The recorded conflicts, or null when there are none. */
export async function readConflicts(store: string): Promise<string[] | null> {
  const path = conflictsPath(store);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new StoreError(`cannot read the conflicts file ${path} (${reason(error)})`, 'check its permissions');
  }
  return text.split('\n').filter((line) => line !== '');
}

/** Removes the recorded conflicts; false when there were none. */
export async function clearConflicts(store: string): Promise<boolean> {
  const path = conflictsPath(store);
  try {
    await unlink(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw new StoreError(`cannot remove the conflicts file ${path} (${reason(error)})`, 'check the permissions of its folder');
  }
}
