import { existsSync } from 'node:fs';
import { copyFile, writeFile } from 'node:fs/promises';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { BUNDLED, readText, runFilms, useTempStore } from '../helpers/cli.js';

const temp = useTempStore('absent');

const films = (args: string[], env: Record<string, string> = {}) => runFilms(args, { env: { FILMS_DB: temp.store, ...env } });

describe('films show', () => {
  it('shows the bundled catalogue while there is no store, creating nothing, in aligned tables', async () => {
    const result = await films(['show', 'dear-comrades']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(existsSync(temp.store)).toBe(false);
    for (const text of [
      'Dear Comrades!',
      'Russian Federation',
      'Drama, History',
      '6,367 people',
      '19 (names not listed)',
      'no ratings yet',
      'Novocherkassk',
      'Majo💛🍀',
      'Andiswa The Bomb🦋',
      'Adérito',
    ]) {
      expect(result.stdout).toContain(text);
    }
    const tableLines = result.stdout.split('\n').filter((line) => /^[┌│├└]/.test(line));
    expect(tableLines.length).toBeGreaterThan(20);
    for (const line of tableLines) expect(stringWidth(line)).toBeLessThanOrEqual(100);
    expect(result.stdout).not.toMatch(/\u001b/);
  });

  it('finds the film by title and by prefix', async () => {
    expect((await films(['show', 'dear comrades!'])).stdout).toContain('Novocherkassk');
    expect((await films(['show', 'dear'])).stdout).toContain('Novocherkassk');
  });

  it('honours --limit and --all', async () => {
    const limited = await films(['show', 'dear-comrades', '--limit', '3']);
    expect(limited.stdout).toContain('7 more reviews — --all shows them, or --limit N');
    expect(limited.stdout).not.toContain('Mark Angel');
    const all = await films(['show', 'dear-comrades', '--all', '--full']);
    expect(all.stdout).toContain('Mark Angel');
    expect(all.stdout).toContain('Grade: A-');
    expect(all.stdout).not.toContain('more reviews');
  });

  it('prints the film as the JSON contract says', async () => {
    const result = await films(['show', 'dear-comrades', '--json']);
    const film = JSON.parse(result.stdout);
    expect(Object.keys(film)).toEqual([
      'slug',
      'title',
      'year',
      'countries',
      'genres',
      'synopsis',
      'cast',
      'castCount',
      'ratingsCount',
      'related',
      'rating',
      'reviews',
      'marks',
      'you',
      'others',
    ]);
    expect(film).toMatchObject({
      slug: 'dear-comrades',
      title: 'Dear Comrades!',
      year: null,
      castCount: 19,
      ratingsCount: 6367,
      rating: { average: null, count: 0 },
    });
    expect(film.rating.histogram).toEqual({ '1': 0, '2': 0, '3': 0, '4': 0, '5': 0, '6': 0, '7': 0, '8': 0, '9': 0, '10': 0 });
    expect(film.reviews).toHaveLength(10);
    expect(Object.keys(film.reviews[0])).toEqual(['id', 'author', 'createdAt', 'rating', 'text', 'spoiler']);
    expect(film.reviews[0]).toMatchObject({
      author: 'Adérito',
      createdAt: '2025-11-29T00:00:00.000Z',
      rating: null,
      text: 'Dear Comrades!',
      spoiler: false,
    });
  });

  it('wraps to COLUMNS when not a terminal', async () => {
    const narrow = await films(['show', 'dear-comrades'], { COLUMNS: '60' });
    const lines = narrow.stdout.split('\n');
    expect(Math.max(...lines.map((line) => stringWidth(line)))).toBeLessThanOrEqual(60);
  });

  it('colours only when forced, and never with NO_COLOR or --no-color', async () => {
    expect((await films(['show', 'dear-comrades'], { FORCE_COLOR: '1' })).stdout).toMatch(/\u001b\[/);
    expect((await films(['show', 'dear-comrades', '--no-color'], { FORCE_COLOR: '1' })).stdout).not.toMatch(/\u001b/);
    expect((await films(['show', 'dear-comrades'], { FORCE_COLOR: '1', NO_COLOR: '1' })).stdout).not.toMatch(/\u001b/);
  });
});

describe('films show refusals', () => {
  it('an unknown film: exit 1, one line with the nearest titles, store untouched', async () => {
    await copyFile(BUNDLED, temp.store);
    const before = await readText(temp.store);
    const result = await films(['show', 'dear comrads']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      `films: no film "dear comrads" — did you mean "Dear Comrades!" [dear-comrades]? ('films list' shows them all)\n`,
    );
    expect(await readText(temp.store)).toBe(before);
  });

  it('a bad --limit is a usage error', async () => {
    const result = await films(['show', 'dear-comrades', '--limit', 'lots']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^films: invalid --limit 'lots': expected a whole number of 1 or more, or none for all — run 'films show --help' for usage\n$/,
    );
  });

  it('a missing film argument is a usage error', async () => {
    const result = await films(['show']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("films: missing required argument 'film' — run 'films show --help' for usage\n");
  });

  it('a damaged store: exit 1, the reason with line:column, the bytes unchanged', async () => {
    const broken = '{\n  "version": 1,\n  "films": [\n';
    await writeFile(temp.store, broken);
    const result = await films(['show', 'dear-comrades']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^films: .*films\.json is not a valid films store \(invalid JSON at line 4:1: .*\) — the file was not changed; 'films db check' lists every problem, 'films db restore'/,
    );
    expect(result.stderr.split('\n')).toHaveLength(2);
    expect(await readText(temp.store)).toBe(broken);
  });

  it('a store of the wrong shape or an unknown version is refused, unchanged', async () => {
    for (const [content, reason] of [
      ['null', /found null/],
      ['{"version":9,"films":[]}', /version 9 is newer/],
      ['{"version":1,"films":{}}', /films: /],
      ['', /the file is empty/],
    ] as const) {
      await writeFile(temp.store, content);
      const result = await films(['list']);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(reason);
      expect(await readText(temp.store)).toBe(content);
    }
  });

  it('an unreadable --db path: exit 1 with the reason', async () => {
    const result = await runFilms(['--db', temp.dir, 'show', 'dear-comrades']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `films: the store ${temp.dir} is a folder, not a file — pass the path of a films store file with --db or FILMS_DB\n`,
    );
    const underFile = await runFilms(['--db', `${BUNDLED}/x.json`, 'rate', 'dear', '8']);
    expect(underFile.code).toBe(1);
    expect(underFile.stderr).toBe(
      `films: cannot use ${BUNDLED}/x.json as the store (a file stands where a folder should be, ENOTDIR) — pass the path of a films store file with --db or FILMS_DB\n`,
    );
  });
});
