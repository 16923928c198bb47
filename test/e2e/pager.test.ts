import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import stringWidth from 'string-width';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import type { Pager } from '../../src/pager.js';
import { BIN, BUNDLED, tempDir } from '../helpers/cli.js';
import { bufferedDeps } from '../helpers/deps.js';
import { scriptFolder } from '../helpers/scripts.js';
import { Terminal } from '../helpers/terminal.js';

let temp: Awaited<ReturnType<typeof tempDir>>;
let scripts: Awaited<ReturnType<typeof scriptFolder>>;
let terminal: Terminal;
let env: Record<string, string>;
/** What the fake pager was given: its input, and its environment. */
const paged = () => join(temp.dir, 'paged.txt');
const pagerEnv = () => join(temp.dir, 'pager-env.txt');

beforeEach(async () => {
  temp = await tempDir();
  scripts = await scriptFolder();
  await copyFile(BUNDLED, temp.store);
  const pager = await scripts.write('pager.sh', `#!/bin/sh\nenv > '${pagerEnv()}'\ncat > '${paged()}'\necho PAGER DONE\n`);
  terminal = new Terminal(join(temp.dir, 'exit-code'));
  env = { FILMS_DB: temp.store, FILMS_PAGER: pager, TERM: 'xterm-256color', XDG_CONFIG_HOME: join(temp.dir, 'config'), LANG: 'C.UTF-8' };
});
afterEach(async () => {
  terminal.stop();
  await temp.cleanup();
  await scripts.cleanup();
});

const films = (args: string) => `node ${BIN} ${args}`;

