import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statfsSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

export interface Tmpfs {
  dir: string;
  /** Why none could be mounted here (not root, a container's restrictions), or null. */
  cannotMount: string | null;
  /** Fills it with one file named `fill`, leaving `free` bytes. */
  fillTo: (free: number) => Promise<void>;
}

/** A real tmpfs of `size` (e.g. "2m") for the test file, where this machine lets the tests mount one; unmounted after it. */
export function smallTmpfs(size: string): Tmpfs {
  const dir = mkdtempSync(join(tmpdir(), 'films-tmpfs-'));
  const cannotMount = ((): string | null => {
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'pipe' });
      return null;
    } catch (error) {
      return String((error as { stderr?: Buffer }).stderr ?? error).trim() || 'mount failed';
    }
  })();
  if (cannotMount) console.log(`skipping the full-disk tests on a real tmpfs: cannot mount one here (${cannotMount})`);
  afterAll(() => {
    if (!cannotMount) execFileSync('umount', [dir]);
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
