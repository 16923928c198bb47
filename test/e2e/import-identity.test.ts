import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import type { Film, StoreData } from '../../src/domain/model.js';
import { currentRating } from '../../src/domain/ratings.js';
import { EMPTY_STORE, ROOT, useTempStore } from '../helpers/cli.js';
import { bufferedDeps } from '../helpers/deps.js';
import { film as fixtureFilm, review as fixtureReview } from '../unit/fixtures.js';

/**
 * Imports that never merge two films and never count one rating twice (#12 items 1–3), and
 * Letterboxd as yours (#13 item 6): small files that show each case, imported in-process into a
 * temp store, checked in what was printed and in the store file.
 */
const temp = useTempStore('empty');
const NOW = new Date('2026-03-10T12:00:00.000Z');

async function films(argv: string[], store = temp.store) {
  // Wide enough that each summary stays one line (they wrap to the width, as every line for people).
  const deps = bufferedDeps({ env: { FILMS_DB: store, FILMS_AUTHOR: 'tess' }, cwd: temp.dir, now: NOW, columns: 200 });
  const code = await main(argv, deps);
  return { code, stdout: deps.stdout(), stderr: deps.stderr() };
}

async function importFile(name: string, text: string, flags: string[] = [], store = temp.store) {
  await writeFile(join(temp.dir, name), text);
  const result = await films(['import', name, ...flags], store);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return result;
}

/** The files as one Letterboxd export zip, imported into the temp store; what it printed. */
async function importZip(files: Readonly<Record<string, string>>) {
  const zip = join(temp.dir, 'export.zip');
  await writeFile(zip, zipSync(Object.fromEntries(Object.entries(files).map(([name, text]) => [name, strToU8(text)]))));
  return films(['import', zip]);
}

/** A new store with the files imported one after another in `order`: its path. */
async function importedInOrder(files: Readonly<Record<string, string>>, order: readonly string[]): Promise<string> {
  const store = join(temp.dir, `${order.join('-')}.json`);
  await writeFile(store, EMPTY_STORE);
  for (const name of order) await importFile(name, files[name] as string, [], store);
  return store;
}

const stored = async (store = temp.store): Promise<StoreData> => JSON.parse(await readFile(store, 'utf8')) as StoreData;
const film = async (slug: string): Promise<Film> => {
  const found = (await stored()).films.find((candidate) => candidate.slug === slug);
  if (!found) throw new Error(`no film ${slug}`);
  return found;
};

const RATINGS = 'Date,Name,Year,Letterboxd URI,Rating';
const DIARY = 'Date,Name,Year,Letterboxd URI,Rating,Rewatch,Tags,Watched Date';
const REVIEWS = 'Date,Name,Year,Letterboxd URI,Rating,Rewatch,Review,Tags,Watched Date';
const WATCHED = 'Date,Name,Year,Letterboxd URI';
const IMDB = 'Const,Your Rating,Date Rated,Title,URL,Title Type,IMDb Rating,Runtime (mins),Year,Genres,Num Votes,Release Date,Directors';
const crlf = (...lines: string[]): string => `${lines.join('\r\n')}\r\n`;

