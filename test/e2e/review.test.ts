import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readText, runFilms, useTempStore } from '../helpers/cli.js';

const temp = useTempStore('bundled');

const films = (args: string[], input?: string) =>
  runFilms(args, { env: { FILMS_DB: temp.store, USER: 'tess' }, input, cwd: temp.dir, timeoutMs: 10_000 });
const store = async () => JSON.parse(await readText(temp.store));
const film = async () => (await store()).films[0];

describe('films review add in a script', () => {
  it('adds a review from flags and prints its id; --json prints the review', async () => {
    const result = await films([
      'review',
      'add',
      'dear',
      '--author',
      'Ann',
      '--rating',
      '8',
      '--text',
      'Stark.\n\nBrilliant.',
      '--date',
      '2025-12-01T10:00',
    ]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(/^Added review ([0-9a-f]{8}) of Dear Comrades!\n$/);
    const [first] = (await film()).reviews;
    expect(first).toEqual({
      id: result.stdout.slice(13, 21),
      author: 'Ann',
      createdAt: '2025-12-01T10:00:00.000Z',
      rating: 8,
      text: 'Stark.\n\nBrilliant.',
      spoiler: false,
    });
    const json = await films(['review', 'add', 'dear', '--author', 'Bo', '--text', 'Hidden twist.', '--spoiler', '--json']);
    expect(JSON.parse(json.stdout)).toMatchObject({
      author: 'Bo',
      rating: null,
      text: 'Hidden twist.',
      spoiler: true,
      film: 'dear-comrades',
    });
  });

  it('reads the text from a file or from stdin', async () => {
    await writeFile(join(temp.dir, 'review.txt'), 'From a file.\r\nSecond line.\r\n');
    expect((await films(['review', 'add', 'dear', '--author', 'Ann', '--text-file', 'review.txt'])).code).toBe(0);
    expect((await film()).reviews[0].text).toBe('From a file.\nSecond line.');
    expect((await films(['review', 'add', 'dear', '--author', 'Ann', '--text-file', '-'], 'From stdin 🎬\n')).code).toBe(0);
    expect((await film()).reviews[0].text).toBe('From stdin 🎬');
  });

  it('without --author the review is yours: FILMS_AUTHOR, else the config file, else the login name', async () => {
    const config = join(temp.dir, 'config');
    const env = { FILMS_DB: temp.store, XDG_CONFIG_HOME: config };
    expect((await runFilms(['review', 'add', 'dear', '--text', 'Mine.'], { env: { ...env, FILMS_AUTHOR: 'Vera' } })).code).toBe(0);
    expect((await film()).reviews[0]).toMatchObject({ author: 'Vera', text: 'Mine.' });
    await mkdir(join(config, 'films'), { recursive: true });
    await writeFile(join(config, 'films', 'config.json'), '{ "author": "Lyuda" }\n');
    expect((await runFilms(['review', 'add', 'dear', '--rating', '7'], { env })).code).toBe(0);
    expect((await film()).reviews[0]).toMatchObject({ author: 'Lyuda', rating: 7 });
    await writeFile(join(config, 'films', 'config.json'), '{ "author": "Lyuda", "colour": "red" }\n');
    const before = await readText(temp.store);
    const refused = await runFilms(['review', 'add', 'dear', '--rating', '7'], { env });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /^films: the config file .*config\.json is not valid \(unknown setting "colour"; films knows author, pager\) — fix it by hand/,
    );
    expect(refused.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(await readText(temp.store)).toBe(before);
  });

  it('accepts a rating alone', async () => {
    expect((await films(['review', 'add', 'dear', '--author', 'Ann', '--rating', '3'])).code).toBe(0);
    expect((await film()).reviews[0]).toMatchObject({ rating: 3, text: '' });
  });

  it.each([
    [['--author', 'A', '--rating', '11'], /^films: --rating must be a whole number from 1 to 10, not "11"/],
    [['--author', 'A', '--rating', '0'], /from 1 to 10, not "0"/],
    [['--author', 'A', '--rating', '7.5'], /from 1 to 10, not "7\.5"/],
    [['--author', '   ', '--text', 'x'], /^films: the author is empty — pass --author <name>/],
    [['--author', 'A', '--text', '  '], /^films: a review needs text or a rating/],
    [['--author', 'A', '--text', 'x', '--date', '2999-01-01'], /^films: --date "2999-01-01" is in the future/],
    [['--author', 'A', '--text', 'x', '--date', '31/12/2020'], /^films: --date "31\/12\/2020" is not an ISO date/],
    [['--author', 'A', '--text', 'x', '--text-file', 'f'], /^films: --text and --text-file cannot be used together/],
    [['--author', 'A'], /^films: missing --text <text>, --text-file <path> or --rating <n>/],
  ])('refuses %j with exit 2, one line, store unchanged', async (flags, message) => {
    const before = await readText(temp.store);
    const result = await films(['review', 'add', 'dear', ...flags]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(await readText(temp.store)).toBe(before);
  });

  it('fails fast, never waiting for input, when the film is missing in a pipe', async () => {
    const started = Date.now();
    const result = await runFilms(['review', 'add'], { env: { FILMS_DB: temp.store }, timeoutMs: 5_000 });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^films: which film\? give it as the first argument/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('refuses an unknown film with exit 1', async () => {
    const result = await films(['review', 'add', 'nope', '--author', 'A', '--text', 'x']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^films: no film "nope"/);
  });

  it('refuses a text over 100,000 characters before writing', async () => {
    const before = await readText(temp.store);
    const result = await films(['review', 'add', 'dear', '--author', 'A', '--text-file', '-'], 'x'.repeat(100_001));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/over the limit of 100,000/);
    expect(await readText(temp.store)).toBe(before);
  });
});

describe('films review list', () => {
  it('lists reviews newest first with ids, and filters', async () => {
    await films(['review', 'add', 'dear', '--author', 'Ann', '--rating', '9', '--text', 'Top.', '--date', '2026-01-01']);
    await films(['review', 'add', 'dear', '--author', 'Bob', '--rating', '4', '--text', 'Meh.', '--date', '2023-01-01']);
    const table = await films(['review', 'list', '--limit', '3']);
    expect(table.stdout).toMatch(/│ ID +│ Film +│ Author +│ Date +│ Rating +│ Review +│/);
    expect(table.stdout.indexOf('Ann')).toBeLessThan(table.stdout.indexOf('Adérito'));
    expect(table.stdout).toMatch(/9 more reviews — a larger --limit shows more, --limit none shows all/);
    const json = JSON.parse((await films(['review', 'list', 'dear', '--min-rating', '5', '--json'])).stdout);
    expect(json.map((r: { author: string }) => r.author)).toEqual(['Ann']);
    const since = (await films(['review', 'list', '--since', '2025-01-01', '--ndjson'])).stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l).author);
    expect(since).toEqual(['Ann', 'Adérito', 'Pranitha Official']);
    const byAuthor = JSON.parse((await films(['review', 'list', '--author', 'bob', '--json'])).stdout);
    expect(byAuthor).toEqual([expect.objectContaining({ author: 'Bob', rating: 4, film: 'dear-comrades' })]);
  });

  it('refuses bad filters with exit 2', async () => {
    expect((await films(['review', 'list', '--min-rating', '12'])).stderr).toMatch(
      /^films: --min-rating must be a whole number from 1 to 10/,
    );
    expect((await films(['review', 'list', '--since', 'soon'])).code).toBe(2);
  });
});

describe('films review edit and remove', () => {
  it('edits with flags, keeping the id and what was not given', async () => {
    const id = (await film()).reviews[2].id;
    const result = await films(['review', 'edit', id.slice(0, 5), '--rating', '7', '--spoiler']);
    expect(result.stdout).toBe(`Changed review ${id} of Dear Comrades!\n`);
    expect((await film()).reviews[2]).toMatchObject({ id, author: 'Sandra Gyasi', rating: 7, spoiler: true });
  });

  it('refuses an edit with nothing to change in a script, and one that leaves neither text nor rating', async () => {
    const id = (await film()).reviews[0].id;
    expect(await films(['review', 'edit', id])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/^films: nothing to change — pass --text/),
    });
    expect((await films(['review', 'edit', id, '--text', ''])).stderr).toMatch(/needs text or a rating/);
  });

  it('removes only with --yes in a script', async () => {
    const id = (await film()).reviews[0].id;
    const before = await readText(temp.store);
    expect(await films(['review', 'remove', id])).toMatchObject({
      code: 2,
      stderr: `films: not removing review ${id} without confirmation — pass --yes\n`,
    });
    expect(await readText(temp.store)).toBe(before);
    expect((await films(['review', 'rm', id, '--yes'])).stdout).toBe(`Removed review ${id} of Dear Comrades!\n`);
    expect((await film()).reviews.map((r: { id: string }) => r.id)).not.toContain(id);
  });

  it('an unknown id: exit 1 with the nearest ids', async () => {
    const ids = (await film()).reviews.map((r: { id: string }) => r.id);
    const wrong = `${ids[0].slice(0, 6)}zz`;
    const result = await films(['review', 'remove', wrong, '--yes']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`^films: no review "${wrong}" — did you mean ${ids[0]}, `));
  });
});

