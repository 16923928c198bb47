import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import fc from 'fast-check';
import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../src/commands/import.js';
import { mergeFilms } from '../../src/domain/merge.js';
import { DataError } from '../../src/errors.js';
import { exportCsv } from '../../src/formats/csv-export.js';
import { exportLetterboxd } from '../../src/formats/letterboxd-export.js';
import { parseExportJson } from '../../src/formats/json-import.js';
import { htmlToText } from '../../src/formats/fields.js';
import { parseImdbCsv } from '../../src/formats/imdb.js';
import { parseLetterboxdCsv, parseLetterboxdZip } from '../../src/formats/letterboxd.js';
import { exportDocument, exportNdjson } from '../../src/formats/json-export.js';
import { FILM_KEYS, MARK_KEYS, REVIEW_KEYS, STORE_KEYS, type Film, type StoreData } from '../../src/domain/model.js';
import { emptyStore } from '../../src/store/schema.js';
import { checkFilm, checkStoreText } from '../../src/store/validate.js';
import { serializeStore } from '../../src/store/file.js';
import { ROOT } from '../helpers/cli.js';

const NOW = new Date('2026-01-01T00:00:00.000Z');
const fixture = (path: string): string => readFileSync(join(ROOT, 'test', 'fixtures', path), 'utf8');
const LETTERBOXD = ['profile.csv', 'reviews.csv', 'diary.csv', 'ratings.csv', 'watched.csv', 'watchlist.csv'];
const zip = (): Uint8Array => zipSync(Object.fromEntries(LETTERBOXD.map((name) => [name, strToU8(fixture(`letterboxd/${name}`))])));

