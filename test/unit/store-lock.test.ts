import { spawnSync } from 'node:child_process';
import { existsSync, lutimesSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, utimes, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockStore, UNCHECKED_STALE_MS, type LockHolder } from '../../src/store/lock.js';
import { StoreError } from '../../src/errors.js';
import { BUNDLED, useTempStore } from '../helpers/cli.js';
import { smallTmpfs } from '../helpers/tmpfs.js';
import { isProcessAlive } from '../../src/cli.js';

const temp = useTempStore('bundled');
const lockFile = (): string => `${temp.store}.lock`;
const me: LockHolder = { pid: process.pid, isProcessAlive };

/** The pid of a process that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

/** A lock left in the store's folder as films writes one. */
const leaveLock = (owner: object): Promise<void> => writeFile(lockFile(), JSON.stringify({ start: null, token: 'theirs000000', ...owner }));

async function age(path: string, ms: number): Promise<void> {
  const then = new Date(Date.now() - ms);
  await utimes(path, then, then);
}

const ownerNow = (): { pid: number } => JSON.parse(readFileSync(lockFile(), 'utf8'));

describe('taking over a lock at once', () => {
  it.each([
    ['a dead process on this host', async () => leaveLock({ pid: deadPid(), host: hostname() })],
    ['this pid, left by an earlier process that had it', async () => leaveLock({ pid: process.pid, host: hostname() })],
    [
      'another host, untouched for longer than the stale time',
      async () => {
        await leaveLock({ pid: 1, host: 'elsewhere.example' });
        await age(lockFile(), UNCHECKED_STALE_MS + 5_000);
      },
    ],
    [
      'an unreadable lock, untouched for longer than the stale time',
      async () => {
        await writeFile(lockFile(), '');
        await age(lockFile(), UNCHECKED_STALE_MS + 5_000);
      },
    ],
    [
      'the lock folder of an earlier films, untouched for longer than the stale time',
      async () => {
        await mkdir(lockFile());
        await age(lockFile(), UNCHECKED_STALE_MS + 5_000);
      },
    ],
  ])('%s', async (_name, leave) => {
    await leave();
    const started = Date.now();
    const lock = await lockStore(temp.store, me);
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(ownerNow().pid).toBe(process.pid);
    await lock.release();
    expect(existsSync(lockFile())).toBe(false);
    expect((await readdir(temp.dir)).sort()).toEqual(['films.json']);
  });

  it.skipIf(!existsSync('/proc/self/stat'))('a live process whose start time is not the one recorded: its pid was reused', async () => {
    await leaveLock({ pid: process.ppid, host: hostname(), start: '1' });
    const lock = await lockStore(temp.store, me);
    expect(ownerNow().pid).toBe(process.pid);
    await lock.release();
  });
});