describe('the pager at a terminal', () => {
  it('takes output taller than the screen, rendered for the terminal: its width, colour, and LESS=FRX', async () => {
    terminal.start(films('show dear-comrades --all --full'), env, { columns: 70, rows: 20 });
    await terminal.waitFor('PAGER DONE');
    expect(await terminal.exitCode()).toBe(0);
    const text = await readFile(paged(), 'utf8');
    expect(text).toContain('Novocherkassk');
    expect(text).toMatch(/\u001b\[1m/);
    const widths = text.split('\n').map((line) => stringWidth(line.replace(/\u001b\[[0-9;]*m/g, '')));
    expect(Math.max(...widths)).toBeLessThanOrEqual(70);
    expect(Math.max(...widths)).toBeGreaterThan(60);
    const pagerVars = await readFile(pagerEnv(), 'utf8');
    expect(pagerVars).toMatch(/^LESS=FRX$/m);
    expect(pagerVars).toMatch(/^LV=-c$/m);
  });

  it('leaves LESS as the person set it, and takes $PAGER, then the pager setting, when FILMS_PAGER is not set', async () => {
    const { FILMS_PAGER: pager = '', ...rest } = env;
    terminal.start(films('show dear-comrades --all'), { ...rest, PAGER: pager, LESS: '-S' }, { rows: 20 });
    await terminal.waitFor('PAGER DONE');
    expect(await readFile(pagerEnv(), 'utf8')).toMatch(/^LESS=-S$/m);
    terminal.stop();
    await writeFile(paged(), '');
    terminal = new Terminal(join(temp.dir, 'exit-code-2'));
    terminal.start(
      `${films(`config set pager '${pager}'`)} && ${films('show dear-comrades --all')}`,
      { ...rest, PAGER: 'false' },
      { rows: 20 },
    );
    await terminal.waitFor('PAGER DONE');
    expect(await readFile(paged(), 'utf8')).toContain('Novocherkassk');
  });

  it('is not used for output that fits the screen, in a pipe, with --no-pager, or with the pager setting off', async () => {
    for (const [index, command, extra] of [
      [1, films('show dear-comrades --limit 1'), {}],
      [2, `${films('show dear-comrades --all')} | cat`, {}],
      [3, films('--no-pager show dear-comrades --all'), {}],
      // The setting comes before $PAGER.
      [4, `${films('config set pager false')} && env -u FILMS_PAGER PAGER=$FILMS_PAGER ${films('show dear-comrades --all')}`, {}],
      [5, films('show dear-comrades --all'), { FILMS_PAGER: 'cat' }],
      [6, films('show dear-comrades --all'), { FILMS_PAGER: '' }],
    ] as const) {
      terminal.stop();
      terminal = new Terminal(join(temp.dir, `exit-${index}`));
      terminal.start(command, { ...env, ...extra }, { rows: index === 1 ? 60 : 20 });
      expect(await terminal.exitCode(), command).toBe(0);
      expect(existsSync(paged()), command).toBe(false);
      expect(terminal.screen(), command).toMatch(/more reviews|Mark Angel|Anna/);
    }
  });

  it('with no pager named, less shows the first screen of a long list, and q ends films at once', async () => {
    const { FILMS_PAGER: _fake, ...rest } = env;
    terminal.start(`env -u PAGER -u LESS ${films('review list')}`, rest, { columns: 80, rows: 12 });
    const screen = await terminal.waitFor(/^│ ID +│ Film/m);
    const rows = terminal.rows();
    // The first screen: the table's head and rows, the last line less's prompt.
    expect(rows[0]).toMatch(/^┌/);
    expect(screen).not.toContain('more reviews');
    expect(rows.filter((line) => line.trim()).length).toBeGreaterThanOrEqual(11);
    terminal.keys('q');
    expect(await terminal.exitCode()).toBe(0);
  });
});

describe('the paged output of a long list', () => {
  /** `films <args>` at a 30-line terminal, through a pager the person quits after reading the first screens: what it was given. */
  async function readThenQuit(args: string[]): Promise<string> {
    let received = '';
    let writes = 0;
    const pager: Pager = {
      started: Promise.resolve(true),
      write: (text) => {
        received += text;
        writes += 1;
        return true;
      },
      drained: () => Promise.resolve(writes < 3),
      close: () => Promise.resolve(),
      interrupted: () => false,
      exitCode: () => 0,
    };
    const deps = bufferedDeps({ env: { FILMS_DB: temp.store, XDG_CONFIG_HOME: temp.dir }, tty: true, rows: 30, startPager: () => pager });
    expect(await main(args, deps)).toBe(0);
    expect(deps.stdout()).toBe('');
    return received;
  }

  it('is written a piece at a time, and no more is drawn once the pager has gone', async () => {
    const many = JSON.parse(await readFile(BUNDLED, 'utf8'));
    const base = many.films[0].reviews[0];
    many.films[0].reviews = Array.from({ length: 20_000 }, (_, i) => ({ ...base, id: `r${String(i).padStart(7, '0')}` }));
    await writeFile(temp.store, JSON.stringify(many));
    const received = await readThenQuit(['review', 'list']);
    expect(received).toContain('│ r0000000 │');
    expect(received).not.toContain('r0019999');
    // 20,000 rows are some 40,000 lines: a few pieces of 64 lines were drawn, not the rest.
    expect(received.split('\n').length).toBeLessThan(500);
  });

  it('search too: no more films are drawn once the pager has gone', async () => {
    const many = JSON.parse(await readFile(BUNDLED, 'utf8'));
    const { imdbId: _imdb, letterboxdUri: _uri, tmdbId: _tmdb, ...base } = many.films[0];
    many.films = Array.from({ length: 3_000 }, (_, i) => ({ ...base, slug: `needle-${i}`, title: `Needle ${i}`, reviews: [] }));
    await writeFile(temp.store, JSON.stringify(many));
    const received = await readThenQuit(['search', 'needle']);
    expect(received).toContain('needle-0');
    expect(received).not.toContain('needle-2999');
    expect(received.split('\n').length).toBeLessThan(500);
  });
});

describe('a pager that does not work', () => {
  /** A pager that reads nothing and exits with `status` at once, or cannot be started at all. */
  const broken = (status: number | 'not started'): Pager => ({
    started: Promise.resolve(status !== 'not started'),
    write: () => false,
    drained: () => Promise.resolve(false),
    close: () => Promise.resolve(),
    interrupted: () => false,
    exitCode: () => (status === 'not started' ? null : status),
  });
  const run = async (status: number | 'not started', env: Record<string, string>) => {
    const deps = bufferedDeps({
      env: { FILMS_DB: temp.store, XDG_CONFIG_HOME: temp.dir, ...env },
      tty: true,
      rows: 20,
      columns: 100,
      startPager: () => broken(status),
    });
    const code = await main(['show', 'dear-comrades', '--all', '--full'], deps);
    return { code, stdout: deps.stdout(), stderr: deps.stderr() };
  };

  it('exiting with a status other than 0 at once: a warning naming it, and the whole output printed directly', async () => {
    const direct = bufferedDeps({ env: { FILMS_DB: temp.store, XDG_CONFIG_HOME: temp.dir }, columns: 100 });
    await main(['show', 'dear-comrades', '--all', '--full'], direct);
    const result = await run(3, { FILMS_PAGER: "sh -c 'exit 3'" });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      "films: warning: the pager 'sh -c 'exit 3'' exited with status 3; the output is printed without it — set FILMS_PAGER or PAGER to one that runs\n",
    );
    expect(result.stdout.replace(/\u001b\[[0-9;]*m/g, '')).toBe(direct.stdout());
  });

  it('that cannot be started: a warning naming it, and the output printed directly', async () => {
    const result = await run('not started', { FILMS_PAGER: 'no-such-pager -x' });
    expect(result.stderr).toBe(
      "films: warning: the pager 'no-such-pager -x' could not be started; the output is not paged — set FILMS_PAGER or PAGER to one that runs\n",
    );
    expect(result.stdout).toContain('Novocherkassk');
  });

  it('quit by the person (status 0) ends the output quietly', async () => {
    const result = await run(0, { FILMS_PAGER: 'less' });
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
  });
});
