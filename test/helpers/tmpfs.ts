import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, statfsSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';

export interface Tmpfs {
  dir: string;
  /** Why none could be mounted here (not root, a container's restrictions), or null. */
  cannotMount: string | null;
  /** Fills it with one file named `fill`, leaving `free` bytes. */
  fillTo: (free: number) => Promise<void>;
}

/**
 * A real tmpfs of `size` (e.g. "2m") for the test file, where this machine lets the tests mount one.
 * It is mounted before the file's first test and unmounted after its last: vitest runs neither hook
 * when no test of the file runs (`-t` picks others), so a mount made as the file is read would stay.
 * Whether it can be mounted is asked at once, with a mount unmounted straight away, for skipIf.
 */
export function smallTmpfs(size: string): Tmpfs {
  const mount = (dir: string): void => void execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'pipe' });
  const cannotMount = ((): string | null => {
    const probe = mkdtempSync(join(tmpdir(), 'films-tmpfs-probe-'));
    try {
      mount(probe);
      execFileSync('umount', [probe]);
      return null;
    } catch (error) {
      return String((error as { stderr?: Buffer }).stderr ?? error).trim() || 'mount failed';
    } finally {
      rmSync(probe, { recursive: true, force: true });
    }
  })();
  if (cannotMount) console.log(`skipping the full-disk tests on a real tmpfs: cannot mount one here (${cannotMount})`);
  const dir = join(tmpdir(), `films-tmpfs-${randomBytes(6).toString('hex')}`);
  beforeAll(() => {
    if (cannotMount) return;
    mkdirSync(dir);
    mount(dir);
  });
  afterAll(() => {
    if (cannotMount) return;
    execFileSync('umount', [dir]);
    rmSync(dir, { recursive: true, force: true });
  });
  const fillTo = async (free: number): Promise<void> => {
    // An earlier fill counts as used: gone first, so that a second call leaves `free` bytes too.
    await rm(join(dir, 'fill'), { force: true });
    const { bavail, bsize } = statfsSync(dir);
    await writeFile(join(dir, 'fill'), Buffer.alloc(Math.max(0, bavail * bsize - free)));
  };
  return { dir, cannotMount, fillTo };
}
