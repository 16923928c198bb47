import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, readText, runFilms, spawnFilms, useTempStore } from '../helpers/cli.js';
import { leftovers, lockOwner, pausedWriter, reviewCount, reviewTexts } from '../helpers/processes.js';

/** Several films processes on one store: writers at once, one stopped (SIGSTOP) or killed while it holds the lock. */
const temp = useTempStore('bundled');

const films = (args: string[]) => runFilms(args, { env: { FILMS_DB: temp.store }, cwd: temp.dir });

/** A node script of test/helpers as a process of its own; `done` is its exit code. */
function node(script: string, args: string[]): { done: Promise<number> } {
  const child = spawn(process.execPath, [join(ROOT, 'test', 'helpers', script), ...args], { stdio: ['ignore', 'ignore', 'inherit'] });
  return { done: new Promise<number>((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : -1)))) };
}

describe("the store's lock, between processes", () => {
  it('16 processes adding 10 reviews each at once lose nothing', async () => {
    const writers = Array.from({ length: 16 }, (_, w) => node('writer.mjs', [temp.store, `writer-${w}`, '10']));
    expect(await Promise.all(writers.map((writer) => writer.done))).toEqual(Array(16).fill(0));
    expect(await reviewCount(temp.store)).toBe(10 + 160);
    const all = await reviewTexts(temp.store);
    for (let w = 0; w < 16; w++) for (let i = 0; i < 10; i++) expect(all).toContain(`writer-${w} review ${i}`);
    expect(await leftovers(temp.store)).toEqual([]);
  }, 120_000);

  it('a stopped writer keeps its lock: another waits ~6 s, names it and changes nothing; resumed, the first finishes', async () => {
    const holder = await pausedWriter(temp.store, 'locked', 'written by the stopped writer');
    try {
      expect(lockOwner(temp.store)).toBe(holder.pid);
      const before = await readText(temp.store);
      const started = Date.now();
      // The real wait, between two real processes.
      const waiter = await spawnFilms(['review', 'add', 'dear', '--author', 'W', '--text', 'written while it was stopped'], {
        env: { FILMS_DB: temp.store },
        cwd: temp.dir,
      });
      expect(waiter).toEqual({
        code: 1,
        stdout: '',
        stderr: `films: the store ${temp.store} is locked by films process ${holder.pid} — wait for it to finish and try again\n`,
      });
      expect(Date.now() - started).toBeGreaterThanOrEqual(5_000);
      expect(await readText(temp.store)).toBe(before);
      holder.child.kill('SIGCONT');
      expect(await holder.exited).toMatchObject({
        code: 0,
        stderr: '',
        stdout: expect.stringMatching(/^Added review \w+ of Dear Comrades!\n$/),
      });
      const after = await reviewTexts(temp.store);
      expect(after).toContain('written by the stopped writer');
      expect(after).not.toContain('written while it was stopped');
      expect(await reviewCount(temp.store)).toBe(11);
      expect(await leftovers(temp.store)).toEqual([]);
    } finally {
      holder.child.kill('SIGKILL');
    }
  }, 60_000);

  it("a killed writer's lock is taken over by the next writer", async () => {
    const holder = await pausedWriter(temp.store, 'locked', 'never written');
    holder.child.kill('SIGKILL');
    await holder.exited;
    expect(lockOwner(temp.store)).toBe(holder.pid);
    const result = await films(['review', 'add', 'dear', '--author', 'A', '--text', 'after the crash']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const after = await reviewTexts(temp.store);
    expect(after).toContain('after the crash');
    expect(after).not.toContain('never written');
    expect(await leftovers(temp.store)).toEqual([]);
  });

  it('a writer whose lock was taken over meanwhile does not replace the store: one line, exit 1, no temp file', async () => {
    const holder = await pausedWriter(temp.store, 'locked', 'must not land');
    try {
      const before = await readText(temp.store);
      // As a process on another machine would, judging the lock by its age alone.
      const theirs = JSON.stringify({ pid: 1, host: 'elsewhere.example', start: null, token: 'theirs000000' });
      await writeFile(`${temp.store}.lock`, theirs);
      holder.child.kill('SIGCONT');
      expect(await holder.exited).toEqual({
        code: 1,
        stdout: '',
        stderr: `films: the lock on the store ${temp.store} was taken over by another process while this one worked — nothing was changed; try again\n`,
      });
      expect(await readText(temp.store)).toBe(before);
      expect(await readText(`${temp.store}.lock`)).toBe(theirs);
      expect((await readdir(temp.dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    } finally {
      holder.child.kill('SIGKILL');
    }
  });

  it('the old lock folder of an earlier films, long untouched, does not block', async () => {
    await mkdir(`${temp.store}.lock`);
    const old = new Date(Date.now() - 120_000);
    await utimes(`${temp.store}.lock`, old, old);
    expect((await films(['rate', 'dear', '7', '--author', 'A'])).code).toBe(0);
    expect(existsSync(`${temp.store}.lock`)).toBe(false);
  });
});