describe('films rate and films show', () => {
  it('rates, replaces the same author rating, and show reflects average, count and histogram', async () => {
    await films(['rate', 'dear', '9', '--author', 'Ann']);
    await films(['rate', 'dear', '6', '--author', 'Ann']);
    await films(['rate', 'dear', '8', '--author', 'Bob']);
    const json = JSON.parse((await films(['show', 'dear', '--json'])).stdout);
    expect(json.rating).toEqual({
      average: 7,
      count: 2,
      histogram: { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0, '6': 1, '7': 0, '8': 1, '9': 0, '10': 0 },
    });
    const shown = (await films(['show', 'dear'])).stdout;
    // The crowd: every author but you, each with their current rating (Ann's replaced 9 is gone).
    expect(shown).toMatch(/Others' rating │ 7\/10 ★★★½☆ from 2 people/);
    expect(shown).toMatch(/^ 8 █+ +1$/m);
  });

  it('rate refuses a bad rating', async () => {
    expect(await films(['rate', 'dear', '10.5'])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/^films: the rating must be a whole number from 1 to 10/),
    });
  });

  it('show hides spoiler texts unless --spoilers', async () => {
    await films(['review', 'add', 'dear', '--author', 'Ann', '--text', 'The daughter lives.', '--spoiler']);
    const hidden = (await films(['show', 'dear'])).stdout;
    expect(hidden).not.toContain('The daughter lives.');
    expect(hidden).toContain('[spoiler hidden — --spoilers shows it]');
    expect((await films(['show', 'dear', '--spoilers'])).stdout).toContain('[spoiler] The daughter lives.');
    expect((await films(['review', 'list'])).stdout).not.toContain('The daughter lives.');
  });
});