describe('Letterboxd CSV files', () => {
  it('reviews.csv: half stars ×2, dates, HTML to text, quoted commas, "", line breaks, emoji, tags, rewatch', () => {
    const batch = parseLetterboxdCsv(fixture('letterboxd/reviews.csv'), 'reviews.csv', 'mara', NOW);
    expect(batch.problems).toEqual([]);
    expect(batch.films.map((f) => [f.title, f.year])).toEqual([
      ['Dear Comrades!', 2020],
      ['Come and See', 1985],
      ['Amélie', 2001],
    ]);
    const [dear, come, amelie] = batch.films;
    expect(dear?.reviews).toEqual([
      {
        author: 'mara',
        createdAt: '2021-03-04T00:00:00.000Z',
        rating: 9,
        spoiler: false,
        watchedDate: '2021-03-03',
        tags: ['soviet history'],
        text: 'Stark, brilliant black & white.\nYuliya Vysotskaya is "astonishing".\n\nSecond paragraph — Новочеркасск, 1962. 🎬',
      },
    ]);
    expect(come?.reviews[0]).toMatchObject({ rating: 10, rewatch: true, tags: ['war', 'soviet'], text: 'Unbearable.\n\nEssential.' });
    expect(amelie?.reviews[0]).toMatchObject({ rating: null, text: 'Charming, if sugary.' });
    expect(dear?.letterboxdUri).toBeUndefined();
  });

  it('ratings.csv and watched.csv name the film URI; diary rows without a rating only add the film', () => {
    const ratings = parseLetterboxdCsv(fixture('letterboxd/ratings.csv'), 'ratings.csv', 'mara', NOW);
    expect(ratings.films.find((f) => f.title === "Ivan's Childhood")).toMatchObject({
      year: 1962,
      letterboxdUri: 'https://letterboxd.com/film/ivans-childhood/',
      reviews: [{ rating: 7, text: '' }],
    });
    const diary = parseLetterboxdCsv(fixture('letterboxd/diary.csv'), 'diary.csv', 'mara', NOW);
    expect(diary.films.find((f) => f.title === 'Solaris')?.reviews).toEqual([]);
    expect(diary.ignored).toEqual(['diary.csv:5: no rating and no review (the film is added)']);
    expect(parseLetterboxdCsv(fixture('letterboxd/watchlist.csv'), 'watchlist.csv', 'mara', NOW).films).toMatchObject([
      { title: 'The Cranes Are Flying', year: 1957, reviews: [] },
    ]);
  });

  it('the export zip: the profile names the author, and each file skips what an earlier one said', () => {
    const batch = parseLetterboxdZip(zip(), 'export.zip', null, 'fallback', NOW);
    expect(batch.problems).toEqual([]);
    expect(batch.films).toHaveLength(7);
    const reviews = batch.films.flatMap((f) => f.reviews.map((r) => [f.title, r.author, r.rating, r.text.slice(0, 12)]));
    expect(reviews).toEqual([
      ['Dear Comrades!', 'mara_k', 9, 'Stark, brill'],
      ['Come and See', 'mara_k', 10, 'Unbearable.\n'],
      ['Amélie', 'mara_k', null, 'Charming, if'],
      ['Stalker', 'mara_k', 8, ''],
      ["Ivan's Childhood", 'mara_k', 7, ''],
    ]);
    expect(batch.ignored).toHaveLength(6);
    expect(parseLetterboxdZip(zip(), 'export.zip', 'given', 'fallback', NOW).films[0]?.reviews[0]?.author).toBe('given');
  });

  it('bad rows are reported as file:line with what is wrong', () => {
    const batch = parseLetterboxdCsv(fixture('letterboxd/ratings-bad.csv'), 'ratings-bad.csv', 'mara', NOW);
    expect(batch.problems).toEqual([
      'ratings-bad.csv:3: date "2022-13-20" is not a real date',
      'ratings-bad.csv:4: the film has no name',
      'ratings-bad.csv:5: rating "7" is not a Letterboxd rating (0.5 to 5 in half stars)',
    ]);
    expect(batch.films.map((f) => f.title)).toEqual(['Dear Comrades!', 'Solaris']);
  });

  it('counts a quoted CRLF line break once, as Letterboxd writes them, and skipped empty lines', () => {
    const rows = [
      'Date,Name,Year,Letterboxd URI,Rating,Rewatch,Review,Tags,Watched Date',
      '2021-01-01,A,2000,u,4,,"one\r\ntwo\r\n\r\nthree",,',
      '',
      '2021-01-02,B,2000,u,9,,"x",,',
      '2021-01-03,C,2000,u,4,,"a\rb",,',
      '2021-01-04,D,2000,u,8,,y,,',
    ];
    expect(parseLetterboxdCsv(rows.join('\r\n'), 'r.csv', 'm', NOW).problems).toEqual([
      'r.csv:7: rating "9" is not a Letterboxd rating (0.5 to 5 in half stars)',
      'r.csv:10: rating "8" is not a Letterboxd rating (0.5 to 5 in half stars)',
    ]);
    expect(() => parseLetterboxdCsv(`${rows.slice(0, 3).join('\r\n')}\r\n2021-01-02,"B"x,2000\r\n`, 'r.csv', 'm', NOW)).toThrow(
      /^r\.csv:7: not a readable CSV file/,
    );
  });

  it('counts lines across quoted line breaks', () => {
    const text =
      'Date,Name,Year,Letterboxd URI,Rating,Rewatch,Review,Tags,Watched Date\n2021-01-01,A,2000,u,4,,"one\ntwo\nthree",,\n2021-01-02,B,2000,u,9,,"x",,\n';
    expect(parseLetterboxdCsv(text, 'r.csv', 'm', NOW).problems).toEqual([
      'r.csv:5: rating "9" is not a Letterboxd rating (0.5 to 5 in half stars)',
    ]);
  });

  it('turns review HTML into text', () => {
    expect(htmlToText('<p>One &amp; two</p><p>Three<br>four &#233; &#x1F3AC; &unknown;</p>')).toBe(
      'One & two\n\nThree\nfour é 🎬 &unknown;',
    );
  });

  it('decodes every HTML entity, keeps &nbsp; as a plain space and link targets as "text (url)"', () => {
    expect(htmlToText('It&rsquo;s &hellip; &mdash; caf&eacute; &frac12;&nbsp;star&nbsp;&#160;&#xA0;&nbspend &copy; &lt;3')).toBe(
      'It’s … — café ½ star    end © <3',
    );
    expect(
      htmlToText(
        '<p>See <a href="https://en.wikipedia.org/wiki/Novocherkassk_massacre?a=1&amp;b=2" rel="nofollow">the <b>massacre</b></a>, ' +
          "<a href='https://boxd.it/x'>https://boxd.it/x</a> and <a href=https://a.org></a>.</p>",
      ),
    ).toBe('See the massacre (https://en.wikipedia.org/wiki/Novocherkassk_massacre?a=1&b=2), https://boxd.it/x and https://a.org.');
  });
});

