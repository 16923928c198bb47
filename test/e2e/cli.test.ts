import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readText, ROOT, runFilms, spawnFilms, useTempStore, STDOUT_FULL } from '../helpers/cli.js';
import { bufferedDeps } from '../helpers/deps.js';
import { main } from '../../src/cli.js';
import { fileOutput } from '../../src/stdout.js';

const temp = useTempStore('absent');

describe('the films command', () => {
  it('prints its version and help', async () => {
    // bin/films.js answers --version, -v and -V alone; the CLI answers them within other words: both from package.json.
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    for (const flag of ['--version', '-v', '-V']) {
      expect(await spawnFilms([flag])).toMatchObject({ code: 0, stdout: `${version}\n` });
      expect(await runFilms(['--no-color', flag])).toMatchObject({ code: 0, stdout: `${version}\n` });
    }
    const deps = bufferedDeps();
    expect(await main(['--version'], deps)).toBe(0);
    expect(deps.stdout()).toBe(`${version}\n`);
    const help = await runFilms([]);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Usage: films \[options\] \[command\]/);
    for (const command of ['show', 'list', 'export', 'import', 'db']) expect(help.stdout).toContain(command);
  });

  it('refuses an unknown command or flag with exit 2 and one line', async () => {
    const command = await runFilms(['shw', 'x'], { env: { FILMS_DB: temp.store } });
    expect(command.code).toBe(2);
    expect(command.stderr).toBe("films: unknown command 'shw' — did you mean 'films show'? ('films --help' lists the commands)\n");
    expect(await runFilms(['stat'], { env: { FILMS_DB: temp.store } })).toMatchObject({
      code: 2,
      stderr: "films: unknown command 'stat' — did you mean 'films stats'? ('films --help' lists the commands)\n",
    });
    const extra = await runFilms(['show', 'dear', 'comrades'], { env: { FILMS_DB: temp.store } });
    expect(extra).toMatchObject({
      code: 2,
      stderr: "films: too many arguments for 'show'. Expected 1 argument but got 2. — run 'films show --help' for usage\n",
    });
    const flag = await runFilms(['list', '--bogus'], { env: { FILMS_DB: temp.store } });
    expect(flag.code).toBe(2);
    expect(flag.stderr).toBe("films: unknown option '--bogus' — 'films list --help' lists the options\n");
    expect(await runFilms(['list', '--josn'], { env: { FILMS_DB: temp.store } })).toMatchObject({
      code: 2,
      stderr: "films: unknown option '--josn' — did you mean '--json'? ('films list --help' lists the options)\n",
    });
  });

  it('a command group alone prints its help; an unknown word in it is a usage error', async () => {
    const help = await runFilms(['db'], { env: { FILMS_DB: temp.store } });
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: films db \[options\] \[command\]/);
    expect(await runFilms(['review', 'nope'], { env: { FILMS_DB: temp.store } })).toMatchObject({
      code: 2,
      stderr: "films: unknown command 'nope' for 'films review' — try one of: add, list, show, edit, remove\n",
    });
  });

  it('prints the store path: --db, then FILMS_DB, then XDG_DATA_HOME, then ~/.local/share', async () => {
    const path = async (args: string[], env: Record<string, string | undefined>) =>
      (await runFilms([...args, 'db', 'path'], { env: { FILMS_DB: undefined, XDG_DATA_HOME: undefined, ...env }, cwd: temp.dir })).stdout;
    expect(await path(['--db', 'here.json'], { FILMS_DB: '/x/y.json' })).toBe(`${join(temp.dir, 'here.json')}\n`);
    expect(await path([], { FILMS_DB: '/x/y.json' })).toBe('/x/y.json\n');
    expect(await path([], { XDG_DATA_HOME: '/data' })).toBe('/data/films/films.json\n');
    expect(await path([], { HOME: '/home/ann' })).toBe('/home/ann/.local/share/films/films.json\n');
  });

  it('fails in one line when stdout lost what it was given; a reader that left is no failure', async () => {
    const withStdout = async (error: Error | null) => {
      const deps = bufferedDeps({ env: { FILMS_DB: temp.store } });
      deps.io.out.flushed = () => Promise.resolve(error);
      return { code: await main(['show', 'dear'], deps), stdout: deps.stdout(), stderr: deps.stderr() };
    };
    const failed = (code: string) => Object.assign(new Error(code), { code });
    expect(await withStdout(failed('EIO'))).toMatchObject({
      code: 1,
      stdout: expect.stringContaining('Dear Comrades!'),
      stderr:
        'films: could not write to stdout (an input/output error, EIO): the output is incomplete — check where stdout goes; only the output was lost, not any change the command made\n',
    });
    expect(await withStdout(null)).toMatchObject({ code: 0, stderr: '' });
  });

  it('on /dev/full: help fails as output does, a command that prints nothing does not, and a change is kept', async () => {
    const full = openSync('/dev/full', 'w');
    try {
      const onFullDisk = async (args: string[]) => {
        const deps = bufferedDeps({ env: { FILMS_DB: temp.store, FILMS_AUTHOR: 'Ann' } });
        deps.io.out = fileOutput(full);
        return { code: await main(args, deps), stderr: deps.stderr() };
      };
      const FULL = { code: 1, stderr: STDOUT_FULL };
      for (const args of [['show', 'dear'], ['--help'], ['show', '--help'], ['--db', temp.store, '--version']]) {
        expect(await onFullDisk(args), args.join(' ')).toEqual(FULL);
      }
      expect(await onFullDisk(['__complete', 'show', 'zzzz'])).toEqual({ code: 0, stderr: '' });
      expect(existsSync(temp.store)).toBe(false);
      // The store's first write says where it made it (on stderr), then the output's failure.
      const added = await onFullDisk(['review', 'add', 'dear', '--text', 'Saved all the same.']);
      expect(added).toEqual({
        code: 1,
        stderr: `films: created the store ${temp.store}, starting from the bundled catalogue\n${FULL.stderr}`,
      });
      expect(JSON.parse(readFileSync(temp.store, 'utf8')).films[0].reviews[0]).toMatchObject({
        author: 'Ann',
        text: 'Saved all the same.',
      });
    } finally {
      closeSync(full);
    }
  });

  it('shows a stack trace only with FILMS_DEBUG=1', async () => {
    const plain = await runFilms(['--db', temp.dir, 'list']);
    expect(plain.stderr.split('\n')).toHaveLength(2);
    const debug = await runFilms(['--db', temp.dir, 'list'], { env: { FILMS_DEBUG: '1' } });
    expect(debug.stderr).toMatch(/\n\s+at /);
  });

  it('reads the bundled catalogue while there is no store, and creates the store on the first write, saying where', async () => {
    const store = join(temp.dir, 'deep', 'er', 'films.json');
    for (const read of [['list'], ['show', 'dear'], ['review', 'list'], ['search', 'comrades'], ['stats'], ['export']]) {
      const result = await runFilms(['--db', store, ...read]);
      expect(result.code, read.join(' ')).toBe(0);
      expect(result.stderr, read.join(' ')).toBe('');
    }
    expect((await runFilms(['--db', store, 'list', '--json'])).stdout).toContain('"slug": "dear-comrades"');
    expect(await runFilms(['--db', store, 'db', 'check'])).toMatchObject({
      code: 1,
      stderr: `films: no store at ${store} yet — the first change creates it; until then films reads the bundled catalogue\n`,
    });
    expect(existsSync(join(temp.dir, 'deep'))).toBe(false);
    // A refused write creates nothing either.
    expect((await runFilms(['--db', store, 'rate', 'nope', '8'])).code).toBe(1);
    expect(existsSync(store)).toBe(false);
    const rated = await runFilms(['--db', store, 'rate', 'dear', '8', '--author', 'Ann']);
    expect(rated).toMatchObject({ code: 0, stderr: `films: created the store ${store}, starting from the bundled catalogue\n` });
    const created = JSON.parse(await readText(store)) as { films: { reviews: unknown[] }[] };
    expect(created.films).toHaveLength(1);
    expect(created.films[0]?.reviews).toHaveLength(11);
    expect((await stat(store)).mode & 0o777).toBe(0o600);
    expect((await stat(join(temp.dir, 'deep', 'er'))).mode & 0o777).toBe(0o700);
    // The next write says nothing more.
    expect((await runFilms(['--db', store, 'rate', 'dear', '9', '--author', 'Ann'])).stderr).toBe('');
  });

  it('wraps the note that it created the store to the width at a terminal (one line in a pipe, above)', async () => {
    const store = join(temp.dir, 'a-store-folder-with-a-long-name', 'films.json');
    const deps = bufferedDeps({ tty: true, columns: 40, env: { XDG_CONFIG_HOME: temp.dir, FILMS_AUTHOR: 'Ann' } });
    expect(await main(['--db', store, 'rate', 'dear', '8'], deps)).toBe(0);
    const lines = deps.stderr().trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(40);
    expect(lines[0]).toMatch(/^films: created the store/);
    expect(lines.at(-1)).toMatch(/catalogue$/);
  });
});