describe('films with the same title and year are told apart by their ids (#12 item 1)', () => {
  it('two Letterboxd film URIs are two films, in one file and against the store, with distinct slugs', async () => {
    await importFile(
      'ratings.csv',
      crlf(
        RATINGS,
        '2024-01-01,The Haunted Castle,1897,https://boxd.it/1hc1,3',
        '2024-01-02,The Haunted Castle,1897,https://boxd.it/1hc2,4',
        '2024-01-03,Rain,2019,https://boxd.it/rain1,2',
      ),
    );
    await importFile('watched.csv', crlf(WATCHED, '2024-02-01,Rain,2019,https://boxd.it/rain2'));
    const { films: all } = await stored();
    expect(all.map((f) => [f.slug, f.letterboxdUri, f.reviews.map((r) => r.rating), f.marks.map((m) => m.watched)])).toEqual([
      ['rain', 'https://boxd.it/rain1', [4], []],
      ['the-haunted-castle', 'https://boxd.it/1hc1', [6], []],
      ['the-haunted-castle-1897', 'https://boxd.it/1hc2', [8], []],
      ['rain-2019', 'https://boxd.it/rain2', [], [true]],
    ]);
  });

  it('an IMDb file with tt0000002 "Rain" (2019) after one with tt0000001 keeps both films, each with its rating', async () => {
    await importFile('a.csv', crlf(IMDB, 'tt0000001,7,2024-01-02,Rain,u,movie,7,,2019,Drama,10,,'));
    await importFile('b.csv', crlf(IMDB, 'tt0000002,3,2024-01-03,Rain,u,movie,7,,2019,Drama,10,,'));
    const { films: all } = await stored();
    expect(all.map((f) => [f.slug, f.imdbId, f.reviews.map((r) => r.rating)])).toEqual([
      ['rain', 'tt0000001', [7]],
      ['rain-2019', 'tt0000002', [3]],
    ]);
  });

  it('a row without a year is not absorbed into a dated film with another id; without any id it is', async () => {
    await importFile('a.csv', crlf(IMDB, 'tt0000001,7,2024-01-02,Rain,u,movie,7,,2019,Drama,10,,'));
    await importFile('y.csv', crlf('Title,Year,imdbID,Rating10', 'Rain,,,6'), ['--author', 'Ann']);
    await importFile('x.csv', crlf('Title,Year,imdbID,Rating10', 'Rain,,tt0000009,5'), ['--author', 'Bo']);
    const { films: all } = await stored();
    expect(all.map((f) => [f.slug, f.year, f.imdbId, f.reviews.map((r) => r.rating)])).toEqual([
      ['rain', 2019, 'tt0000001', [6, 7]],
      ['rain-2', null, 'tt0000009', [5]],
    ]);
    // In one file, the row with an id is placed first, and the row without one then names the film of its title and missing year.
    await importFile('z.csv', crlf('Title,Year,imdbID,Rating10,Review', 'Rain,,,4,Wet.', 'Rain,,tt0000009,3,'), ['--author', 'Cy']);
    expect((await stored()).films.map((f) => [f.slug, f.reviews.map((r) => r.rating).sort()])).toEqual([
      ['rain', [6, 7]],
      ['rain-2', [3, 4, 5]],
    ]);
  });
});

