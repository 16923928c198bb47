import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { EMPTY_STORE, ROOT, readText, runFilms, useTempStore } from '../helpers/cli.js';
import { deflatedZeros, zipFile } from '../helpers/zip-bomb.js';

const EMPTY = EMPTY_STORE;
const temp = useTempStore('empty');

const films = (args: string[], input?: string) =>
  runFilms(args, { env: { FILMS_DB: temp.store, FILMS_AUTHOR: 'tess' }, cwd: temp.dir, input });
const fixture = (path: string): string => join(ROOT, 'test', 'fixtures', path);
const store = async () => JSON.parse(await readText(temp.store));

async function letterboxdZip(): Promise<string> {
  const names = ['profile.csv', 'reviews.csv', 'diary.csv', 'ratings.csv', 'watched.csv', 'watchlist.csv'];
  const entries: Record<string, Uint8Array> = {};
  for (const name of names) entries[name] = strToU8(await readFile(fixture(`letterboxd/${name}`), 'utf8'));
  entries['deleted/diary.csv'] = entries['diary.csv'] as Uint8Array;
  const path = join(temp.dir, 'letterboxd-mara_k-2026-11-27.zip');
  await writeFile(path, zipSync(entries));
  return path;
}

describe('importing Letterboxd and IMDb into a fresh store', () => {
  it('the export zip and an IMDb file give correct ratings, dates and texts; a second import changes nothing', async () => {
    const zip = await letterboxdZip();
    const first = await films(['import', zip]);
    expect(first.code).toBe(0);
    // Wrapped to the width (80 in a pipe), as every line for people.
    expect(first.stdout).toBe(
      'Imported: films 7 added, 0 updated, 0 unchanged; reviews 6 added, 5 skipped (already in the store);\nmarked 1 on a watchlist\n',
    );
    const imdb = await films(['import', fixture('imdb/ratings-2024.csv')]);
    expect(imdb.stdout).toMatch(/^Imported: films 1 added, 2 updated, 0 unchanged; reviews 3 added/);
    const data = await store();
    const dear = data.films.find((f: { title: string }) => f.title === 'Dear Comrades!');
    expect(dear).toMatchObject({
      year: 2020,
      imdbId: 'tt10044952',
      letterboxdUri: 'https://letterboxd.com/film/dear-comrades/',
      genres: ['Drama', 'History'],
      ratingsCount: 6367,
    });
    expect(dear.reviews.map((r: { author: string; rating: number; createdAt: string }) => [r.author, r.rating, r.createdAt])).toEqual([
      ['tess', 8, '2024-03-05T00:00:00.000Z'],
      ['tess', 9, '2021-03-04T00:00:00.000Z'],
    ]);
    expect(dear.reviews[1].text).toBe(
      'Stark, brilliant black & white.\nYuliya Vysotskaya is "astonishing".\n\nSecond paragraph — Новочеркасск, 1962. 🎬',
    );
    const before = await readText(temp.store);
    expect((await films(['import', zip])).stdout).toMatch(/films 0 added, 0 updated, 7 unchanged; reviews 0 added, 11 skipped/);
    expect((await films(['import', fixture('imdb/ratings-2024.csv')])).stdout).toMatch(/reviews 0 added, 3 skipped/);
    expect(await readText(temp.store)).toBe(before);
  });

  it('the classic IMDb layout and each Letterboxd CSV import on their own', async () => {
    expect((await films(['import', fixture('imdb/ratings-classic.csv')])).code).toBe(0);
    expect((await films(['import', fixture('letterboxd/diary.csv'), '--author', 'mara'])).code).toBe(0);
    const data = await store();
    expect(data.films.find((f: { imdbId?: string }) => f.imdbId === 'tt0091251')).toMatchObject({
      title: 'Come and See',
      reviews: expect.arrayContaining([expect.objectContaining({ author: 'mara', rating: 10, rewatch: true, watchedDate: '2022-11-19' })]),
    });
  });
});

