import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { NOT_IN_A_NAME } from '../../src/domain/rules.js';
import { holdsUnsafe, safeText } from '../../src/render/safe-text.js';
import { BUNDLED, readText, runFilms, useTempStore } from '../helpers/cli.js';
import { bufferedDeps } from '../helpers/deps.js';

const temp = useTempStore('bundled');

const films = (args: string[], env: Record<string, string> = {}) =>
  runFilms(args, { env: { FILMS_DB: temp.store, ...env }, cwd: temp.dir });

const PAYLOADS: Record<string, string> = {
  'colour CSI': '\u001b[31mRED\u001b[0m',
  'screen clear': '\u001b[2J\u001b[H',
  'title OSC': '\u001b]0;pwned\u0007',
  'clipboard OSC 52': '\u001b]52;c;cm0gLXJmIH4=\u0007',
  'hyperlink OSC 8': '\u001b]8;;https://evil.example\u001b\\click\u001b]8;;\u001b\\',
  'C1 CSI': '\u009b31mC1',
  'BEL and DEL': 'ding\u0007\u007f',
  'bidi override': 'abc\u202edcba\u202c',
  isolate: '\u2067txt\u2069',
  'C0 controls': 'a\u0001b\u0008c\u001fd',
};

const UNSAFE_BYTES = /[\u001b\u009b\u0007]/;

/** Hostile text as a name can hold it: authors and tags refuse control characters and line breaks (rules.ts), not the rest. */
const asName = (text: string): string => text.replace(new RegExp(NOT_IN_A_NAME.source, 'gu'), '');

