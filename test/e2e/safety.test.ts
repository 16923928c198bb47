import { execFileSync } from 'node:child_process';
import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readText, runFilms, useTempStore, type CliOptions, type CliResult } from '../helpers/cli.js';

const temp = useTempStore('bundled');
const films = (args: string[], options: CliOptions = {}): Promise<CliResult> =>
  runFilms(args, { cwd: temp.dir, ...options, env: { FILMS_DB: temp.store, ...options.env } });

/** A refusal: one line on stderr, exit 1, the store byte for byte as it was. */
async function expectRefused(result: CliResult, before: string, says: string | RegExp): Promise<void> {
  if (typeof says === 'string') expect(result.stderr).toContain(says);
  else expect(result.stderr).toMatch(says);
  expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(result.stderr).toMatch(/^films: .+ — .+\n$/);
  expect(result.code).toBe(1);
  expect(await readText(temp.store)).toBe(before);
}

describe('an import of more rows than a store could hold', () => {
  it('is refused in one line before anything is built, the store unchanged', async () => {
    const before = await readText(temp.store);
    const file = join(temp.dir, 'watched.csv');
    await writeFile(file, `Date,Name,Year,Letterboxd URI\n${'2024-01-01,F,2000,\n'.repeat(900_001)}`);
    const result = await films(['import', file, '--author', 'me'], { timeoutMs: 60_000 });
    await expectRefused(result, before, 'watched.csv:900002: more than 900,000 rows, more than a films store can hold');
  }, 90_000);
});

describe('the config file', () => {
  const configFile = (): string => join(temp.dir, 'config', 'films', 'config.json');
  const asYou = (args: string[]): Promise<CliResult> => films(args, { env: { XDG_CONFIG_HOME: join(temp.dir, 'config') } });

  it.each([
    ['a device', 'a device', (path: string) => symlink('/dev/zero', path)],
    ['a named pipe', 'a named pipe', (path: string) => void execFileSync('mkfifo', [path])],
    ['a folder', 'a folder', (path: string) => mkdir(path)],
  ])('that is %s is refused in one line, not read (no hang, no unbounded memory)', async (_name, kind, make) => {
    await mkdir(join(temp.dir, 'config', 'films'), { recursive: true });
    await make(configFile());
    const before = await readText(temp.store);
    const result = await asYou(['rate', 'dear-comrades', '5']);
    await expectRefused(result, before, `the config file ${configFile()} is ${kind}, not a file`);
  });

  it('past 64 KB is refused by its size', async () => {
    await mkdir(join(temp.dir, 'config', 'films'), { recursive: true });
    await writeFile(configFile(), `{"author":"me"}${' '.repeat(70_000)}`);
    const before = await readText(temp.store);
    await expectRefused(await asYou(['rate', 'dear-comrades', '5']), before, 'is not valid (it is 70015 bytes, more than');
  });
});

describe('a --db that cannot be a store file', () => {
  it.each([
    ['show', 'dear-comrades'],
    ['review', 'list', 'dear-comrades'],
    ['rate', 'dear-comrades', '4'],
    ['db', 'check'],
  ])('/dev/stdin on a pipe or socket is refused in one line (%s), not taken for "no store yet"', async (...args) => {
    const before = await readText(temp.store);
    const result = await films(['--db', '/dev/stdin', ...args], { input: before });
    // Node hands a child its stdin as a socket pair; a shell's | is a named pipe.
    await expectRefused(result, before, /^films: the store \/dev\/stdin is a (socket|named pipe), not a file — /);
    expect(result.stdout).toBe('');
  });

  it.each([
    ['show', 'dear-comrades'],
    ['rate', 'dear-comrades', '4'],
    ['db', 'check'],
  ])('a path under a file (ENOTDIR) is refused in one line (%s), not read as the bundled catalogue', async (...args) => {
    const before = await readText(temp.store);
    const under = join(temp.store, 'x.json');
    const result = await films(['--db', under, ...args]);
    await expectRefused(result, before, `films: cannot use ${under} as the store (a file stands where a folder should be, ENOTDIR)`);
    expect(result.stderr).not.toContain('cannot lock');
    expect(result.stdout).toBe('');
  });
});