describe('bad files are all or nothing', () => {
  it('a bad row refuses the whole file with file:line lines, exit 1, the store byte for byte unchanged', async () => {
    await films(['import', fixture('imdb/ratings-2024.csv')]);
    const before = await readText(temp.store);
    const file = fixture('letterboxd/ratings-bad.csv');
    const result = await films(['import', file]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      `${file}:3: date "2022-13-20" is not a real date\n` +
        `${file}:4: the film has no name\n` +
        `${file}:5: rating "7" is not a Letterboxd rating (0.5 to 5 in half stars)\n` +
        `films: ${file} has 3 bad rows; nothing was imported — fix them, or pass --skip-invalid to import the rest\n`,
    );
    expect(await readText(temp.store)).toBe(before);
  });

  it('counts bad rows, not problems, and places them right in a CRLF file with quoted line breaks', async () => {
    const path = join(temp.dir, 'reviews.csv');
    const rows = [
      'Date,Name,Year,Letterboxd URI,Rating,Rewatch,Review,Tags,Watched Date',
      ...Array.from(
        { length: 50 },
        (_, i) => `2021-01-01,Film ${i},2000,https://boxd.it/e${i},4,,"<p>One.</p>\r\n<p>Two.</p>",,2021-01-01`,
      ),
      '2021-13-01,,2000,https://boxd.it/bad,9,,"x",,2021-01-01',
    ];
    await writeFile(path, `${rows.join('\r\n')}\r\n`);
    const result = await films(['import', path]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `${path}:102: the film has no name; date "2021-13-01" is not a real date; rating "9" is not a Letterboxd rating (0.5 to 5 in half stars)\n` +
        `films: ${path} has 1 bad row; nothing was imported — fix them, or pass --skip-invalid to import the rest\n`,
    );
  });

  it('--skip-invalid imports the good rows and reports the rest', async () => {
    // By a short name: the lines wrap to the width, so a long checkout path must not decide what is on one.
    await writeFile(join(temp.dir, 'ratings-bad.csv'), await readFile(fixture('letterboxd/ratings-bad.csv')));
    const result = await films(['import', 'ratings-bad.csv', '--skip-invalid']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /films 2 added.*\nSkipped 3 bad rows \(--skip-invalid\):\n {2}.*ratings-bad\.csv:3: date "2022-13-20" is not a real date\n/,
    );
    expect((await store()).films.map((f: { title: string }) => f.title)).toEqual(['Dear Comrades!', 'Solaris']);
  });

  it('--dry-run says what would change and writes nothing', async () => {
    const result = await films(['import', fixture('imdb/ratings-classic.csv'), '--dry-run']);
    expect(result.stdout).toMatch(
      /^Would import: films 3 added[^]*\n {2}would add: breaking-bad, come-and-see, dear-comrades\nNothing was written \(--dry-run\)\.\n$/,
    );
    expect(await readText(temp.store)).toBe(EMPTY);
  });

  it('a broken zip, a CSV that is not an export and a non-JSON file are refused', async () => {
    await writeFile(join(temp.dir, 'broken.zip'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]));
    expect(await films(['import', 'broken.zip'])).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/^films: broken\.zip: not a readable zip file/),
    });
    await writeFile(join(temp.dir, 'other.csv'), 'a,b\n1,2\n');
    expect(await films(['import', 'other.csv', '--format', 'letterboxd'])).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/^films: other\.csv: not a Letterboxd file \(its columns are a,b\)/),
    });
    expect(await films(['import', 'other.csv'])).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/^films: cannot tell the format of other\.csv — pass --format \(json, page, letterboxd, imdb\)/),
    });
    await writeFile(join(temp.dir, 'bad.json'), '{"version":1,');
    expect(await films(['import', 'bad.json'])).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/^films: bad\.json: not valid JSON/),
    });
    expect(await readText(temp.store)).toBe(EMPTY);
  });

  it('a zip bomb (2 MB inflating to 2 GB) is refused in one line, whether it declares its size or lies, and nothing is written', async () => {
    const data = deflatedZeros(2048);
    const refusals = {
      honest:
        'films: bomb.zip: its files inflate to more than 512 MB (at letterboxd/reviews.csv), more than a store can hold — it is not a Letterboxd export; download yours again\n',
      lying:
        'films: bomb.zip: letterboxd/reviews.csv inflates to more than the 1000 bytes the zip declares — the zip is damaged or forged; download the export again\n',
    };
    for (const [kind, declaredSize] of [
      ['honest', 2048 * 2 ** 20],
      ['lying', 1000],
    ] as const) {
      await writeFile(join(temp.dir, 'bomb.zip'), zipFile([{ name: 'letterboxd/reviews.csv', data, method: 8, declaredSize }]));
      for (const args of [
        ['import', 'bomb.zip', '--dry-run'],
        ['import', 'bomb.zip'],
      ]) {
        expect(await films(args), `${kind}: ${args.join(' ')}`).toEqual({ code: 1, stdout: '', stderr: refusals[kind] });
      }
    }
    expect(await readText(temp.store)).toBe(EMPTY);
  });
});