describe('a row that names several films by title and year is never guessed (attack 1213 items 1, 2)', () => {
  const twoRains = crlf(
    IMDB,
    'tt0000001,7,2024-01-01,Rain,u,movie,6,90,2019,Drama,10,,X',
    'tt0000002,3,2024-01-02,Rain,u,movie,6,90,2019,Drama,10,,Y',
  );
  const byFilm = async (store = temp.store) =>
    (await stored(store)).films.map((f) => [
      f.slug,
      f.imdbId ?? f.letterboxdUri ?? '',
      f.reviews.map((r) => [r.rating, r.watchedDate ?? '', r.letterboxdUri ?? '']),
      f.marks.map((m) => [m.watchlistedAt?.slice(0, 10) ?? '', m.watched]),
    ]);

  it('a diary row "Rain (2019)" beside two IMDb films Rain (2019): kept as a film of its own, one warning line, both ratings kept', async () => {
    await importFile('imdb.csv', twoRains);
    await writeFile(join(temp.dir, 'diary.csv'), crlf(DIARY, '2024-02-01,Rain,2019,https://boxd.it/x9,4,,,2024-01-31'));
    const { code, stdout, stderr } = await films(['import', 'diary.csv']);
    expect(code).toBe(0);
    expect(stderr).toBe(
      "films: warning: diary.csv:2: Rain (2019) matches 2 films: tt0000001, tt0000002 — kept as a film of its own, rain-2019-2; to put it on one of them, give the row that film's id (LetterboxdURI or imdbID), or move it by hand ('films log' or 'films rate' that film, then 'films remove rain-2019-2')\n",
    );
    expect(stdout).toBe(
      'Imported: films 1 added, 0 updated, 0 unchanged; reviews 1 added, 0 skipped (already in the store); 1 row matched several films and kept apart (see the warnings)\n',
    );
    expect(await byFilm()).toEqual([
      ['rain', 'tt0000001', [[7, '', '']], []],
      ['rain-2019', 'tt0000002', [[3, '', '']], []],
      ['rain-2019-2', '', [[8, '2024-01-31', 'https://boxd.it/x9']], []],
    ]);
    // Imported again, the row is known by its entry link: nothing changes, nothing is warned.
    const before = await readFile(temp.store, 'utf8');
    expect(await importFile('diary.csv', crlf(DIARY, '2024-02-01,Rain,2019,https://boxd.it/x9,4,,,2024-01-31'))).toMatchObject({
      stdout: expect.stringMatching(/films 0 added, 0 updated, 1 unchanged/) as unknown,
    });
    expect(await readFile(temp.store, 'utf8')).toBe(before);
  });

  it('our export holding two films of one title and year and no ids imports as two, again changes nothing; a page naming them is kept apart', async () => {
    const twin = (slug: string, rating: number) =>
      fixtureFilm({ slug, title: 'Rain', year: 2019, reviews: [fixtureReview({ id: `${slug}-r`, author: 'tess', rating, text: '' })] });
    await importFile('export.json', JSON.stringify({ version: 2, films: [twin('rain', 5), twin('rain-2019', 9)] }));
    const twins = await byFilm();
    expect(twins).toEqual([
      ['rain', '', [[5, '', '']], []],
      ['rain-2019', '', [[9, '', '']], []],
    ]);
    await importFile('export.json', JSON.stringify({ version: 2, films: [twin('rain', 5), twin('rain-2019', 9)] }));
    expect(await byFilm()).toEqual(twins);
    await writeFile(
      join(temp.dir, 'rain.txt'),
      ['Rain', 'France', '5 people rated Wet.', 'Drama', 'Cast (0)', 'User Reviews', 'Ann', '01/02/2023 10:05', 'Good.'].join('\n'),
    );
    const page = await films(['import', 'rain.txt']);
    expect(page.stderr).toBe(
      "films: warning: rain.txt: Rain matches 2 films: rain, rain-2019 — kept as a film of its own, rain-2; to put it on one of them, move it by hand ('films log' or 'films rate' that film, then 'films remove rain-2')\n",
    );
    expect((await byFilm()).map(([slug]) => slug)).toEqual(['rain', 'rain-2019', 'rain-2']);
  });

  it('ratings.csv "Rain" and "Pioggia" against two Italian IMDb films Rain/Pioggia (2019): neither is stamped on them crosswise', async () => {
    const italian = crlf(
      'Const,Your Rating,Date Rated,Title,Original Title,URL,Title Type,IMDb Rating,Runtime (mins),Year,Genres,Num Votes,Release Date,Directors',
      'tt0000001,7,2024-01-01,Pioggia,Rain,u,Film,6,90,2019,Drammatico,10,,X',
      'tt0000002,5,2024-01-02,Pioggia,Rain,u,Film,6,90,2019,Drammatico,10,,Y',
    );
    await importFile('imdb-it.csv', italian);
    await writeFile(
      join(temp.dir, 'ratings.csv'),
      crlf(RATINGS, '2024-02-01,Rain,2019,https://boxd.it/F001,1', '2024-02-02,Pioggia,2019,https://boxd.it/F002,2.5'),
    );
    const { stderr } = await films(['import', 'ratings.csv']);
    expect(
      stderr
        .split('\n')
        .filter(Boolean)
        .map((line) => line.slice(0, line.indexOf(' — '))),
    ).toEqual([
      'films: warning: ratings.csv:3: Pioggia (2019) matches 2 films: tt0000001, tt0000002',
      'films: warning: ratings.csv:2: Rain (2019) matches 2 films: tt0000001, tt0000002',
    ]);
    expect(await byFilm()).toEqual([
      ['rain', 'tt0000001', [[7, '', '']], []],
      ['rain-2019', 'tt0000002', [[5, '', '']], []],
      ['pioggia', 'https://boxd.it/F002', [[5, '', '']], []],
      ['rain-2019-2', 'https://boxd.it/F001', [[2, '', '']], []],
    ]);
  });

  it('diary, ratings and watchlist CSVs in every order and as the zip: the entry on the rated film, not the watchlist one; one 4.5★', async () => {
    const files = {
      'diary.csv': crlf(DIARY, '2023-01-05,Rain,2019,https://boxd.it/aaa1,4.5,,,2023-01-04'),
      'ratings.csv': crlf(RATINGS, '2023-01-05,Rain,2019,https://boxd.it/F001,4.5'),
      'watchlist.csv': crlf(WATCHED, '2022-12-02,Rain,2019,https://boxd.it/F010'),
    };
    const names = Object.keys(files) as (keyof typeof files)[];
    const orders = names.flatMap((a) => names.flatMap((b) => names.filter((c) => c !== a && c !== b && a !== b).map((c) => [a, b, c])));
    expect(orders).toHaveLength(6);
    // The slugs follow the order the films came in; what each film holds does not.
    const held = async (store: string) =>
      (await byFilm(store)).map(([, ...rest]) => rest).sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    const expected = [
      ['https://boxd.it/F001', [[9, '2023-01-04', 'https://boxd.it/aaa1']], []],
      ['https://boxd.it/F010', [], [['2022-12-02', false]]],
    ];
    expect((await importZip(files)).stderr).toBe('');
    expect(await held(temp.store)).toEqual(expected);
    for (const order of orders) {
      const store = await importedInOrder(files, order);
      // With ratings.csv last the data is truly ambiguous: the diary row met one "Rain (2019)", the
      // watchlist's (before it or after it), so it is that film, and logging it took it off the watchlist.
      const ambiguous = [
        ['https://boxd.it/F001', [[9, '', '']], []],
        ['https://boxd.it/F010', [[9, '2023-01-04', 'https://boxd.it/aaa1']], []],
      ];
      expect(await held(store), order.join(', ')).toEqual(order[2] === 'ratings.csv' ? ambiguous : expected);
    }
    const both = await films(['list', 'watchlist:yes', 'watched:yes', '--json']);
    expect(JSON.parse(both.stdout)).toEqual([]);
  });
});

