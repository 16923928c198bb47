import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { readText, runFilms, useTempStore } from '../helpers/cli.js';

const temp = useTempStore('bundled');

const films = (args: string[], env: Record<string, string> = {}) =>
  runFilms(args, { env: { FILMS_DB: temp.store, ...env }, cwd: temp.dir });
const store = async () => JSON.parse(await readText(temp.store));

describe('on the seed store', () => {
  it('films search novocherkassk finds Dear Comrades! through its reviews', async () => {
    const result = await films(['search', 'novocherkassk']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Dear Comrades! dear-comrades\n/);
    expect(result.stdout).toMatch(/synopsis .*\[Novocherkassk\]/);
    expect(result.stdout).toMatch(/review [0-9a-f]{8} Majo💛🍀: .*\[Novocherkassk\]/);
    const json = JSON.parse((await films(['search', 'NOVOCHERKASSK', '--json'])).stdout);
    expect(json[0].slug).toBe('dear-comrades');
    expect(json[0].matches.map((m: { field: string }) => m.field)).toEqual(['synopsis', 'review']);
    const [start, end] = json[0].matches[1].ranges[0];
    expect(json[0].matches[1].text.slice(start, end)).toBe('Novocherkassk');
  });

  it('search is case- and accent-insensitive and says when nothing matches', async () => {
    expect((await films(['search', 'KONCHALOVSKY'])).stdout).toContain('[Konchalovsky]');
    expect((await films(['search', 'adérito'])).stdout).toBe('No matches.\n');
    expect((await films(['search', 'comrades', 'stalin'])).stdout).toMatch(/title +Dear \[Comrades\]!/);
  });

  it('films list genre:history lists it; a query that matches nothing says so', async () => {
    expect((await films(['list', 'genre:history'])).stdout).toMatch(/│ Dear Comrades! +│/);
    expect((await films(['list', '-genre:history'])).stdout).toBe('No films match.\n');
    expect(JSON.parse((await films(['list', 'country:russian', '--json'])).stdout).map((f: { slug: string }) => f.slug)).toEqual([
      'dear-comrades',
    ]);
  });

  it('films stats draws its charts within the width, and --json gives the numbers', async () => {
    const result = await films(['stats'], { COLUMNS: '70' });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/films +1\n +reviews +10\n +ratings +0 \(average none yet\)\n +authors +10/);
    expect(result.stdout).toMatch(/Reviews per year\n +2024 █+ +8\n +2025 █+ +2/);
    expect(result.stdout).toMatch(/Top genres \(films\)\n +Drama +█+ +1\n +History +█+ +1/);
    for (const line of result.stdout.split('\n')) expect(stringWidth(line)).toBeLessThanOrEqual(70);
    const ascii = await films(['stats', 'dear', '--ascii']);
    expect(ascii.stdout).toMatch(/2024 #+ +8/);
    // One film: no count of films, no charts of its own genres and countries.
    expect(ascii.stdout).toMatch(/^Dear Comrades!\n-+\n\n +reviews +10\n/);
    expect(ascii.stdout).not.toMatch(/films +1|Top genres|Top countries/);
    expect(ascii.stdout.replace(/Majo💛🍀|Andiswa The Bomb🦋|BTS ✨|Adérito/g, '')).toMatch(/^[\x00-\x7f]*$/);
    expect(JSON.parse((await films(['stats', '--json'])).stdout)).toMatchObject({
      films: 1,
      reviews: 10,
      ratings: 0,
      authors: 10,
      averageRating: null,
    });
  });
});

describe('a film added by flags', () => {
  it('can be edited, found and removed, with the store left valid', async () => {
    const added = await films([
      'add',
      '--title',
      'Дорогие товарищи!',
      '--year',
      '2020',
      '--country',
      'Russia',
      '--genre',
      'Drama, History',
      '--cast',
      'Юлия Высоцкая',
      '--synopsis',
      'Novocherkassk, 1962.',
      '--json',
    ]);
    expect(added.code).toBe(0);
    expect(JSON.parse(added.stdout)).toMatchObject({
      slug: 'dorogie-tovarishchi',
      year: 2020,
      genres: ['Drama', 'History'],
      cast: ['Юлия Высоцкая'],
      castCount: 1,
      ratingsCount: null,
      reviews: [],
    });
    const edited = await films(['edit', 'dorogie', '--year', '2021', '--genre', 'War']);
    expect(edited.stdout).toBe('Changed dorogie-tovarishchi: Дорогие товарищи! (2021)\n');
    expect((await films(['list', 'year:2021', 'genre:war'])).stdout).toContain('dorogie-tovarishchi');
    expect((await films(['search', 'товарищи'])).stdout).toMatch(/title +Дорогие \[товарищи\]!/);
    expect((await films(['show', 'dorogie-tovarishchi'])).stdout).toMatch(/Cast +│ Юлия Высоцкая/);
    await films(['rate', 'dorogie', '8', '--author', 'A']);
    expect(await films(['remove', 'dorogie'])).toMatchObject({
      code: 2,
      stderr: 'films: not removing dorogie-tovarishchi and its review without confirmation — pass --yes\n',
    });
    expect((await films(['remove', 'dorogie', '--yes'])).stdout).toBe('Removed Дорогие товарищи! (dorogie-tovarishchi) and its review\n');
    expect((await store()).films.map((f: { slug: string }) => f.slug)).toEqual(['dear-comrades']);
    expect((await films(['db', 'check'])).code).toBe(0);
  });

  it.each([
    [['add'], 2, /^films: missing --title <title> — for example: films add --title/],
    [['add', '--title', ' '], 2, /^films: the title is empty/],
    [['add', '--title', 'X', '--year', '20'], 2, /^films: --year must be a year from 1870 to 2200, not "20"/],
    [
      ['add', '--title', 'Dear Comrades!', '--year', 'none'],
      1,
      /^films: "Dear Comrades!" is already in the store as dear-comrades — change it with 'films edit dear-comrades'/,
    ],
    [['edit', 'dear'], 2, /^films: nothing to change — pass --title/],
    [
      ['list', 'foo:bar'],
      2,
      /^films: unknown field "foo" in "foo:bar" — known fields: title, slug, type, genre, country, cast, synopsis, year, rating, reviews, tag, watched, rewatch, liked, watchlist\n$/,
    ],
    [['list', 'year:1960..x'], 2, /^films: malformed value "1960\.\.x" for year/],
    [['list', '--sort', 'length'], 2, /^films: cannot sort by "length"/],
    [
      ['review', 'list', 'slug:x'],
      2,
      /^films: unknown field "slug" in "slug:x" — known fields: film, author, text, rating, genre, country, year/,
    ],
    [['search'], 2, /^films: missing required argument 'words'/],
    [['search', '  ', ''], 2, /^films: nothing to search for — give one or more words\n$/],
    [['stats', 'nope'], 1, /^films: no film "nope" — did you mean/],
    [['stats', '--json', '--ascii', 'x', 'y'], 2, /^films: too many arguments for 'stats'/],
  ])('refuses %j, store untouched', async (args, code, message) => {
    const before = await readText(temp.store);
    const result = await films(args);
    expect(result.code).toBe(code);
    expect(result.stderr).toMatch(message);
    expect(await readText(temp.store)).toBe(before);
  });
});
