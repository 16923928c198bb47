import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLED, readText, runFilms, useTempStore } from '../helpers/cli.js';

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

describe('hostile text stays text', () => {
  it('every payload in a title, an author and a review never reaches the terminal raw; --json keeps it exact', async () => {
    const entries = Object.entries(PAYLOADS);
    const page = join(temp.dir, 'hostile.txt');
    const all = entries.map(([, payload]) => payload).join(' ');
    const reviews = entries.flatMap(([name, payload]) => [`Author ${payload}`, '01/01/2024 10:00', `Text of ${name}: ${payload}`]);
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
            `Critic ${payload}`,
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
      expect(json.reviews.map((r: { author: string }) => r.author)).toContain(`Critic ${payload}`);
      expect(json.reviews.map((r: { text: string }) => r.text)).toContain(`Text of ${name}: ${payload}`);
    }
    const shown = (await films(['show', 'evil', '--full', '--all'])).stdout;
    expect(shown).toContain('\\x1b]52;c;cm0gLXJmIH4=\\x07');
    expect(shown).toContain('abc\\u202edcba\\u202c');
  }, 60_000);

  it('the only escapes with colour forced are our own colour codes', async () => {
    await films(['review', 'add', 'dear', '--author', PAYLOADS['title OSC'] as string, '--text', PAYLOADS['clipboard OSC 52'] as string]);
    const result = await films(['show', 'dear'], { FORCE_COLOR: '1' });
    const escapes = result.stdout.match(/\u001b[^m]*m?/g) ?? [];
    expect(escapes.length).toBeGreaterThan(0);
    for (const escape of escapes) expect(escape).toMatch(/^\u001b\[\d+(;\d+)*m$/);
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