describe('IMDb ratings export', () => {
  it.each(['imdb/ratings-classic.csv', 'imdb/ratings-2024.csv'])(
    '%s: ids, ratings, dates, genres, votes; BOM, CRLF and empty runtimes',
    (file) => {
      const batch = parseImdbCsv(fixture(file), file, 'mara', NOW);
      expect(batch.problems).toEqual([]);
      const dear = batch.films.find((f) => f.imdbId === 'tt10044952');
      expect(dear).toMatchObject({
        title: 'Dear Comrades!',
        year: 2020,
        genres: ['Drama', 'History'],
        ratingsCount: 6367,
        reviews: [{ author: 'mara', rating: 8, text: '' }],
      });
      expect(batch.films.find((f) => f.imdbId === 'tt0903747')).toMatchObject({
        title: 'Breaking Bad',
        year: 2008,
        ratingsCount: 2_100_000,
      });
    },
  );

  it('refuses bad rows with file:line', () => {
    const text =
      'Const,Your Rating,Date Rated,Title,URL,Title Type,IMDb Rating,Runtime (mins),Year,Genres,Num Votes,Release Date,Directors\nxx1,11,2020-02-30,,u,movie,7,,20x,,,,\n';
    expect(parseImdbCsv(text, 'r.csv', 'm', NOW).problems).toEqual([
      'r.csv:2: "xx1" is not an IMDb id (tt followed by digits); the film has no title; rating "11" is not a whole number from 1 to 10; ' +
        'date rated "2020-02-30" is not a real date; year "20x" is not a year',
    ]);
  });
});

describe('format detection', () => {
  it('tells every format from its content', async () => {
    const bytes = (text: string) => new TextEncoder().encode(text);
    expect(await detectFormat('x', zip())).toBe('letterboxd');
    expect(await detectFormat('x', bytes('\uFEFF{"version":1,"films":[]}'))).toBe('json');
    expect(await detectFormat('x', bytes(fixture('imdb/ratings-classic.csv')))).toBe('imdb');
    expect(await detectFormat('x', bytes(fixture('imdb/ratings-2024.csv')))).toBe('imdb');
    expect(await detectFormat('x', bytes(fixture('letterboxd/diary.csv')))).toBe('letterboxd');
    expect(await detectFormat('x', bytes(fixture('dear-comrades.page.txt')))).toBe('page');
    await expect(detectFormat('x.dat', bytes('hello'))).rejects.toThrow(/cannot tell the format of x\.dat/);
  });
});