describe('Letterboxd entry links are not film URIs (#12 item 2)', () => {
  it('diary rows keep their own link, which never tells films apart and recognises the row again', async () => {
    await importFile(
      'diary.csv',
      crlf(DIARY, '2024-01-02,Rain,2019,https://boxd.it/e1,4,,,2024-01-01', '2024-02-02,Rain,2019,https://boxd.it/e2,3,Yes,,2024-02-01'),
    );
    const rain = await film('rain');
    expect(rain.letterboxdUri).toBeUndefined();
    expect(rain.reviews.map((r) => [r.letterboxdUri, r.watchedDate, r.rating])).toEqual([
      ['https://boxd.it/e2', '2024-02-01', 6],
      ['https://boxd.it/e1', '2024-01-01', 8],
    ]);
    // The same entry, its rating since changed on Letterboxd: the entry is updated, not added.
    const again = await importFile('diary.csv', crlf(DIARY, '2024-01-02,Rain,2019,https://boxd.it/e1,5,,,2024-01-01'));
    expect(again.stdout).toMatch(/reviews 0 added, 1 updated, 0 skipped/);
    const updated = await film('rain');
    expect(updated.reviews.map((r) => [r.id, r.rating])).toEqual([
      [rain.reviews[0]?.id, 6],
      [rain.reviews[1]?.id, 10],
    ]);
  });
});