describe('a lock that is not stale', () => {
  // The wait shortened (the real ~6 s between two processes is in e2e/reliability.test.ts).
  it('a live holder on another host is waited for, then named', async () => {
    await leaveLock({ pid: 77, host: 'elsewhere.example' });
    const before = await readFile(lockFile(), 'utf8');
    const started = Date.now();
    const attempt = lockStore(temp.store, { ...me, lockWaitMs: 500 });
    await expect(attempt).rejects.toBeInstanceOf(StoreError);
    await expect(attempt).rejects.toMatchObject({
      message: `the store ${temp.store} is locked by films process 77 on elsewhere.example`,
      hint: 'wait for it to finish and try again (a lock from another machine, or an unreadable one, is taken over after 60 s without a refresh)',
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(500);
    expect(await readFile(lockFile(), 'utf8')).toBe(before);
  });
});

describe('the end of the wait', () => {
  it('a holder that dies as the wait ends: its lock is taken over, and the lock given, not refused', async () => {
    await leaveLock({ pid: 555_555, host: hostname() });
    const started = Date.now();
    const lock = await lockStore(temp.store, { pid: process.pid, lockWaitMs: 300, isProcessAlive: () => Date.now() - started < 300 });
    expect(ownerNow().pid).toBe(process.pid);
    await lock.release();
    expect((await readdir(temp.dir)).sort()).toEqual(['films.json']);
  });
});

describe('a stale lock on a full disk', () => {
  const disk = smallTmpfs('1m');
  it.skipIf(disk.cannotMount !== null)(
    'the claim cannot be written: one refusal that says to free space, the store and the lock as they were',
    async () => {
      const store = join(disk.dir, 'films.json');
      await copyFile(BUNDLED, store);
      await writeFile(`${store}.lock`, JSON.stringify({ pid: deadPid(), host: hostname(), start: null, token: 'dead00000000' }));
      await disk.fillTo(0);
      const before = [await readFile(store, 'utf8'), await readFile(`${store}.lock`, 'utf8')];
      await expect(lockStore(store, me)).rejects.toMatchObject({
        message: `cannot take over the stale lock of the store ${store} (the disk is full, ENOSPC)`,
        hint: 'nothing was changed; free some space and try again',
      });
      expect([await readFile(store, 'utf8'), await readFile(`${store}.lock`, 'utf8')]).toEqual(before);
      expect((await readdir(disk.dir)).sort()).toEqual(['fill', 'films.json', 'films.json.lock']);
    },
  );
});

describe('a lock held', () => {
  it('knows when it was taken over, and then neither refreshes nor removes the new lock', async () => {
    const lock = await lockStore(temp.store, me);
    expect(() => lock.assertHeld()).not.toThrow();
    await leaveLock({ pid: 1, host: 'elsewhere.example' });
    expect(() => lock.assertHeld()).toThrow(`the lock on the store ${temp.store} was taken over by another process while this one worked`);
    await lock.release();
    expect(ownerNow().pid).toBe(1);
  });

  it('many waiters on a dead lock: one holder at a time, every one served', async () => {
    await leaveLock({ pid: deadPid(), host: hostname() });
    let holding = 0;
    let most = 0;
    const served: number[] = [];
    // Twelve processes as far as the lock can tell (pids of their own, all alive), racing for one dead lock.
    const waiters = Array.from({ length: 12 }, async (_, i) => {
      const lock = await lockStore(temp.store, { pid: 900_000 + i, isProcessAlive: (pid) => pid >= 900_000 });
      holding++;
      most = Math.max(most, holding);
      await new Promise((resolve) => setTimeout(resolve, 20));
      lock.assertHeld();
      holding--;
      served.push(i);
      await lock.release();
    });
    await Promise.all(waiters);
    expect(most).toBe(1);
    expect(served.sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => i));
    expect(existsSync(lockFile())).toBe(false);
  });
});

describe('a stale lock taken over by several waiters', () => {
  const theirs = (pid: number, token: string): string => JSON.stringify({ pid, host: hostname(), start: null, token });
  const claimFile = (): string => `${lockFile()}.taking`;

  it('a lock that is no longer the one judged stale is left alone: its holder keeps it', async () => {
    const dead = theirs(111_111, 'dead00000000');
    const live = theirs(222_222, 'live00000000');
    await writeFile(lockFile(), dead);
    const waiter: LockHolder = {
      pid: process.pid,
      lockWaitMs: 300,
      isProcessAlive: (pid) => {
        // Once this waiter has judged the dead lock, another waiter removes it and a live process locks.
        if (pid === 111_111) writeFileSync(lockFile(), live);
        // Should this waiter move the live lock aside, a fourth process locks in its place.
        else if (!existsSync(lockFile())) writeFileSync(lockFile(), theirs(333_333, 'fourth000000'));
        return pid !== 111_111;
      },
    };
    await expect(lockStore(temp.store, waiter)).rejects.toMatchObject({
      message: `the store ${temp.store} is locked by films process 222222`,
    });
    expect(readFileSync(lockFile(), 'utf8')).toBe(live);
    expect((await readdir(temp.dir)).sort()).toEqual(['films.json', 'films.json.lock']);
  });

  it('a claim on the takeover left by a dead process is removed, and the stale lock taken over', async () => {
    await leaveLock({ pid: deadPid(), host: hostname() });
    await writeFile(claimFile(), theirs(deadPid(), 'claim0000000'));
    const lock = await lockStore(temp.store, me);
    expect(ownerNow().pid).toBe(process.pid);
    await lock.release();
    expect((await readdir(temp.dir)).sort()).toEqual(['films.json']);
  });

  it('a claim that is no longer the dead one judged is left alone: its live holder keeps it', async () => {
    await writeFile(lockFile(), theirs(111_111, 'dead00000000'));
    await writeFile(claimFile(), theirs(444_444, 'deadclaim000'));
    const live = theirs(333_333, 'liveclaim000');
    const waiter: LockHolder = {
      pid: process.pid,
      lockWaitMs: 300,
      isProcessAlive: (pid) => {
        // Once this waiter has judged the dead claim, another removes it and claims the takeover itself.
        if (pid === 444_444) {
          rmSync(claimFile());
          writeFileSync(claimFile(), live);
        }
        return pid === 333_333;
      },
    };
    await expect(lockStore(temp.store, waiter)).rejects.toMatchObject({
      message: `the store ${temp.store} is locked by films process 333333`,
    });
    expect(readFileSync(claimFile(), 'utf8')).toBe(live);
    expect((await readdir(temp.dir)).sort()).toEqual(['films.json', 'films.json.lock', 'films.json.lock.taking']);
  });

  it.each([
    ['the claim', claimFile],
    ['the lock', lockFile],
  ])('%s a link to nothing: waited for until the wait ends, not spun on for ever; once old, taken over', async (_name, where) => {
    if (where === claimFile) await leaveLock({ pid: deadPid(), host: hostname() });
    symlinkSync(join(temp.dir, 'nowhere'), where());
    const started = Date.now();
    await expect(lockStore(temp.store, { ...me, lockWaitMs: 300 })).rejects.toMatchObject({
      message: `the store ${temp.store} is locked by another films process`,
    });
    expect(Date.now() - started).toBeLessThan(3_000);
    const then = new Date(Date.now() - UNCHECKED_STALE_MS - 5_000);
    lutimesSync(where(), then, then);
    const lock = await lockStore(temp.store, me);
    await lock.release();
    expect((await readdir(temp.dir)).sort()).toEqual(['films.json']);
  });

  it('a live claim is waited for, then its holder named, and the stale lock left to it', async () => {
    await leaveLock({ pid: deadPid(), host: hostname() });
    const claim = theirs(process.ppid, 'claim0000000');
    await writeFile(claimFile(), claim);
    const before = await readFile(lockFile(), 'utf8');
    await expect(lockStore(temp.store, { ...me, lockWaitMs: 300 })).rejects.toMatchObject({
      message: `the store ${temp.store} is locked by films process ${process.ppid}`,
    });
    expect(await readFile(lockFile(), 'utf8')).toBe(before);
    expect(await readFile(claimFile(), 'utf8')).toBe(claim);
  });
});