describe('our own export', () => {
  it('drops prototype keys with a warning and reads films; NDJSON too', () => {
    const text = '{"version":1,"__proto__":{"polluted":1},"films":[]}';
    const batch = parseExportJson(text, 'e.json', checkFilm);
    expect(batch.warnings).toEqual(['e.json: ignored the key "__proto__": such keys are not allowed']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const doc = JSON.parse(fixture('../../data/films.json'));
    expect(parseExportJson(exportNdjson(doc.films), 'e.ndjson', checkFilm).films).toHaveLength(1);
  });
  it('reports invalid films with their paths', () => {
    expect(parseExportJson('{"version":1,"films":[{"title":"x"}]}', 'e.json', checkFilm).problems[0]).toMatch(
      /^e\.json: films\[0\]\.slug: /,
    );
    expect(() => parseExportJson('{"version":3,"films":[]}', 'e.json', checkFilm)).toThrow(/export version 3/);
    expect(() => parseExportJson('nope', 'e.json', checkFilm)).toThrow(DataError);
  });
});

/** Stores of every shape the schema allows: emoji, Cyrillic, several paragraphs, spoilers, Letterboxd fields. */
const text = fc.string({ unit: 'grapheme', maxLength: 40 });
const reviewArb = fc.record({
  author: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }).filter((s) => s.trim() === s && s.length > 0),
  createdAt: fc.date({ min: new Date('1990-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
  rating: fc.option(fc.integer({ min: 1, max: 10 }), { nil: null }),
  text: fc.array(text, { maxLength: 3 }).map((paragraphs) => paragraphs.join('\n\n')),
  spoiler: fc.boolean(),
  watchedDate: fc.option(fc.constantFrom('2020-01-01', '2023-06-09'), { nil: undefined }),
  rewatch: fc.option(fc.constant(true), { nil: undefined }),
  liked: fc.option(fc.boolean(), { nil: undefined }),
  tags: fc.option(fc.array(fc.constantFrom('war', 'русское', '🎬'), { minLength: 1, maxLength: 2 }), { nil: undefined }),
  letterboxdUri: fc.option(
    fc.nat().map((n) => `https://boxd.it/${n.toString(36)}`),
    { nil: undefined },
  ),
});
const markArb = fc.record({
  author: fc.constantFrom('Ann', 'Бо', '🎬 fan'),
  watchlistedAt: fc.option(
    fc.date({ min: new Date('2000-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
    { nil: null },
  ),
  watched: fc.boolean(),
  liked: fc.boolean(),
});
const storeArb = fc
  .array(
    fc.record({
      title: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }).filter((s) => s.trim().length > 0),
      year: fc.option(fc.integer({ min: 1900, max: 2030 }), { nil: null }),
      countries: fc.array(text, { maxLength: 2 }),
      genres: fc.array(text, { maxLength: 2 }),
      synopsis: text,
      cast: fc.array(text, { maxLength: 2 }),
      ratingsCount: fc.option(fc.nat(), { nil: null }),
      imdbId: fc.option(
        fc.integer({ min: 1, max: 9_999_999 }).map((n) => `tt${n}`),
        { nil: undefined },
      ),
      reviews: fc.array(reviewArb, { maxLength: 4 }),
      marks: fc.array(markArb, { maxLength: 3 }),
    }),
    { maxLength: 5 },
  )
  .map((films): StoreData => {
    let data = emptyStore();
    for (const film of films) {
      const { reviews, imdbId, marks, ...details } = film;
      const clean = (review: (typeof reviews)[number]) =>
        Object.fromEntries(Object.entries(review).filter(([, v]) => v !== undefined)) as Film['reviews'][number];
      data = mergeFilms(data, [
        { ...details, castCount: details.cast.length, related: [], ...(imdbId ? { imdbId } : {}), reviews: reviews.map(clean), marks },
      ]).data;
    }
    return data;
  });

describe('round trips are lossless', () => {
  it('export → import into an empty store → export gives identical bytes', () => {
    fc.assert(
      fc.property(storeArb, (data) => {
        const first = exportDocument(data.films);
        const batch = parseExportJson(first, 'e.json', checkFilm);
        expect(batch.problems).toEqual([]);
        const reimported = mergeFilms(emptyStore(), batch.films, batch.mode).data;
        expect(exportDocument(reimported.films)).toBe(first);
        expect(checkStoreText(serializeStore(reimported)).ok).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("the store writer, a film at a time, keeps every value, in the model key order, with JSON.stringify's layout", () => {
    const inOrder = (value: object, keys: readonly string[]): boolean => {
      const present = Object.keys(value);
      return present.join() === keys.filter((key) => present.includes(key)).join();
    };
    fc.assert(
      fc.property(storeArb, (store) => {
        const text = serializeStore(store);
        const parsed = JSON.parse(text) as StoreData;
        expect(parsed).toEqual(JSON.parse(JSON.stringify(store)));
        expect(text).toBe(`${JSON.stringify(parsed, null, 2)}\n`);
        expect(inOrder(parsed, STORE_KEYS)).toBe(true);
        for (const film of parsed.films) {
          expect(inOrder(film, FILM_KEYS)).toBe(true);
          for (const review of film.reviews) expect(inOrder(review, REVIEW_KEYS)).toBe(true);
          for (const mark of film.marks) expect(inOrder(mark, MARK_KEYS)).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('importing the same export twice changes nothing', () => {
    fc.assert(
      fc.property(storeArb, (data) => {
        const batch = parseExportJson(exportDocument(data.films), 'e.json', checkFilm);
        const once = mergeFilms(emptyStore(), batch.films).data;
        expect(mergeFilms(once, batch.films).data).toBe(once);
      }),
      { numRuns: 200 },
    );
  });

  it('the CSV exports write one parseable row per review', () => {
    fc.assert(
      fc.property(storeArb, (data) => {
        const reviews = data.films.reduce((sum, f) => sum + f.reviews.length, 0);
        const empty = data.films.filter((f) => f.reviews.length === 0).length;
        const csvRows = parseLetterboxdCsvRows(exportCsv(data.films));
        expect(csvRows).toBe(reviews + empty);
        expect(parseLetterboxdCsvRows(exportLetterboxd(data.films))).toBe(reviews);
      }),
      { numRuns: 100 },
    );
  });
});

function parseLetterboxdCsvRows(text: string): number {
  return parseCsv(text, { relax_column_count: false }).length - 1;
}

describe('fuzzing the CSV importers', () => {
  it('arbitrary text is imported or refused with a DataError, never a crash', () => {
    const header = fc.constantFrom(
      '',
      'Date,Name,Year,Letterboxd URI,Rating\n',
      'Const,Your Rating,Date Rated,Title\n',
      'Date,Name,Year,Letterboxd URI,Rating,Rewatch,Review,Tags,Watched Date\n',
    );
    fc.assert(
      fc.property(header, fc.string({ unit: 'binary', maxLength: 300 }), (head, body) => {
        for (const parse of [parseLetterboxdCsv, parseImdbCsv]) {
          try {
            const batch = parse(head + body, 'f.csv', 'me', NOW);
            const { data } = mergeFilms(emptyStore(), batch.films, batch.mode);
            expect(checkStoreText(serializeStore(data)).ok).toBe(true);
          } catch (error) {
            expect(error).toBeInstanceOf(DataError);
          }
        }
      }),
      { numRuns: 1500 },
    );
  });
});
