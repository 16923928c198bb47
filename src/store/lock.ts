import { readFile, unlink, writeFile } from 'node:fs/promises';
import lockfile from 'proper-lockfile';
import { StoreError } from '../errors.js';
import { reason } from './errno.js';

/** Who holds the lock. Beside the lock folder, not in it: proper-lockfile watches the folder's mtime to know the lock is still its own. */
const lockOwnerPath = (path: string): string => `${path}.lock-owner`;

/** Who holds the lock, so a waiting command can say so. */
export interface LockHolder {
  pid: number;
}

/** A lock untouched for this long belongs to a killed process and is taken over; waiting lasts a little longer. */
const STALE_MS = 4_000;
const LOCK_OPTIONS = {
  realpath: false,
  stale: STALE_MS,
  update: 1_000,
  retries: { retries: 60, factor: 1, minTimeout: 60, maxTimeout: 120, randomize: true },
} as const;

export async function lockStore(path: string, holder: LockHolder): Promise<() => Promise<void>> {
  try {
    const release = await lockfile.lock(path, LOCK_OPTIONS);
    await writeFile(lockOwnerPath(path), JSON.stringify({ pid: holder.pid })).catch(() => undefined);
    return async () => {
      await unlink(lockOwnerPath(path)).catch(() => undefined);
      await release();
    };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') {
      throw new StoreError(`cannot lock the store ${path} (${reason(error)})`, 'check that its folder is writable');
    }
    const owner = await readFile(lockOwnerPath(path), 'utf8').then((text): Partial<LockHolder> => JSON.parse(text)).catch((): Partial<LockHolder> => ({}));
    const who = typeof owner.pid === 'number' ? `films process ${owner.pid}` : 'another films process';
    throw new StoreError(`the store ${path} is locked by ${who}`, `wait for it to finish and try again (a lock left by a killed process clears itself within ${STALE_MS / 1000} s)`);
  }
}