describe('hostile text stays text', () => {
  it('every payload in a title, an author and a review never reaches the terminal raw; --json keeps it exact', async () => {
    const entries = Object.entries(PAYLOADS);
    const page = join(temp.dir, 'hostile.txt');
    const all = entries.map(([, payload]) => payload).join(' ');
    const reviews = entries.flatMap(([name, payload]) => [`Author ${asName(payload)}`, '01/01/2024 10:00', `Text of ${name}: ${payload}`]);
    await writeFile(
      page,
      [
        `Evil ${all} Film`,
        `France ${all}`,
        `5 people rated Plot ${all}.`,
        `Drama ${all}`,
        'Cast (1)',
        `Actor ${all}`,
        'User Reviews',
        ...reviews,
      ].join('\n'),
    );
    expect((await films(['import', page])).code).toBe(0);
    for (const [name, payload] of entries) {
      expect(
        (
          await films([
            'review',
            'add',
            'evil',
            '--author',
            `Critic ${asName(payload)}`,
            '--text',
            `Body of ${name} ${payload}\nline two`,
            '--rating',
            '5',
          ])
        ).code,
      ).toBe(0);
    }
    for (const args of [
      ['show', 'evil', '--full', '--all'],
      ['list'],
      ['review', 'list'],
      ['show', 'nope'],
      ['review', 'list', `evil${all}`],
      ['db', 'path'],
    ]) {
      for (const env of [{}, { FORCE_COLOR: '1' }] as Record<string, string>[]) {
        const result = await films(args, env);
        const printed = env.FORCE_COLOR ? result.stdout.replace(/\u001b\[\d+(;\d+)*m/g, '') : result.stdout;
        expect(printed, `${args.join(' ')} stdout`).not.toMatch(UNSAFE_BYTES);
        expect(result.stderr, `${args.join(' ')} stderr`).not.toMatch(UNSAFE_BYTES);
      }
    }
    const json = JSON.parse((await films(['show', 'evil', '--json'])).stdout);
    expect(json.title).toBe(`Evil ${all} Film`);
    for (const [name, payload] of entries) {
      expect(json.reviews.map((r: { author: string }) => r.author)).toContain(`Critic ${asName(payload)}`);
      expect(json.reviews.map((r: { text: string }) => r.text)).toContain(`Text of ${name}: ${payload}`);
    }
    const shown = (await films(['show', 'evil', '--full', '--all'])).stdout;
    expect(shown).toContain('\\x1b]52;c;cm0gLXJmIH4=\\x07');
    expect(shown).toContain('abc\\u202edcba\\u202c');
  }, 60_000);

  it('the only escapes with colour forced are our own colour codes', async () => {
    expect(
      (
        await films([
          'review',
          'add',
          'dear',
          '--author',
          'Ann',
          '--text',
          `${PAYLOADS['title OSC'] as string} ${PAYLOADS['clipboard OSC 52'] as string}`,
        ])
      ).code,
    ).toBe(0);
    const result = await films(['show', 'dear'], { FORCE_COLOR: '1' });
    const escapes = result.stdout.match(/\u001b[^m]*m?/g) ?? [];
    expect(escapes.length).toBeGreaterThan(0);
    for (const escape of escapes) expect(escape).toMatch(/^\u001b\[\d+(;\d+)*m$/);
  });
});

/** Invisible and format characters (issue 11), broken emoji sequences, private use, unassigned, a lone surrogate. */
const INVISIBLE = [
  'soft\u00adhyphen',
  'zw\u200cnj',
  'zw\u200dj',
  'inv\u2061\u2062\u2063\u2064isible',
  'dep\u206a\u206frecated',
  'mvs\u180e',
  'anchor\ufff9\ufffa\ufffb',
  'line\u2028para\u2029',
  'filler\u115f\u3164\uffa0',
  'tags\u{e0001}\u{e0069}\u{e0067}\u{e006e}\u{e007f}',
  '\u200d👩',
  '❤\ufe0f\ufe0f',
  '😀\u{e0100}\u{e0101}',
  '🏴\u{e0067}\u{e0062}',
  'pua\ue000\u{f0000}',
  'unassigned\u0378',
  'lone\ud800',
].join(' ');
const KEPT = '👨‍👩‍👧 🏳️‍🌈 #️⃣ 🏴󠁧󠁢󠁥󠁮󠁧󠁿 葛󠄀';
const HOSTILE = `${Object.values(PAYLOADS).join(' ')} ${INVISIBLE} ${KEPT}`;
/** For authors, which may be 200 characters at most. */
const SHORT_HOSTILE = '\u001b]0;pwned\u0007 \u009b31m \u202e \u00ad\u200c\u2061\u{e0001}\u{e0069} \u2028 \u200d👩 👨‍👩‍👧 \ud800';
/** Our own colour codes, which are all the escapes allowed in our output. */
const OUR_COLOURS = /\u001b\[\d+(;\d+)*m/g;

function hostileFilm(slug: string, title: string, ids: [string, string]): object {
  const review = (id: string, text: string) => ({
    id,
    author: `Critic ${SHORT_HOSTILE}`,
    createdAt: '2024-01-01T00:00:00.000Z',
    rating: 6,
    text,
    spoiler: false,
    tags: [`tag ${HOSTILE}`],
  });
  return {
    slug,
    title,
    year: 2020,
    countries: [`Country ${HOSTILE}`],
    genres: [`Genre ${HOSTILE}`],
    synopsis: `Plot ${HOSTILE}`,
    cast: [`Actor ${HOSTILE}`],
    castCount: 1,
    ratingsCount: 5,
    related: [`Related ${HOSTILE}`],
    reviews: [review(ids[0], `Body ${HOSTILE}\nsecond line ${HOSTILE}`), review(ids[1], `Other ${HOSTILE}`)],
  };
}

describe('a hostile-text pass over every command that prints user text', () => {
  it('no character that safeText escapes reaches stdout or stderr, at 30 and 200 columns, with and without colour, and in LANG=C', async () => {
    const store = {
      version: 1,
      films: [
        hostileFilm('evil', `Evil ${HOSTILE}`, ['aaaa0001', 'aaaa0002']),
        hostileFilm('evil-twin', `Evil twin ${HOSTILE}`, ['bbbb0001', 'bbbb0002']),
      ],
    };
    const page = join(temp.dir, 'page.txt');
    // A page is read a line at a time, so no line or paragraph separator here.
    const onOneLine = HOSTILE.replace(/[\u2028\u2029]/g, '');
    await writeFile(
      page,
      [
        `Page ${onOneLine}`,
        `France ${onOneLine}`,
        `5 people rated Plot ${onOneLine}`,
        'Drama',
        'Cast (0)',
        'You May Also Like',
        'User Reviews',
        `Author ${asName(SHORT_HOSTILE)}`,
        '01/01/2024 10:00',
        `Text ${onOneLine}`,
      ].join('\n'),
    );
    // Each command with its exit code: the refusals print user text too (did you mean, which films match).
    const commands: [string[], number][] = [
      [['show', 'evil'], 0],
      [['show', 'evil', '--full', '--all', '--spoilers'], 0],
      [['list'], 0],
      [['list', '--limit', '1'], 0],
      [['search', 'evil'], 0],
      [['search', 'body', 'critic'], 0],
      [['stats'], 0],
      [['stats', 'evil'], 0],
      [['review', 'list'], 0],
      [['review', 'list', 'evil'], 0],
      [['show', 'nothing-like-it'], 1],
      [['show', 'e'], 1],
      [['show', `evil ${HOSTILE}x`], 1],
      [['review', 'add', 'evil', '--author', `New ${asName(SHORT_HOSTILE)}`, '--text', `New ${HOSTILE}`, '--yes'], 0],
      [['rate', 'evil-twin', '7', '--author', `Rater ${asName(SHORT_HOSTILE)}`], 0],
      // Refused: a name is one line of plain text; the refusal prints none of it raw.
      [['rate', 'evil-twin', '7', '--author', `Rater ${SHORT_HOSTILE}`], 2],
      [['edit', 'evil-twin', '--genre', `Edited ${HOSTILE}`], 0],
      [['import', page, '--dry-run'], 0],
      [['import', page], 0],
      [['export', '--out', join(temp.dir, `out ${SHORT_HOSTILE}.json`)], 0],
      [['remove', 'evil-twin', '--yes'], 0],
      [['review', 'remove', 'aaaa0002', '--yes'], 0],
      // Its names hold control characters, which the rules of every way in refuse: db check lists them, safely.
      [['db', 'check'], 1],
      [['db', 'path'], 0],
    ];
    const checked = new Set<string>();
    for (const [columns, env, tty] of [
      [30, {}, false],
      [200, { FORCE_COLOR: '1' }, true],
      [80, { LANG: 'C' }, false],
    ] as const) {
      await writeFile(temp.store, `${JSON.stringify(store, null, 2)}\n`);
      for (const [args, exit] of commands) {
        const deps = bufferedDeps({ env: { FILMS_DB: temp.store, FILMS_AUTHOR: 'me', ...env }, columns, tty });
        const what = `${args.join(' ')} at ${columns} columns ${JSON.stringify(env)}`;
        expect(await main(args, deps), `${what}: ${deps.stderr()}`).toBe(exit);
        expect(holdsUnsafe(deps.stdout().replace(OUR_COLOURS, '')), `${what}, stdout ${JSON.stringify(deps.stdout().slice(0, 300))}`).toBe(
          false,
        );
        expect(holdsUnsafe(deps.stderr().replace(OUR_COLOURS, '')), `${what}, stderr ${JSON.stringify(deps.stderr())}`).toBe(false);
        checked.add(args[0] as string);
      }
    }
    expect([...checked].sort()).toEqual(['db', 'edit', 'export', 'import', 'list', 'rate', 'remove', 'review', 'search', 'show', 'stats']);
    // The kept sequences reach the terminal whole, and the store keeps every character exactly.
    const shown = bufferedDeps({ env: { FILMS_DB: temp.store }, columns: 200 });
    await main(['show', 'evil', '--full'], shown);
    expect(shown.stderr()).toBe('');
    expect(shown.stdout()).toContain(KEPT);
    expect(shown.stdout()).toContain('soft\\xadhyphen zw\\u200cnj');
    expect(JSON.parse(await readFile(temp.store, 'utf8')).films[0].title).toBe(`Evil ${HOSTILE}`);
  }, 60_000);
});

describe('machine formats at a terminal', () => {
  const store = { version: 1, films: [hostileFilm('evil', `Evil ${HOSTILE}`, ['aaaa0001', 'aaaa0002'])] };
  // The hostile critic (a store written before names were one line) is named, so that the Letterboxd export holds their entries.
  const critic = `Critic ${SHORT_HOSTILE}`;
  const exportAs = async (args: string[], tty: boolean) => {
    const deps = bufferedDeps({ env: { FILMS_DB: temp.store, FILMS_AUTHOR: 'me' }, tty, cwd: temp.dir });
    const whose = args.includes('letterboxd') ? ['--author', critic] : [];
    return { code: await main(['export', ...args, ...whose], deps), stdout: deps.stdout(), stderr: deps.stderr() };
  };

  it('a CSV holding escapes is refused at a terminal in one line; a pipe and --out get its exact bytes', async () => {
    await writeFile(temp.store, `${JSON.stringify(store, null, 2)}\n`);
    for (const [format, name] of [
      ['csv', 'CSV'],
      ['letterboxd', 'Letterboxd CSV'],
    ] as const) {
      const piped = await exportAs(['--format', format], false);
      expect(piped).toMatchObject({ code: 0, stderr: '' });
      expect(piped.stdout).toContain(PAYLOADS['clipboard OSC 52'] as string);
      expect(await exportAs(['--format', format], true)).toEqual({
        code: 1,
        stdout: '',
        stderr: `films: not printing the ${name} to a terminal: it holds control or invisible characters the terminal would act on — pass --out FILE or pipe it\n`,
      });
      const file = await exportAs(['--format', format, '--out', `out.${format}`], true);
      const what = format === 'csv' ? '1 film' : safeText(`the diary and ratings of ${critic}`);
      expect(file).toEqual({ code: 0, stdout: '', stderr: `Exported ${what} to ${join(temp.dir, `out.${format}`)}\n` });
      // Bytes, as a pipe gets them (a lone surrogate becomes U+FFFD in UTF-8 either way).
      expect(await readFile(join(temp.dir, `out.${format}`))).toEqual(Buffer.from(piped.stdout, 'utf8'));
    }
  });

  it('a CSV without them is printed at a terminal as it is', async () => {
    const clean = await exportAs(['--format', 'csv'], true);
    expect(clean.code).toBe(0);
    expect(clean.stdout).toBe((await exportAs(['--format', 'csv'], false)).stdout);
    expect(clean.stdout).toContain('Dear Comrades!');
  });

  it('JSON at a terminal escapes what JSON.stringify leaves raw (C1, bidi, invisible), and says the same data', async () => {
    await writeFile(temp.store, `${JSON.stringify(store, null, 2)}\n`);
    for (const format of ['json', 'ndjson']) {
      const piped = await exportAs(['--format', format], false);
      const shown = await exportAs(['--format', format], true);
      expect(holdsUnsafe(piped.stdout)).toBe(true); // \u009b, \u202e, \u00ad… raw
      expect(holdsUnsafe(shown.stdout)).toBe(false);
      expect(shown.stdout).toContain('\\u009b31mC1');
      expect(shown.stdout).toContain(KEPT);
      const parse = (text: string) =>
        text
          .trim()
          .split('\n\n')
          .map((part) => (format === 'json' ? JSON.parse(part) : part.split('\n').map((line) => JSON.parse(line))));
      expect(parse(shown.stdout)).toEqual(parse(piped.stdout));
    }
  });
});

describe('prototype keys in a store', () => {
  it('are refused, and nothing is polluted', async () => {
    const doc = JSON.parse(await readText(BUNDLED));
    const text = JSON.stringify(doc).replace(
      '"slug"',
      '"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},"slug"',
    );
    await writeFile(temp.store, text);
    const result = await films(['db', 'check']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(
      'films[0].__proto__: a key named "__proto__" is not allowed\nfilms[0].constructor: a key named "constructor" is not allowed\n',
    );
    expect(await readText(temp.store)).toBe(text);
  });
});

describe('paths printed for people', () => {
  it('db restore and export --out escape a path holding control characters', async () => {
    const dir = join(temp.dir, 'evil\u001b]0;pwned\u0007dir');
    await mkdir(dir);
    const store = join(dir, 's.json');
    await copyFile(BUNDLED, store);
    expect((await runFilms(['--db', store, 'rate', 'dear', '7', '--author', 'A'])).code).toBe(0);
    const restored = await runFilms(['--db', store, 'db', 'restore', '--yes']);
    const exported = await runFilms(['--db', store, 'export', '--out', join(dir, 'out.json')]);
    for (const result of [restored, exported]) {
      expect(result.code).toBe(0);
      expect(`${result.stdout}${result.stderr}`).not.toMatch(/[\u0007\u001b]/);
      expect(`${result.stdout}${result.stderr}`).toContain('evil\\x1b]0;pwned\\x07dir');
    }
  });
});
