import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readText, ROOT, runFilms, spawnFilms, useTempStore } from '../helpers/cli.js';
import { bufferedDeps } from '../helpers/deps.js';
import { main } from '../../src/cli.js';

const temp = useTempStore('absent');

describe('the films command', () => {
  it('prints its version and help', async () => {
    // bin/films.js answers --version and -V alone; the CLI answers it within other words: both from package.json.
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(await spawnFilms(['--version'])).toMatchObject({ code: 0, stdout: `${version}\n` });
    expect(await spawnFilms(['-V'])).toMatchObject({ code: 0, stdout: `${version}\n` });
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
    expect(command.stderr).toBe(
      "films: unknown command 'shw' — try one of: show, list, add, edit, remove, search, stats, export, import, review, rate, db, help\n",
    );
    const extra = await runFilms(['show', 'dear', 'comrades'], { env: { FILMS_DB: temp.store } });
    expect(extra).toMatchObject({
      code: 2,
      stderr: "films: too many arguments for 'show'. Expected 1 argument but got 2. — run 'films --help' for usage\n",
    });
    const flag = await runFilms(['list', '--bogus'], { env: { FILMS_DB: temp.store } });
    expect(flag.code).toBe(2);
    expect(flag.stderr).toBe("films: unknown option '--bogus' — run 'films --help' for usage\n");
  });

  it('a command group alone prints its help; an unknown word in it is a usage error', async () => {
    const help = await runFilms(['db'], { env: { FILMS_DB: temp.store } });
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: films db \[options\] \[command\]/);
    expect(await runFilms(['review', 'nope'], { env: { FILMS_DB: temp.store } })).toMatchObject({
      code: 2,
      stderr: "films: unknown command 'nope' for 'films review' — try one of: add, list, edit, remove\n",
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

  it('shows a stack trace only with FILMS_DEBUG=1', async () => {
    const plain = await runFilms(['--db', temp.dir, 'list']);
    expect(plain.stderr.split('\n')).toHaveLength(2);
    const debug = await runFilms(['--db', temp.dir, 'list'], { env: { FILMS_DEBUG: '1' } });
    expect(debug.stderr).toMatch(/\n\s+at /);
  });

  it('creates the store folder on first use', async () => {
    const store = join(temp.dir, 'deep', 'er', 'films.json');
    expect((await runFilms(['--db', store, 'list'])).code).toBe(0);
    expect(JSON.parse(await readText(store)).films).toHaveLength(1);
  });
});