describe('one rating per person per film (#12 item 3)', () => {
  it('one entry in diary.csv and reviews.csv dated apart: the latest date, one rating, whatever the order (attack 1213 item 3)', async () => {
    const files = {
      'diary.csv': crlf(DIARY, '2023-01-05,Rain,2019,https://boxd.it/e1,4.5,,,2023-01-04'),
      'reviews.csv': crlf(REVIEWS, '2023-01-10,Rain,2019,https://boxd.it/e1,4.5,,Wet.,,2023-01-04'),
      'ratings.csv': crlf(RATINGS, '2023-01-10,Rain,2019,https://boxd.it/F001,4.5'),
    };
    const names = Object.keys(files);
    await importZip(files);
    const fromZip = (await films(['export'])).stdout;
    // One entry, dated by the later Date; ratings.csv's 4.5★ of that day says nothing more.
    expect((await film('rain')).reviews.map((r) => [r.createdAt.slice(0, 10), r.rating, r.text, r.watchedDate ?? ''])).toEqual([
      ['2023-01-10', 9, 'Wet.', '2023-01-04'],
    ]);
    expect(JSON.parse((await films(['show', 'rain', '--json'])).stdout).rating).toMatchObject({ count: 1, average: 9 });
    for (const order of [names, [...names].reverse(), ['reviews.csv', 'diary.csv', 'ratings.csv']]) {
      expect((await films(['export'], await importedInOrder(files, order))).stdout, order.join(', ')).toBe(fromZip);
    }
  });

  it('a rating is counted once: ratings.csv dated after the entry with the same rating; an entry row and a rating row of the import layout (attack 1213 item 6)', async () => {
    await importFile('diary.csv', crlf(DIARY, '2022-03-05,Mirror,1975,https://boxd.it/m1,3,,,2022-03-04'));
    await importFile('ratings.csv', crlf(RATINGS, '2023-06-01,Mirror,1975,https://boxd.it/F009,3'));
    await importFile('layout.csv', crlf('Title,Year,Rating,WatchedDate', 'Stalker,1979,4.5,2024-01-02', 'Stalker,1979,4.5,'));
    for (const slug of ['mirror', 'stalker']) {
      const shown = JSON.parse((await films(['show', slug, '--json'])).stdout) as {
        rating: { count: number; histogram: Record<string, number> };
      };
      expect(shown.rating.count, slug).toBe(1);
      expect(Object.values(shown.rating.histogram).reduce((sum, n) => sum + n, 0)).toBe(1);
    }
    const stats = JSON.parse((await films(['stats', '--json'])).stdout) as { ratings: number };
    expect(stats.ratings).toBe(2);
  });

  const files = {
    'reviews.csv': crlf(REVIEWS, '2024-03-02,Dune,2021,https://boxd.it/d1,4.5,,"<p>Vast &amp; loud.</p>",,2024-03-01'),
    'diary.csv': crlf(
      DIARY,
      '2024-03-02,Dune,2021,https://boxd.it/d1,4.5,,,2024-03-01',
      '2024-03-06,Heat,1995,https://boxd.it/h1,4,,,2024-03-05',
    ),
    'ratings.csv': crlf(
      RATINGS,
      '2024-03-02,Dune,2021,https://boxd.it/dune,4.5',
      '2024-03-06,Heat,1995,https://boxd.it/heat,4',
      '2024-03-08,Alien,1979,https://boxd.it/alien,3',
    ),
  };
  const orders = [
    ['reviews.csv', 'diary.csv', 'ratings.csv'],
    ['reviews.csv', 'ratings.csv', 'diary.csv'],
    ['diary.csv', 'reviews.csv', 'ratings.csv'],
    ['diary.csv', 'ratings.csv', 'reviews.csv'],
    ['ratings.csv', 'reviews.csv', 'diary.csv'],
    ['ratings.csv', 'diary.csv', 'reviews.csv'],
  ] as const;

  it('reviews.csv, diary.csv and ratings.csv in any order give the store the zip gives: one 4.5★ entry, counted once', async () => {
    await importZip(files);
    const fromZip = (await films(['export'])).stdout;
    const dune = await film('dune');
    expect(dune.reviews).toMatchObject([
      { author: 'tess', rating: 9, text: 'Vast & loud.', watchedDate: '2024-03-01', letterboxdUri: 'https://boxd.it/d1' },
    ]);
    expect(dune.reviews).toHaveLength(1);
    expect((await film('alien')).reviews.map((r) => [r.rating, r.text])).toEqual([[6, '']]);
    expect(JSON.parse((await films(['show', 'dune', '--json'])).stdout).rating).toMatchObject({ average: 9, count: 1 });
    for (const order of orders) {
      expect((await films(['export'], await importedInOrder(files, order))).stdout, order.join(', ')).toBe(fromZip);
    }
  });

  it('a rating replaces the person’s earlier one: re-importing an IMDb file after a rating changed there', async () => {
    await importFile('imdb.csv', crlf(IMDB, 'tt0111161,7,2024-01-02,The Shawshank Redemption,u,movie,9.3,142,1994,Drama,3000000,,'));
    const before = await film('the-shawshank-redemption');
    const again = await importFile(
      'imdb.csv',
      crlf(IMDB, 'tt0111161,9,2025-06-01,The Shawshank Redemption,u,movie,9.3,142,1994,Drama,3000000,,'),
    );
    expect(again.stdout).toMatch(/reviews 0 added, 1 updated, 0 skipped/);
    const after = await film('the-shawshank-redemption');
    expect(after.reviews.map((r) => [r.id, r.rating, r.createdAt])).toEqual([[before.reviews[0]?.id, 9, '2025-06-01T00:00:00.000Z']]);
    // An older file changes nothing: the newer rating stays.
    const older = await importFile(
      'old.csv',
      crlf(IMDB, 'tt0111161,5,2023-01-01,The Shawshank Redemption,u,movie,9.3,142,1994,Drama,3000000,,'),
    );
    expect(older.stdout).toMatch(/reviews 0 added, 0 skipped|reviews 0 added, 1 skipped/);
    expect((await film('the-shawshank-redemption')).reviews.map((r) => r.rating)).toEqual([9]);
  });

  it('a plain rating imported before the diary entry that says it is dropped, and says so', async () => {
    await importFile('ratings.csv', files['ratings.csv']);
    const result = await importFile('diary.csv', files['diary.csv']);
    expect(result.stdout).toMatch(
      /reviews 2 added, 0 skipped \(already in the store\), 2 plain ratings dropped \(diary entries give them\)\n$/,
    );
    expect((await film('heat')).reviews.map((r) => [r.rating, r.watchedDate])).toEqual([[8, '2024-03-05']]);
  });
});

