import { lstatSync, readFileSync } from 'node:fs';
import { link, open, rename, rm, unlink, utimes } from 'node:fs/promises';
import { hostname } from 'node:os';
import { StoreError } from '../errors.js';
import { uniqueSuffix as token } from './atomic-write.js';
import { errorCode, isDiskFull, reason } from './errno.js';

/**
 * The store's lock is the file <store>.lock, created exclusively and holding its owner: pid, host,
 * when that process started, and a token of its own. A lock goes stale when its holder is dead, not
 * when it is slow: a holder busy parsing a large store, or stopped, keeps it. Only where the holder
 * cannot be checked (another host, an unreadable or old-style lock) does the age of the lock decide.
 */

/** The process taking the lock, and how to tell whether another process still runs (only bin/ and cli.ts touch `process`). */
export interface LockHolder {
  pid: number;
  isProcessAlive: (pid: number) => boolean;
  /** How long to wait for a live holder before giving up (default ~6 s). */
  lockWaitMs?: number;
}

interface Owner {
  pid: number;
  host: string;
  /** When the process started (Linux), so that a reused pid is not taken for the holder; null where unknown. */
  start: string | null;
  token: string;
}

export interface StoreLock {
  /** Throws when the lock is no longer this process's: then nothing may replace the store. */
  assertHeld: () => void;
  release: () => Promise<void>;
}

/** How long a command waits for a live holder before giving up. */
const WAIT_MS = 6_000;
/** A lock whose holder cannot be checked is taken over once it has gone this long without a refresh. */
export const UNCHECKED_STALE_MS = 60_000;
const REFRESH_MS = 5_000;

