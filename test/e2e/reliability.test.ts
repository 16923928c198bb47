import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, mkdir, readdir, stat, truncate, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkStoreText } from '../../src/store/validate.js';
import { BIN, BUNDLED, ROOT, readText, runFilms, useTempStore } from '../helpers/cli.js';

const temp = useTempStore('bundled');

const films = (args: string[], env: Record<string, string> = {}) =>
  runFilms(args, { env: { FILMS_DB: temp.store, ...env }, cwd: temp.dir, timeoutMs: 20_000 });
const reviewCount = async (path = temp.store): Promise<number> => {
  const check = checkStoreText(await readText(path));
  if (!check.ok) throw new Error(`invalid store: ${check.problems.join('; ')}`);
  return check.data.films.reduce((sum, film) => sum + film.reviews.length, 0);
};

function node(script: string, args: string[]): { done: Promise<number>; child: ReturnType<typeof spawn>; firstLine: Promise<string> } {
  const child = spawn(process.execPath, [join(ROOT, 'test', 'helpers', script), ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  const firstLine = new Promise<string>((resolve) => child.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString())));
  const done = new Promise<number>((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : -1))));
  return { done, child, firstLine };
}

/** The bundled store with 20,000 long reviews more (~25 MB): a write holds the lock for most of a second. */
async function writeBigStore(): Promise<void> {
  const doc = JSON.parse(await readText(BUNDLED));
  const text = 'Долгий отзыв 🎬 '.repeat(40);
  doc.films[0].reviews = Array.from({ length: 20_000 }, (_, i) => ({
    id: `r${String(i).padStart(7, '0')}`,
    author: `Author ${i % 97}`,
    createdAt: new Date(Date.UTC(2020, 0, 1) - i * 60_000).toISOString(),
    rating: (i % 10) + 1,
    text,
    spoiler: false,
  }));
  await writeFile(temp.store, JSON.stringify(doc));
}

const lockOwner = (): number | null => {
  try {
    return JSON.parse(readFileSync(`${temp.store}.lock`, 'utf8')).pid;
  } catch {
    return null;
  }
};
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

interface Holder {
  pid: number;
  child: ReturnType<typeof spawn>;
  exited: Promise<{ code: number | null; stdout: string; stderr: string }>;
}

/** `films review add` on the big store, stopped (SIGSTOP) as soon as it holds the store's lock. */
async function stoppedHolder(text: string): Promise<Holder> {
  const child = spawn(process.execPath, [BIN, 'review', 'add', 'dear', '--author', 'H', '--text', text], {
    env: { ...process.env, FILMS_DB: temp.store },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code) => resolve({ code, stdout, stderr })),
  );
  const pid = child.pid as number;
  const deadline = Date.now() + 20_000;
  while (lockOwner() !== pid) {
    if (Date.now() > deadline) throw new Error('the writer never took the lock');
    await sleep(1);
  }
  child.kill('SIGSTOP');
  // Stopped, it cannot have let go since: the lock is still its own.
  await sleep(100);
  expect(lockOwner()).toBe(pid);
  return { pid, child, exited };
}

const texts = async (): Promise<string[]> => JSON.parse(await readText(temp.store)).films[0].reviews.map((r: { text: string }) => r.text);
const leftovers = async (): Promise<string[]> =>
  (await readdir(temp.dir)).filter((name) => name.endsWith('.tmp') || name.includes('.lock'));