describe('Letterboxd as yours, and back (#13 item 6)', () => {
  it('the zip is yours, not the profile’s username; --author names someone else', async () => {
    const zip = join(temp.dir, 'export.zip');
    await writeFile(
      zip,
      zipSync({
        'profile.csv': strToU8('Date Joined,Username\r\n2019-03-01,mara_k\r\n'),
        'diary.csv': strToU8(crlf(DIARY, '2024-01-02,Rain,2019,https://boxd.it/e1,4,,,2024-01-01')),
      }),
    );
    await films(['import', zip]);
    await films(['import', zip, '--author', 'Ann']);
    expect((await film('rain')).reviews.map((r) => r.author).sort()).toEqual(['Ann', 'tess']);
  });

  it('import the export zip, export it as Letterboxd CSV and watchlist, import those into an empty store: the same diary, ratings and watchlist', async () => {
    const names = ['profile.csv', 'reviews.csv', 'diary.csv', 'ratings.csv', 'watched.csv', 'watchlist.csv'];
    const entries: Record<string, Uint8Array> = {};
    for (const name of names) entries[name] = strToU8(await readFile(join(ROOT, 'test', 'fixtures', 'letterboxd', name), 'utf8'));
    const zip = join(temp.dir, 'export.zip');
    await writeFile(zip, zipSync(entries));
    await films(['import', zip]);
    expect((await films(['export', '--format', 'letterboxd', '--out', 'diary-out.csv'])).code).toBe(0);
    expect((await films(['export', '--format', 'letterboxd-watchlist', '--out', 'my-watchlist.csv'])).code).toBe(0);
    const other = join(temp.dir, 'other.json');
    await writeFile(other, EMPTY_STORE);
    await films(['import', 'diary-out.csv'], other);
    await films(['import', 'my-watchlist.csv'], other);
    // By title: the order films were added in is the import's, not part of the diary.
    const yours = (data: StoreData) =>
      [...data.films]
        .sort((a, b) => a.title.localeCompare(b.title))
        .map((f) => ({
          title: f.title,
          year: f.year,
          letterboxdUri: f.letterboxdUri,
          rating: currentRating(f.reviews, 'tess'),
          diary: f.reviews.filter((r) => r.watchedDate).map((r) => [r.watchedDate, r.rating, r.rewatch ?? false, r.tags ?? [], r.text]),
          watchlist: f.marks.some((m) => m.author === 'tess' && m.watchlistedAt !== null),
        }));
    expect(yours(await stored(other))).toEqual(yours(await stored()));
    expect((await films(['export', '--format', 'letterboxd'], other)).stdout).toBe(await readFile(join(temp.dir, 'diary-out.csv'), 'utf8'));
    // Importing them again changes nothing.
    const before = await readFile(other, 'utf8');
    expect((await films(['import', 'diary-out.csv'], other)).stdout).toMatch(/films 0 added, 0 updated, \d+ unchanged; reviews 0 added/);
    await films(['import', 'my-watchlist.csv'], other);
    expect(await readFile(other, 'utf8')).toBe(before);
  });

  it('a rating says you watched it: ratings.csv after watched.csv leaves the film watched, in show and in list (attack 1213 item 4)', async () => {
    await importFile('watched.csv', crlf(WATCHED, '2023-03-05,Stalker,1979,https://boxd.it/F006'));
    await importFile(
      'ratings.csv',
      crlf(RATINGS, '2023-03-05,Stalker,1979,https://boxd.it/F006,5', '2023-03-06,Mirror,1975,https://boxd.it/F009,4'),
    );
    for (const slug of ['stalker', 'mirror']) {
      const shown = JSON.parse((await films(['show', slug, '--json'])).stdout) as { you: { watched: boolean; rating: number } };
      expect(shown.you).toMatchObject({ watched: true, rating: slug === 'stalker' ? 10 : 8 });
    }
    const slugs = async (query: string) =>
      (JSON.parse((await films(['list', query, '--json'])).stdout) as { slug: string }[]).map((f) => f.slug);
    expect((await slugs('watched:yes')).sort()).toEqual(['mirror', 'stalker']);
    expect(await slugs('watched:no')).toEqual([]);
  });

  it('stats --year counts a film logged that year and liked in likes/films.csv as liked (attack 1213, minor)', async () => {
    await importFile('diary.csv', crlf(DIARY, '2023-03-01,Amélie,2001,https://boxd.it/aaa5,5,,,2023-02-28'));
    await importFile('likes.csv', crlf(WATCHED, '2023-03-01,Amélie,2001,https://boxd.it/F005'));
    const year = JSON.parse((await films(['stats', '--year', '2023', '--json'])).stdout) as { entries: number; liked: number };
    expect(year).toMatchObject({ entries: 1, liked: 1 });
  });

  it('watched.csv marks films watched, watchlist.csv fills your watchlist, likes/films.csv likes them', async () => {
    const zip = join(temp.dir, 'export.zip');
    await writeFile(
      zip,
      zipSync({
        'letterboxd-tess-2026/watched.csv': strToU8(crlf(WATCHED, '2024-01-01,Heat,1995,https://boxd.it/heat')),
        'letterboxd-tess-2026/watchlist.csv': strToU8(crlf(WATCHED, '2024-01-02,Alien,1979,https://boxd.it/alien')),
        'letterboxd-tess-2026/likes/films.csv': strToU8(crlf(WATCHED, '2024-01-03,Heat,1995,https://boxd.it/heat')),
        'letterboxd-tess-2026/deleted/diary.csv': strToU8(crlf(DIARY, '2024-01-02,Rain,2019,https://boxd.it/e1,4,,,2024-01-01')),
      }),
    );
    expect((await films(['import', zip])).stdout).toBe(
      'Imported: films 2 added, 0 updated, 0 unchanged; reviews 0 added, 0 skipped (already in the store); marked 1 on a watchlist, 1 watched, 1 liked\n',
    );
    const { films: all } = await stored();
    expect(all.map((f) => [f.slug, f.marks])).toEqual([
      ['alien', [{ author: 'tess', watchlistedAt: '2024-01-02T00:00:00.000Z', watched: false, liked: false }]],
      ['heat', [{ author: 'tess', watchlistedAt: null, watched: true, liked: true }]],
    ]);
  });
});