describe('export formats and round trips', () => {
  it('export → import into an empty store → export gives the same bytes, emoji, Cyrillic, paragraphs and spoilers included', async () => {
    await films(['import', await letterboxdZip()]);
    await films(['import', fixture('dear-comrades.page.txt')]);
    await films(['review', 'add', 'dear', '--author', 'Дмитрий 🎬', '--text', 'Первый абзац.\n\nВторой.', '--spoiler', '--rating', '7']);
    const first = await films(['export', '--out', 'export.json']);
    expect(first.code).toBe(0);
    const other = join(temp.dir, 'other.json');
    await writeFile(other, EMPTY);
    expect((await runFilms(['--db', other, 'import', 'export.json'], { cwd: temp.dir })).code).toBe(0);
    expect((await runFilms(['--db', other, 'export'], { cwd: temp.dir })).stdout).toBe(await readText(join(temp.dir, 'export.json')));
    const ndjson = (await films(['export', '--format', 'ndjson'])).stdout;
    await writeFile(other, EMPTY);
    expect((await runFilms(['--db', other, 'import', '-'], { cwd: temp.dir, input: ndjson })).code).toBe(0);
    expect((await runFilms(['--db', other, 'export'], { cwd: temp.dir })).stdout).toBe(await readText(join(temp.dir, 'export.json')));
  });

  it('an export with a __proto__ key imports its films and says, in one warning line, what it dropped', async () => {
    const doc = JSON.parse(await readFile(join(ROOT, 'data', 'films.json'), 'utf8'));
    const path = join(temp.dir, 'hostile.json');
    await writeFile(path, JSON.stringify(doc).replace('"films":', '"__proto__":{"polluted":true},"films":'));
    const result = await films(['import', path]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(`films: warning: ${path}: ignored the key "__proto__": such keys are not allowed\n`);
    expect((await store()).films.map((film: { slug: string }) => film.slug)).toEqual(['dear-comrades']);
  });

  it('csv: a row per review with the film columns; letterboxd: their import layout', async () => {
    await films(['import', await letterboxdZip()]);
    const csv = parse<Record<string, string>>((await films(['export', '--format', 'csv'])).stdout, { columns: true });
    expect(Object.keys(csv[0] ?? {})).toEqual([
      'slug',
      'title',
      'year',
      'countries',
      'genres',
      'imdbId',
      'letterboxdUri',
      'reviewId',
      'author',
      'createdAt',
      'rating',
      'spoiler',
      'watchedDate',
      'rewatch',
      'tags',
      'text',
    ]);
    expect(csv.find((row) => row.title === 'Come and See')).toMatchObject({
      rating: '10',
      rewatch: 'true',
      tags: 'war, soviet',
      text: 'Unbearable.\n\nEssential.',
    });
    expect(
      csv
        .filter((row) => row.reviewId === '')
        .map((row) => row.title)
        .sort(),
    ).toEqual(['The Cranes Are Flying']);
    const letterboxd = (await films(['export', '--format', 'letterboxd'])).stdout;
    expect(letterboxd.split('\n')[0]).toBe('Title,Year,imdbID,tmdbID,LetterboxdURI,Rating10,WatchedDate,Rewatch,Tags,Review');
    const rows = parse<Record<string, string>>(letterboxd, { columns: true });
    expect(rows.find((row) => row.Title === 'Dear Comrades!')).toEqual({
      Title: 'Dear Comrades!',
      Year: '2020',
      imdbID: '',
      tmdbID: '',
      LetterboxdURI: 'https://letterboxd.com/film/dear-comrades/',
      Rating10: '9',
      WatchedDate: '2021-03-03',
      Rewatch: 'false',
      Tags: 'soviet history',
      Review: 'Stark, brilliant black & white.\nYuliya Vysotskaya is "astonishing".\n\nSecond paragraph — Новочеркасск, 1962. 🎬',
    });
    expect(rows.map((row) => [row.Title, row.Rating10, row.WatchedDate])).toEqual([
      ['Amélie', '', '2023-01-04'],
      ['Come and See', '10', '2022-11-19'],
      ['Dear Comrades!', '9', '2021-03-03'],
      ["Ivan's Childhood", '7', ''],
      ['Solaris', '', '2023-06-30'],
      ['Stalker', '8', '2023-06-09'],
    ]);
    expect((await films(['export', '--format', 'letterboxd', '--author', 'nobody'])).stdout).toBe(`${letterboxd.split('\n')[0]}\n`);
    expect((await films(['export', '--format', 'letterboxd-watchlist'])).stdout).toBe(
      'Title,Year,imdbID,tmdbID,LetterboxdURI\nThe Cranes Are Flying,1957,,,https://letterboxd.com/film/the-cranes-are-flying/\n',
    );
    expect((await films(['export', '--format', 'xml'])).code).toBe(2);
  });
});