describe('concurrent writers', () => {
  it('16 processes adding 10 reviews each at once lose nothing', async () => {
    const writers = Array.from({ length: 16 }, (_, w) => node('writer.mjs', [temp.store, `writer-${w}`, '10']));
    expect(await Promise.all(writers.map((writer) => writer.done))).toEqual(Array(16).fill(0));
    expect(await reviewCount()).toBe(10 + 160);
    const all = await texts();
    for (let w = 0; w < 16; w++) for (let i = 0; i < 10; i++) expect(all).toContain(`writer-${w} review ${i}`);
    expect(await leftovers()).toEqual([]);
  }, 120_000);

  it('a stopped writer keeps its lock: another waits ~6 s, names it and changes nothing; resumed, the first finishes', async () => {
    await writeBigStore();
    const holder = await stoppedHolder('written by the stopped writer');
    try {
      const before = await readText(temp.store);
      const started = Date.now();
      const waiter = await films(['review', 'add', 'dear', '--author', 'W', '--text', 'written while it was stopped']);
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
      const after = await texts();
      expect(after).toContain('written by the stopped writer');
      expect(after).not.toContain('written while it was stopped');
      expect(await reviewCount()).toBe(20_001);
      expect(await leftovers()).toEqual([]);
    } finally {
      holder.child.kill('SIGKILL');
    }
  }, 60_000);

  it("a killed writer's lock is taken over by the next writer", async () => {
    await writeBigStore();
    const holder = await stoppedHolder('never written');
    holder.child.kill('SIGKILL');
    await holder.exited;
    expect(lockOwner()).toBe(holder.pid);
    const result = await films(['review', 'add', 'dear', '--author', 'A', '--text', 'after the crash']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const after = await texts();
    expect(after).toContain('after the crash');
    expect(after).not.toContain('never written');
    expect(await leftovers()).toEqual([]);
  }, 60_000);

  it('a writer whose lock was taken over meanwhile does not replace the store: one line, exit 1, no temp file', async () => {
    await writeBigStore();
    const holder = await stoppedHolder('must not land');
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
  }, 60_000);

  it('the old lock folder of an earlier films, long untouched, does not block', async () => {
    await mkdir(`${temp.store}.lock`);
    const old = new Date(Date.now() - 120_000);
    await utimes(`${temp.store}.lock`, old, old);
    expect((await films(['rate', 'dear', '7', '--author', 'A'])).code).toBe(0);
    expect(existsSync(`${temp.store}.lock`)).toBe(false);
  });
});

describe('a damaged store is never overwritten', () => {
  const damaged: [string, string, RegExp][] = [
    ['empty', '', /\(the file is empty\)/],
    ['invalid JSON', '{"version": 1, "films": [}', /\(invalid JSON at line 1:26: value expected\)/],
    ['null', 'null', /\(expected an object with "version" and "films", found null\)/],
    ['wrong shape', '{"version":1,"films":[{"slug":"x"}]}', /\(films\[0\]\.title: /],
    ['future version', '{"version":3,"films":[]}', /\(version 3 is newer than this films understands \(2\); upgrade films/],
    ['prototype key', '{"version":1,"films":[],"__proto__":{"polluted":true}}', /\(__proto__: a key named "__proto__" is not allowed\)/],
  ];

  it.each(damaged)(
    '%s: every command exits 1 and the bytes stay',
    async (_name, content, reason) => {
      await writeFile(temp.store, content);
      for (const args of [
        ['show', 'dear'],
        ['list'],
        ['export'],
        ['review', 'add', 'dear', '--author', 'A', '--text', 'x'],
        ['rate', 'dear', '5'],
        ['review', 'list'],
        ['import', join(ROOT, 'test/fixtures/dear-comrades.page.txt')],
      ]) {
        const result = await films(args);
        expect(result.code, args.join(' ')).toBe(1);
        expect(result.stderr).toMatch(
          new RegExp(`^films: ${temp.store.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} is not a valid films store ${reason.source}`),
        );
        expect(result.stderr).toMatch(
          /— the file was not changed; 'films db check' lists every problem, 'films db restore' brings back the previous version\n$/,
        );
        expect(await readText(temp.store)).toBe(content);
      }
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    },
    60_000,
  );

  it('films db check lists every problem with its path', async () => {
    const doc = JSON.parse(await readText(BUNDLED));
    doc.films[0].reviews[1].rating = 11;
    doc.films[0].reviews[3].createdAt = 'yesterday';
    delete doc.films[0].title;
    await writeFile(temp.store, JSON.stringify(doc));
    const result = await films(['db', 'check']);
    expect(result.code).toBe(1);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^films\[0\]\.title: /),
        expect.stringMatching(/^films\[0\]\.reviews\[1\]\.rating: Too big: expected number to be <=10/),
        expect.stringMatching(/^films\[0\]\.reviews\[3\]\.createdAt: expected an ISO 8601 UTC time/),
      ]),
    );
    expect(result.stderr).toMatch(
      /has 3 problems \(listed above\) — fix them by hand, or bring back the previous version with 'films db restore'\n$/,
    );
  });

  it('films db check passes a good store', async () => {
    const check = await films(['db', 'check']);
    expect(check).toMatchObject({ code: 0, stderr: '' });
    // Wrapped to the width, as every line for people.
    expect(check.stdout.replace(/\s+/g, ' ')).toBe(`${temp.store} is a valid films store: 1 film, 10 reviews `);
  });
});