describe('IMDb, fully (#12 item 7)', () => {
  const ITALIAN =
    'Const,Your Rating,Date Rated,Title,Original Title,URL,Title Type,IMDb Rating,Runtime (mins),Year,Genres,Num Votes,Release Date,Directors,Main Actors\r\n' +
    'tt0075686,8,2025-11-09,Io e Annie,Annie Hall,https://www.imdb.com/title/tt0075686,Film,7.9,93,1977,"Sentimentale, Commedia",288672,1977-09-02,Woody Allen,"Woody Allen, Diane Keaton"\r\n' +
    'tt3647998,6,2025-10-10,Taboo,Taboo,https://www.imdb.com/title/tt3647998,Serie TV,8.3,60,2017,"Drammatico, Thriller",160127,2017-01-07,,"Tom Hardy"\r\n';

  it('a localised export: the original title, the local one beside it and found by it, the title type shown', async () => {
    await importFile('ratings.csv', ITALIAN);
    const annie = await film('annie-hall');
    expect(annie).toMatchObject({
      title: 'Annie Hall',
      localTitle: 'Io e Annie',
      titleType: 'movie',
      cast: ['Woody Allen', 'Diane Keaton'],
    });
    const shown = await films(['show', 'io e annie']);
    expect(shown.stdout).toMatch(/Title +│ Annie Hall/);
    expect(shown.stdout).toMatch(/Also known as +│ Io e Annie/);
    expect(shown.stdout).toMatch(/Type +│ film /);
    const listed = await films(['list', 'type:tv']);
    expect(listed.stdout).toContain('taboo (TV series)');
    expect(listed.stdout).not.toContain('annie-hall');
    expect((await films(['list', 'title:annie', '--json'])).stdout).toContain('"localTitle": "Io e Annie"');
  });

  it('an IMDb watchlist export: its titles on your watchlist, none rated', async () => {
    const text =
      'Position,Const,Created,Modified,Description,Title,URL,Title Type,IMDb Rating,Runtime (mins),Year,Genres,Num Votes,Release Date,Directors\n' +
      '1,tt0111161,2024-01-05,2024-01-05,,The Shawshank Redemption,https://www.imdb.com/title/tt0111161/,movie,9.3,142,1994,Drama,2900000,1994-10-14,Frank Darabont\n';
    const result = await importFile('WATCHLIST.csv', text);
    expect(result.stdout).toBe(
      'Imported: films 1 added, 0 updated, 0 unchanged; reviews 0 added, 0 skipped (already in the store); marked 1 on a watchlist\n',
    );
    expect(await film('the-shawshank-redemption')).toMatchObject({
      reviews: [],
      marks: [{ author: 'tess', watchlistedAt: '2024-01-05T00:00:00.000Z', watched: false, liked: false }],
    });
  });
});