describe('invalid UTF-8 in a text file', () => {
  const BAD = Buffer.from([0x6f, 0x6b, 0x0a, 0xff, 0xfe, 0x21]);

  it.each([
    ['review add --text-file', ['review', 'add', 'dear-comrades', '--author', 'a', '--text-file']],
    ['review edit --text-file', ['review', 'edit', 'dear-comrades', '--author', 'a', '--text-file']],
    ['log --review-file', ['log', 'dear-comrades', '--rating', '4', '--review-file']],
  ])('through %s is refused with its line and byte, nothing saved', async (_name, args) => {
    const file = join(temp.dir, 'bad.txt');
    await writeFile(file, BAD);
    const before = await readText(temp.store);
    const result = await films([...args, file], { env: { FILMS_AUTHOR: 'a' } });
    await expectRefused(
      result,
      before,
      `films: ${file}:2: not valid UTF-8 (byte 3; Latin-1 or Windows-1252, perhaps); nothing was saved — save it as UTF-8`,
    );
  });

  it('a review file saved as UTF-16 with its byte order mark (Notepad\'s "Unicode") is read as imports read it', async () => {
    const file = join(temp.dir, 'utf16.txt');
    await writeFile(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Новочеркасск, 1962 🎬', 'utf16le')]));
    const result = await films(['review', 'add', 'dear-comrades', '--author', 'a', '--text-file', file], { env: { FILMS_AUTHOR: 'a' } });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const store = JSON.parse(await readText(temp.store)) as { films: { reviews: { author: string; text: string }[] }[] };
    expect(store.films[0]?.reviews.filter((review) => review.author === 'a').map((review) => review.text)).toEqual([
      'Новочеркасск, 1962 🎬',
    ]);
  });

  it('in the config file is refused as damage, not turned into U+FFFD by the next write', async () => {
    const configFile = join(temp.dir, 'config', 'films', 'config.json');
    await mkdir(join(temp.dir, 'config', 'films'), { recursive: true });
    const latin1 = Buffer.from('{"author":"Ad\xe9rito"}\n', 'latin1');
    await writeFile(configFile, latin1);
    const before = await readText(temp.store);
    const env = { XDG_CONFIG_HOME: join(temp.dir, 'config') };
    await expectRefused(
      await films(['rate', 'dear-comrades', '5'], { env }),
      before,
      `the config file ${configFile} is not valid (invalid UTF-8 at byte 13, line 1)`,
    );
    const set = await films(['config', 'set', 'author', 'B'], { env });
    expect(set.code).toBe(1);
    expect(await readFile(configFile)).toEqual(latin1);
  });
});

describe('an export whose version is not one films reads', () => {
  it.each([
    ['"2"', 'not a films export: it has a version that is not a number ("2") — make one with \'films export\', or fix its "version"'],
    ['3', 'export version 3 is newer than this films reads (1 or 2) — upgrade films'],
    ['2.5', 'not a films export: it has version 2.5, not one films writes (1 or 2)'],
    ['null', 'not a films export: it has a version that is not a number (null)'],
  ])('version %s: an accurate line, exit 1, nothing imported', async (version, says) => {
    const file = join(temp.dir, 'v.json');
    await writeFile(file, `{"version":${version},"films":[]}`);
    const before = await readText(temp.store);
    await expectRefused(await films(['import', file]), before, `films: ${file}: ${says}`);
  });
});

describe('a store holding fields over the limits', () => {
  async function overLimits(): Promise<string> {
    const store = JSON.parse(await readText(temp.store)) as {
      films: { slug: string; title: string; reviews: { author: string; text: string }[] }[];
    };
    const film = store.films.find((candidate) => candidate.slug === 'dear-comrades');
    if (!film?.reviews[0]) throw new Error('the bundled store changed');
    film.title = 'T'.repeat(1_000_000);
    film.reviews[0].author = 'A'.repeat(100_000);
    const text = `${JSON.stringify(store, null, 2)}\n`;
    await writeFile(temp.store, text);
    return text;
  }

  it('is still read (nobody is locked out of their data), and db check lists each such field with a way out', async () => {
    const before = await overLimits();
    expect((await films(['show', 'dear-comrades', '--json'])).code).toBe(0);
    const check = await films(['db', 'check']);
    expect(check.stdout).toBe(
      [
        'films[0] (dear-comrades): the title is 1,000,000 characters, over the limit of 500',
        'films[0] (dear-comrades).reviews[0]: the author is 100,000 characters, over the limit of 200',
        '',
      ].join('\n'),
    );
    await expectRefused(
      check,
      before,
      'is readable, but 2 of its fields break the limits every way in obeys (listed above) — films still reads and writes it; shorten them',
    );
  });

  it("the way out works: 'films edit' shortens the title, and db check then finds only what is left", async () => {
    await overLimits();
    expect((await films(['edit', 'dear-comrades', '--title', 'Dear Comrades!'])).code).toBe(0);
    const check = await films(['db', 'check']);
    expect(check.stdout).toBe('films[0] (dear-comrades).reviews[0]: the author is 100,000 characters, over the limit of 200\n');
    expect(check.stderr).toContain('is readable, but one of its fields breaks the limits every way in obeys');
    expect(check.code).toBe(1);
  });
});

describe('export --out', () => {
  it('over the store itself (through a link too) is refused: the store is written only under its lock', async () => {
    const before = await readText(temp.store);
    const link = join(temp.dir, 'link.json');
    await symlink(temp.store, link);
    for (const out of [temp.store, link]) {
      await expectRefused(await films(['export', '--out', out]), before, `films: not exporting over the store ${out} itself`);
    }
  });
});