describe('backups', () => {
  it('keeps the previous file as <store>.bak and restores it with confirmation', async () => {
    const original = await readText(temp.store);
    await films(['rate', 'dear', '8', '--author', 'A']);
    expect(await readText(`${temp.store}.bak`)).toBe(original);
    const changed = await readText(temp.store);
    expect(await films(['db', 'restore'])).toMatchObject({
      code: 2,
      stderr: 'films: not restoring the backup without confirmation — pass --yes\n',
    });
    expect(await readText(temp.store)).toBe(changed);
    const restored = await films(['db', 'restore', '--yes']);
    expect(restored.stdout.replace(/\s+/g, ' ')).toMatch(
      /^Restored .*films\.json\.bak \(1 film, 10 reviews\); the replaced file is now the backup $/,
    );
    expect(await readText(temp.store)).toBe(original);
    expect(await readText(`${temp.store}.bak`)).toBe(changed);
  });

  it('refuses a damaged backup and changes nothing', async () => {
    await films(['rate', 'dear', '8', '--author', 'A']);
    await writeFile(`${temp.store}.bak`, '{"version":1,"films":[{}]}');
    const before = await readText(temp.store);
    const result = await films(['db', 'restore', '--yes']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^films: the backup cannot be restored: .*films\.json\.bak is not a valid films store \(films\[0\]\.slug: .* — nothing was changed\n$/,
    );
    expect(await readText(temp.store)).toBe(before);
  });

  it('restores over a damaged store, and says when there is no backup', async () => {
    expect(await films(['db', 'restore', '--yes'])).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/^films: there is no backup .*\.bak yet/),
    });
    await films(['rate', 'dear', '8', '--author', 'A']);
    await writeFile(temp.store, '{"broken');
    expect((await films(['db', 'restore', '--yes'])).code).toBe(0);
    expect(await readText(temp.store)).toBe(await readText(BUNDLED));
  });
});

describe('crash safety', () => {
  it('SIGKILL during large writes leaves the old or the new store, never a mix', async () => {
    await writeBigStore();
    const started = Date.now();
    expect((await films(['review', 'add', 'dear', '--author', 'K', '--text', 'timed'])).code).toBe(0);
    const whole = Date.now() - started;
    let count = await reviewCount();
    const outcomes: number[] = [];
    // Kills spread over the whole run, most of them late, where the write happens.
    for (const fraction of [0.2, 0.5, 0.7, 0.8, 0.85, 0.9, 0.95, 1.0, 1.05, 1.1, 1.2, 1.5, 3]) {
      const child = spawn(
        process.execPath,
        [join(ROOT, 'bin', 'films.js'), 'review', 'add', 'dear', '--author', 'K', '--text', `kill at ${fraction}`],
        { env: { ...process.env, FILMS_DB: temp.store }, stdio: 'ignore' },
      );
      const exited = new Promise((resolve) => child.on('exit', resolve));
      await new Promise((resolve) => setTimeout(resolve, Math.round(whole * fraction)));
      child.kill('SIGKILL');
      await exited;
      // A killed writer may leave its lock: the next writer takes it over, its holder being dead.
      const after = await reviewCount();
      expect([count, count + 1]).toContain(after);
      outcomes.push(after - count);
      count = after;
    }
    expect(outcomes).toContain(0);
    expect(outcomes).toContain(1);
    expect(await films(['rate', 'dear', '5', '--author', 'after'])).toMatchObject({ code: 0 });
    const leftovers = (await readdir(temp.dir)).filter((name) => name.endsWith('.tmp'));
    expect(leftovers).toEqual([]);
  }, 120_000);
});

describe('limits and permissions', () => {
  it('a read-only store: exit 1 and the file intact', async () => {
    const before = await readText(temp.store);
    await chmod(temp.store, 0o444);
    const result = await films(['review', 'add', 'dear', '--author', 'A', '--text', 'x']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `films: the store ${temp.store} is read-only — make it writable (chmod u+w) to change it; nothing was written\n`,
    );
    expect(await readText(temp.store)).toBe(before);
    expect((await films(['show', 'dear'])).code).toBe(0);
  });

  it('a store past the ~512 MB Node can read as one string is refused by name, untouched', async () => {
    // A sparse file one byte past 2^29 - 24: instant to make, and read like any other file.
    await truncate(temp.store, 2 ** 29 - 23);
    const before = await stat(temp.store);
    const message = `films: the store ${temp.store} is larger than the ~512 MB films can read as one JSON text — the file was not changed; split its films into two stores with a JSON tool such as jq (see 'The ceiling' in the README)\n`;
    for (const args of [
      ['show', 'dear'],
      ['db', 'check'],
      ['review', 'add', 'dear', '--author', 'A', '--text', 'x'],
    ]) {
      expect(await films(args)).toMatchObject({ code: 1, stderr: message });
    }
    const after = await stat(temp.store);
    expect([after.size, after.mtimeMs]).toEqual([before.size, before.mtimeMs]);
    expect((await readdir(temp.dir)).sort()).toEqual(['films.json']);
  });

  it('a page whose title is over 500 characters is refused before anything is written', async () => {
    const before = await readText(temp.store);
    const page = join(temp.dir, 'long.txt');
    await writeFile(page, `${'T'.repeat(501)}\nFrance\n3 people rated Plot.\nDrama\nCast (0)\nUser Reviews\n`);
    const result = await films(['import', page]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^films: .*long\.txt:1: the title is 501 characters, over the limit of 500/);
    expect(await readText(temp.store)).toBe(before);
  });
});