describe('refusals of the Letterboxd and IMDb ways in', () => {
  it('--watchlist on an entry file, or on a page, is refused in one line and the store is left as it was', async () => {
    await writeFile(join(temp.dir, 'diary.csv'), crlf(DIARY, '2024-01-02,Rain,2019,https://boxd.it/e1,4,,,2024-01-01'));
    expect(await films(['import', 'diary.csv', '--watchlist'])).toEqual({
      code: 1,
      stdout: '',
      stderr:
        "films: diary.csv is Letterboxd's diary.csv, not a list of films: --watchlist does not fit it — import it without --watchlist\n",
    });
    await writeFile(join(temp.dir, 'page.txt'), 'Leviathan\nRussia\n1 people rated x\nDrama\nCast (0)\n');
    expect(await films(['import', 'page.txt', '--watchlist'])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/^films: --watchlist is for a list of films/),
    });
    expect(await readFile(temp.store, 'utf8')).toBe(EMPTY_STORE);
  });

  it('bad rows of the import layout and of IMDb lists are file:line lines, nothing imported', async () => {
    await writeFile(
      join(temp.dir, 'x.csv'),
      crlf(
        'Title,Year,imdbID,tmdbID,Rating10,Rating,WatchedDate,Rewatch',
        'Rain,2019,t1,x1,11,,2099-01-01,maybe',
        ',,,,,,,',
        'Dune,2021,,,,6,,',
      ),
    );
    const result = await films(['import', 'x.csv']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'x.csv:2: "t1" is not an IMDb id (tt followed by digits); "x1" is not a TMDB id (digits); rating "11" is not a whole number from 1 to 10; ' +
        'WatchedDate "2099-01-01" is in the future; Rewatch "maybe" is neither yes nor no\n' +
        'x.csv:3: the film has no title\n' +
        'x.csv:4: rating "6" is not a Letterboxd rating (0.5 to 5 in half stars)\n' +
        'films: x.csv has 3 bad rows; nothing was imported — fix them, or pass --skip-invalid to import the rest\n',
    );
    expect(await readFile(temp.store, 'utf8')).toBe(EMPTY_STORE);
  });

  it('says whose diary an export to a file holds', async () => {
    await importFile('diary.csv', crlf(DIARY, '2024-01-02,Rain,2019,https://boxd.it/e1,4,,,2024-01-01'));
    expect((await films(['export', '--format', 'letterboxd', '--out', 'out.csv'])).stderr).toBe(
      `Exported the diary and ratings of tess to ${join(temp.dir, 'out.csv')}\n`,
    );
    expect((await films(['export', '--format', 'letterboxd-watchlist', '--author', 'Ann', '--out', 'w.csv'])).stderr).toBe(
      `Exported the watchlist of Ann to ${join(temp.dir, 'w.csv')}\n`,
    );
  });
});