const lockPathOf = (path: string): string => `${path}.lock`;
/** Tokens of the locks this process holds now: a lock in this pid's name but not among them is a dead process's whose pid was reused. */
const heldHere = new Set<string>();
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Field 22 of /proc/<pid>/stat: the process's start time in clock ticks since boot. Null where there is no /proc. */
function processStart(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: count fields from the last ')'.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

/** What a lock or a claim made now by `holder` holds: a token of its own each time. */
const ownerFor = (holder: LockHolder): Owner => ({ pid: holder.pid, host: hostname(), start: processStart(holder.pid), token: token() });

function parseOwner(text: string): Owner | null {
  try {
    const owner = JSON.parse(text) as Partial<Owner>;
    const valid =
      Number.isSafeInteger(owner.pid) &&
      typeof owner.host === 'string' &&
      typeof owner.token === 'string' &&
      (owner.start === null || typeof owner.start === 'string');
    return valid ? (owner as Owner) : null;
  } catch {
    return null;
  }
}

interface SeenLock {
  owner: Owner | null;
  mtimeMs: number;
  ino: number;
  isFolder: boolean;
}

/**
 * The lock at `file` as it is now, or null when there is none. A folder (the lock of earlier
 * versions of films) has no owner, nor has a symbolic link: it is not followed, as a link to
 * nothing would read as no lock while it still stops one being made (a waiter would spin on it).
 */
function readLock(file: string): SeenLock | null {
  const stats = lstatSync(file, { throwIfNoEntry: false });
  if (!stats) return null;
  let text = '';
  try {
    text = stats.isFile() ? readFileSync(file, 'utf8') : '';
  } catch {
    // Gone or unreadable since the stat: judged by its age.
  }
  return { owner: parseOwner(text), mtimeMs: stats.mtimeMs, ino: stats.ino, isFolder: stats.isDirectory() };
}

/** The very lock seen before: the same file, untouched since (a refresh changes its time), with the same owner. */
const sameLock = (a: SeenLock, b: SeenLock): boolean =>
  a.ino === b.ino && a.mtimeMs === b.mtimeMs && a.isFolder === b.isFolder && a.owner?.token === b.owner?.token;

/** Whether the process that holds a lock on this host still runs; null when it cannot be checked from here. */
function ownerAlive(owner: Owner | null, holder: LockHolder): boolean | null {
  if (!owner || owner.host !== hostname()) return null;
  if (owner.pid === holder.pid) return heldHere.has(owner.token);
  if (!holder.isProcessAlive(owner.pid)) return false;
  const start = owner.start === null ? null : processStart(owner.pid);
  return start === null || start === owner.start;
}

function isStale(lock: SeenLock, holder: LockHolder): boolean {
  const alive = ownerAlive(lock.owner, holder);
  return alive === null ? Date.now() - lock.mtimeMs > UNCHECKED_STALE_MS : !alive;
}

/**
 * Removes `file` if it is still `seen`. It is moved aside first, so that of several processes only
 * one removes it; one that finds it moved something else (`seen` was removed and another made
 * since) puts that back, unless yet another has been made meanwhile (link never replaces a file).
 */
async function removeIfSame(file: string, seen: SeenLock): Promise<void> {
  const aside = `${file}.${token()}.stale`;
  try {
    await rename(file, aside);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return;
    throw error;
  }
  const moved = readLock(aside);
  if (moved && !sameLock(moved, seen)) await (moved.isFolder ? rename : link)(aside, file).catch(() => undefined);
  await rm(aside, { recursive: true, force: true });
}

/**
 * Removes the stale lock `seen`, or returns the claim of the process that is doing so. Several
 * waiters may judge one lock stale, and one may act after another has removed it and a live
 * process has locked again: so a waiter first claims the takeover (<lock>.taking, created
 * exclusively, with its owner inside as a lock has), then removes the lock only while it is the
 * one it judged. A claim lasts a moment; one whose holder died (killed, or Ctrl+C, in that moment)
 * is removed as the lock is, only while it is the claim judged dead.
 */
async function takeOver(path: string, file: string, seen: SeenLock, holder: LockHolder): Promise<SeenLock | null> {
  const claim = `${file}.taking`;
  try {
    if (!(await tryCreate(claim, JSON.stringify(ownerFor(holder))))) {
      const other = readLock(claim);
      if (other === null) return null;
      if (!isStale(other, holder)) return other;
      await removeIfSame(claim, other);
      return null;
    }
    const ours = readLock(claim);
    try {
      await removeIfSame(file, seen);
    } finally {
      if (ours) await removeIfSame(claim, ours);
    }
    return null;
  } catch (error) {
    const hint = isDiskFull(error) ? 'free some space and try again' : `remove ${file} and ${claim} if they are there, and try again`;
    throw new StoreError(`cannot take over the stale lock of the store ${path} (${reason(error)})`, `nothing was changed; ${hint}`);
  }
}

/** Creates the lock file with its owner inside, or returns false when it exists. */
async function tryCreate(file: string, text: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(file, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    await handle.writeFile(text);
    await handle.close();
    return true;
  } catch (error) {
    // A lock without its owner (a full disk) would block everyone for a minute.
    await handle.close().catch(() => undefined);
    await unlink(file).catch(() => undefined);
    throw error;
  }
}

function lockedBy(path: string, owner: Owner | null): StoreError {
  const other = owner !== null && owner.host !== hostname();
  const who = owner ? `films process ${owner.pid}${other ? ` on ${owner.host}` : ''}` : 'another films process';
  const after =
    owner && !other
      ? ''
      : ` (a lock from another machine, or an unreadable one, is taken over after ${UNCHECKED_STALE_MS / 1000} s without a refresh)`;
  return new StoreError(`the store ${path} is locked by ${who}`, `wait for it to finish and try again${after}`);
}

function heldLock(path: string, file: string, owner: Owner, text: string): StoreLock {
  heldHere.add(owner.token);
  const isOurs = (): boolean => {
    try {
      return readFileSync(file, 'utf8') === text;
    } catch {
      return false;
    }
  };
  // For waiters on other hosts, which can only judge the lock by its age.
  const refresh = setInterval(() => {
    const now = new Date();
    if (isOurs()) utimes(file, now, now).catch(() => undefined);
  }, REFRESH_MS);
  refresh.unref();
  return {
    assertHeld: () => {
      if (!isOurs())
        throw new StoreError(
          `the lock on the store ${path} was taken over by another process while this one worked`,
          'nothing was changed; try again',
        );
    },
    release: async () => {
      clearInterval(refresh);
      heldHere.delete(owner.token);
      if (isOurs()) await unlink(file).catch(() => undefined);
    },
  };
}

/** Takes the store's lock, waiting up to ~6 s (holder.lockWaitMs) for a live holder; a dead holder's lock is taken over at once. */
export async function lockStore(path: string, holder: LockHolder): Promise<StoreLock> {
  const file = lockPathOf(path);
  const owner = ownerFor(holder);
  const text = JSON.stringify(owner);
  const deadline = Date.now() + (holder.lockWaitMs ?? WAIT_MS);
  for (;;) {
    try {
      if (await tryCreate(file, text)) return heldLock(path, file, owner, text);
    } catch (error) {
      const hint = isDiskFull(error) ? 'free some space and try again' : 'check that its folder is writable';
      throw new StoreError(`cannot lock the store ${path} (${reason(error)})`, `nothing was changed; ${hint}`);
    }
    const seen = readLock(file);
    const waitingFor = seen !== null && isStale(seen, holder) ? await takeOver(path, file, seen, holder) : seen;
    // Released meanwhile, or a stale lock removed: try again at once, even past the deadline.
    if (waitingFor === null) continue;
    if (Date.now() >= deadline) throw lockedBy(path, waitingFor.owner);
    await sleep(40 + Math.random() * 80);
  }
}
