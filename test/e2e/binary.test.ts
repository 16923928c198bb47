import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync, statSync } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BIN,
  BUNDLED,
  EMPTY_STORE,
  readText,
  runFilms,
  SEED_PAGE,
  spawnFilms,
  useTempStore,
  type CliOptions,
  STDOUT_FULL,
} from '../helpers/cli.js';
import { smallTmpfs } from '../helpers/tmpfs.js';

/**
 * The built binary as a process of its own: most end-to-end tests run films in-process (runFilms),
 * so these show that the real process prints, exits and writes as they do.
 */
const temp = useTempStore('bundled');
const SEED_TEXT = readFileSync(SEED_PAGE, 'utf8');

interface Case {
  args: string[];
  env?: Record<string, string | undefined>;
  input?: string;
  /** The store each run starts from (default: the bundled catalogue). */
  store?: string;
}

/** The same run, in its own folder and store, in-process and as the binary: what each printed, and left in the store and the folder. */
async function bothWays(run: Case): Promise<{ inProcess: object; binary: object }> {
  const outcome = async (how: typeof runFilms, name: string): Promise<object> => {
    const dir = join(temp.dir, name);
    await mkdir(dir);
    const store = join(dir, 'films.json');
    if (run.store === undefined) await copyFile(BUNDLED, store);
    else await writeFile(store, run.store);
    const options: CliOptions = { env: { FILMS_DB: store, ...run.env }, cwd: dir, input: run.input };
    const result = await how(run.args, options);
    // Each run has its own folder, and ids made at random: the rest must be the same.
    const same = (text: string): string => text.replaceAll(dir, '<dir>').replace(/\b[0-9a-f]{8}\b/g, '<id>');
    const files = (await readdir(dir)).sort();
    return { code: result.code, stdout: same(result.stdout), stderr: same(result.stderr), store: same(await readText(store)), files };
  };
  return { inProcess: await outcome(runFilms, 'in-process'), binary: await outcome(spawnFilms, 'binary') };
}

describe('in-process runs print, exit and write as the binary does', () => {
  it.each<[string, Case]>([
    ['a film as tables', { args: ['show', 'dear'] }],
    ['colour forced', { args: ['show', 'dear', '--limit', '2'], env: { FORCE_COLOR: '1' } }],
    ['a narrow COLUMNS', { args: ['list'], env: { COLUMNS: '40' } }],
    ['charts in a non-UTF-8 locale', { args: ['stats'], env: { LANG: 'C', LC_ALL: 'C' } }],
    ['the help', { args: [] }],
    ["a command's help", { args: ['review', 'list', '--help'] }],
    ['an unknown command: exit 2', { args: ['shw', 'x'] }],
    ['an unknown film: exit 1', { args: ['show', 'nope'] }],
    ['a page from stdin into an empty store', { args: ['import', '-', '--format', 'page'], input: SEED_TEXT, store: EMPTY_STORE }],
    ['a rating by the login name', { args: ['rate', 'dear', '7', '--date', '2025-01-01'] }],
    ['an export to a relative path', { args: ['export', '--out', 'out.json', '--film', 'dear'] }],
  ])('%s', async (_name, run) => {
    const { inProcess, binary } = await bothWays(run);
    expect(inProcess).toEqual(binary);
  });
});

describe('the real process', () => {
  it('exits 0 when the reader of its output goes away (films export | head)', async () => {
    // An export far larger than a pipe holds: the reader leaves while films still writes.
    const doc = JSON.parse(await readText(BUNDLED));
    const text = 'A long review. '.repeat(60);
    doc.films[0].reviews = Array.from({ length: 2_000 }, (_, i) => ({
      id: `p${String(i).padStart(7, '0')}`,
      author: 'Reader',
      createdAt: new Date(Date.UTC(2020, 0, 1) - i * 60_000).toISOString(),
      rating: null,
      text,
      spoiler: false,
    }));
    await writeFile(temp.store, JSON.stringify(doc));
    const child = spawn(process.execPath, [BIN, 'export'], {
      env: { ...process.env, FILMS_DB: temp.store },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  });

  it('ends with the exit code of a command that failed after its reader went away (films db check | head -0)', async () => {
    await writeFile(temp.store, '{"version": 2, "films": [{"slug": "x"}]}');
    const before = await readText(temp.store);
    const child = spawn(process.execPath, [BIN, 'db', 'check'], {
      env: { ...process.env, FILMS_DB: temp.store },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // Closed before films writes: its first line to stdout meets EPIPE.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect({ code, stderr }).toEqual({
      code: 1,
      stderr: `films: ${temp.store} has 11 problems (listed above) — fix them by hand, or bring back the previous version with 'films db restore'\n`,
    });
    expect(await readText(temp.store)).toBe(before);
  });

  describe('stdout that cannot be written: one line, exit 1', () => {
    /** films with stdout on a file or device, opened here as a shell's `>` would. */
    const into = (target: string, args: string[], flags = 'w'): Promise<{ code: unknown; stderr: string }> => {
      const out = openSync(target, flags);
      const child = spawn(process.execPath, [BIN, ...args], {
        env: { ...process.env, FILMS_DB: temp.store },
        stdio: ['ignore', out, 'pipe'],
      });
      closeSync(out);
      let stderr = '';
      child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      return new Promise((resolve) => child.on('close', (code) => resolve({ code, stderr })));
    };
    const FULL = { code: 1, stderr: STDOUT_FULL };

    // In-process through fileOutput: help, a command that prints nothing, a change kept (cli.test.ts).
    it("/dev/full: the output and the version (bin's own path) fail", async () => {
      const before = await readText(temp.store);
      for (const args of [['export'], ['--version']]) expect(await into('/dev/full', args), args.join(' ')).toEqual(FULL);
      expect(await readText(temp.store)).toBe(before);
    });

    const disk = smallTmpfs('1m');
    it.skipIf(disk.cannotMount !== null)(
      'a real disk with room for part of it: the write cut short is seen (films export > file)',
      async () => {
        await disk.fillTo(4096);
        const backup = join(disk.dir, 'backup.json');
        expect(await into(backup, ['export'])).toEqual(FULL);
        // Part of the export was written: exactly what Node's own stdout took for a success.
        expect(statSync(backup).size).toBe(4096);
        // Room for 3 bytes of the version's 6, appended to a file (bin's own path).
        await rm(backup);
        await disk.fillTo(4096);
        const log = join(disk.dir, 'log.txt');
        await writeFile(log, 'x'.repeat(4093));
        expect(await into(log, ['--version'], 'a')).toEqual(FULL);
        expect(await readFile(log, 'utf8')).toBe(`${'x'.repeat(4093)}0.1`);
      },
    );
  });

  it("the version through bin's own path: a reader that has gone is no error", async () => {
    const child = spawn(process.execPath, [BIN, '--version'], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    expect(await new Promise((resolve) => child.on('close', (code) => resolve({ code, stderr })))).toEqual({ code: 0, stderr: '' });
  });

  it('writes the store', async () => {
    const added = await spawnFilms(['review', 'add', 'dear', '--author', 'Ann', '--text', 'Through the binary.'], {
      env: { FILMS_DB: temp.store },
    });
    expect(added).toMatchObject({ code: 0, stderr: '', stdout: expect.stringMatching(/^Added review [0-9a-f]{8} of Dear Comrades!\n$/) });
    const store = JSON.parse(await readFile(temp.store, 'utf8'));
    expect(store.films[0].reviews[0]).toMatchObject({ author: 'Ann', text: 'Through the binary.' });
  });
});
