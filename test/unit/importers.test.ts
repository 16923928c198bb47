import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import fc from 'fast-check';
import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../src/commands/import.js';
import { mergeFilms } from '../../src/domain/merge.js';
import { readAuthor } from '../../src/domain/rules.js';
import { DataError } from '../../src/errors.js';
import { exportCsv } from '../../src/formats/csv-export.js';
import { parseExportJson } from '../../src/formats/json-import.js';
import { htmlToText } from '../../src/formats/fields.js';
import { parseImdbCsv } from '../../src/formats/imdb.js';
import { parseLetterboxdCsv, parseLetterboxdZip } from '../../src/formats/letterboxd.js';
import { exportDocument, exportNdjson, storeJsonChunks } from '../../src/formats/json-export.js';
import { FILM_KEYS, MARK_KEYS, REVIEW_KEYS, STORE_KEYS, STORE_VERSION, type Film, type StoreData } from '../../src/domain/model.js';
import { emptyStore } from '../../src/store/schema.js';
import { checkFilm, checkStoreText } from '../../src/store/validate.js';
import { serializeStore } from '../../src/store/file.js';
import { ROOT } from '../helpers/cli.js';
import { cpuMsSince } from '../helpers/cpu-time.js';

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
        letterboxdUri: 'https://boxd.it/1qXzAb',
        text: 'Stark, brilliant black & white.\nYuliya Vysotskaya is "astonishing".\n\nSecond paragraph — Новочеркасск, 1962. 🎬',
      },
    ]);
    expect(come?.reviews[0]).toMatchObject({ rating: 10, rewatch: true, tags: ['war', 'soviet'], text: 'Unbearable.\n\nEssential.' });
    expect(amelie?.reviews[0]).toMatchObject({ rating: null, text: 'Charming, if sugary.' });
    expect(dear?.letterboxdUri).toBeUndefined();
  });

  it('ratings.csv and the lists name the film URI; diary.csv and reviews.csv rows keep their entry link', () => {
    const ratings = parseLetterboxdCsv(fixture('letterboxd/ratings.csv'), 'ratings.csv', 'mara', NOW);
    expect(ratings.films.find((f) => f.title === "Ivan's Childhood")).toMatchObject({
      year: 1962,
      letterboxdUri: 'https://letterboxd.com/film/ivans-childhood/',
      reviews: [{ rating: 7, text: '' }],
    });
    const diary = parseLetterboxdCsv(fixture('letterboxd/diary.csv'), 'diary.csv', 'mara', NOW);
    const solaris = diary.films.find((f) => f.title === 'Solaris');
    expect(solaris?.letterboxdUri).toBeUndefined();
    expect(solaris?.reviews).toEqual([
      {
        author: 'mara',
        createdAt: '2023-07-01T00:00:00.000Z',
        rating: null,
        text: '',
        spoiler: false,
        watchedDate: '2023-06-30',
        letterboxdUri: 'https://boxd.it/5eFgHi',
      },
    ]);
    expect(parseLetterboxdCsv(fixture('letterboxd/watchlist.csv'), 'watchlist.csv', 'mara', NOW).films).toMatchObject([
      {
        title: 'The Cranes Are Flying',
        year: 1957,
        letterboxdUri: 'https://letterboxd.com/film/the-cranes-are-flying/',
        reviews: [],
        marks: [{ author: 'mara', watchlistedAt: '2024-05-05T00:00:00.000Z', watched: false, liked: false }],
      },
    ]);
    const watched = parseLetterboxdCsv(fixture('letterboxd/watchlist.csv'), 'seen.csv', 'mara', NOW);
    expect(watched.films[0]?.marks).toEqual([{ author: 'mara', watchlistedAt: null, watched: true, liked: false }]);
    const liked = parseLetterboxdCsv(fixture('letterboxd/watchlist.csv'), 'export/likes/films.csv', 'mara', NOW);
    expect(liked.films[0]?.marks).toEqual([{ author: 'mara', watchlistedAt: null, watched: false, liked: true }]);
    const asked = parseLetterboxdCsv(fixture('letterboxd/watchlist.csv'), '-', 'mara', NOW, { watchlist: true });
    expect(asked.films[0]?.marks[0]?.watchlistedAt).toBe('2024-05-05T00:00:00.000Z');
  });

  it("Letterboxd's import layout: Rating in half stars or Rating10, LetterboxdURI and tmdbID the film's, Directors ignored", () => {
    const text =
      'LetterboxdURI,tmdbID,Title,Year,Directors,Rating,Rating10,WatchedDate,Rewatch,Tags,Review\n' +
      'https://boxd.it/rain,603,Rain,2019,"Ann, Bo",3.5,,2024-01-01,true,"home, 2020s","Line one.\r\nLine two  "\n' +
      'https://boxd.it/rain,603,Rain,2019,"Ann, Bo",,9,,,,\n' +
      'https://boxd.it/dune,,Dune,2021,,,,,,,\n';
    const batch = parseLetterboxdCsv(text, 'x.csv', 'me', NOW);
    expect(batch.problems).toEqual([]);
    expect(batch.films).toMatchObject([
      {
        title: 'Rain',
        letterboxdUri: 'https://boxd.it/rain',
        tmdbId: '603',
        reviews: [
          {
            rating: 7,
            watchedDate: '2024-01-01',
            rewatch: true,
            tags: ['home', '2020s'],
            text: 'Line one.\nLine two',
            createdAt: '2024-01-01T00:00:00.000Z',
          },
          { rating: 9, text: '', createdAt: NOW.toISOString() },
        ],
      },
      { title: 'Dune', reviews: [], marks: [{ author: 'me', watched: true, watchlistedAt: null, liked: false }] },
    ]);
    expect(batch.films[0]?.reviews[1]?.watchedDate).toBeUndefined();
  });

  it('a reviews.csv row without a watched date stays a review', () => {
    const text = `Date,Name,Year,Letterboxd URI,Rating,Rewatch,Review,Tags,Watched Date\n2024-02-02,Rain,2019,https://boxd.it/r1,,,<p>Soaked.</p>,,\n`;
    expect(parseLetterboxdCsv(text, 'reviews.csv', 'me', NOW).films[0]?.reviews).toEqual([
      {
        author: 'me',
        createdAt: '2024-02-02T00:00:00.000Z',
        rating: null,
        text: 'Soaked.',
        spoiler: false,
        letterboxdUri: 'https://boxd.it/r1',
      },
    ]);
  });

  it("an older export's entry links name their film", () => {
    const text =
      'Date,Name,Year,Letterboxd URI,Rating,Rewatch,Tags,Watched Date\n2019-01-02,Rain,2019,https://letterboxd.com/mara/film/rain-2019/1/,4,,,2019-01-01\n';
    expect(parseLetterboxdCsv(text, 'diary.csv', 'mara', NOW).films[0]).toMatchObject({
      letterboxdUri: 'https://letterboxd.com/film/rain-2019/',
      reviews: [{ letterboxdUri: 'https://letterboxd.com/mara/film/rain-2019/1/', watchedDate: '2019-01-01', rating: 8 }],
    });
  });

  it('the export zip: yours, every entry once with its text, ratings.csv only where it says more, the lists as marks', () => {
    const batch = parseLetterboxdZip(zip(), 'export.zip', 'tess', NOW, 1e8);
    expect(batch.problems).toEqual([]);
    const { data, result } = mergeFilms(emptyStore(), batch.films, batch.mode);
    expect(result).toMatchObject({ reviewsAdded: 6, reviewsSkipped: 5, reviewsUpdated: 0, reviewsRemoved: 0 });
    const summary = data.films.map((f) => [
      f.slug,
      f.letterboxdUri ?? '',
      f.reviews.map((r) => [r.author, r.rating, r.watchedDate ?? '', r.text.slice(0, 12), r.letterboxdUri ?? '']),
      f.marks.map((m) => [m.author, m.watchlistedAt, m.watched]),
    ]);
    expect(summary).toEqual([
      [
        'come-and-see',
        'https://letterboxd.com/film/come-and-see/',
        [['tess', 10, '2022-11-19', 'Unbearable.\n', 'https://boxd.it/2bCdEf']],
        [],
      ],
      [
        'dear-comrades',
        'https://letterboxd.com/film/dear-comrades/',
        [['tess', 9, '2021-03-03', 'Stark, brill', 'https://boxd.it/1qXzAb']],
        [],
      ],
      ['ivans-childhood', 'https://letterboxd.com/film/ivans-childhood/', [['tess', 7, '', '', '']], []],
      ['solaris', 'https://letterboxd.com/film/solaris/', [['tess', null, '2023-06-30', '', 'https://boxd.it/5eFgHi']], []],
      ['stalker', 'https://letterboxd.com/film/stalker/', [['tess', 8, '2023-06-09', '', 'https://boxd.it/4dEfGh']], []],
      ['the-cranes-are-flying', 'https://letterboxd.com/film/the-cranes-are-flying/', [], [['tess', '2024-05-05T00:00:00.000Z', false]]],
      // Rows without a film id come after those with one (they are matched against every film the zip names).
      ['amelie', '', [['tess', null, '2023-01-04', 'Charming, if', 'https://boxd.it/3cDeFg']], []],
    ]);
    expect(data.films.find((f) => f.slug === 'come-and-see')?.reviews[0]).toMatchObject({ rewatch: true, tags: ['war', 'soviet'] });
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

  it('a break written both ways, <br/> and then a line break, is one line break; lone line breaks are kept (real exports write paragraphs so)', () => {
    expect(htmlToText('First &amp; more.<br/>\r\nSecond<br />\nThird<br>Fourth')).toBe('First & more.\nSecond\nThird\nFourth');
    expect(htmlToText('Una fecha...\n\nLa fecha: September 11, 2001.')).toBe('Una fecha...\n\nLa fecha: September 11, 2001.');
    expect(htmlToText('Two<br/><br/>\nbreaks')).toBe('Two\n\nbreaks');
  });

  it('reads hostile review HTML at the length limit in linear time: unclosed tags and links, entities', () => {
    // Each took minutes (quadratic backtracking) before tags were bounded by the next < or >.
    const started = process.cpuUsage();
    for (const unit of ['<a href=x>', '<b', '<a href="', '</p> <p', '<p x', '<a href=x>y</a>', '&#', '<a href=x><a href=y>']) {
      const text = htmlToText(unit.repeat(Math.floor(100_000 / unit.length)));
      expect(text.length).toBeLessThanOrEqual(200_000);
    }
    expect(htmlToText('<a href="https://a.org">one <a href="https://b.org">two</a>')).toBe('one two (https://a.org)');
    expect(cpuMsSince(started)).toBeLessThan(5_000);
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

describe('IMDb exports', () => {
  it.each([
    ['imdb/ratings-classic.csv', { title: 'Dear Comrades!', titleType: 'movie' }],
    ['imdb/ratings-2024.csv', { title: 'Dorogie tovarishchi!', localTitle: 'Dear Comrades!', titleType: 'movie' }],
  ])('%s: ids, ratings, dates, genres, votes, title types; BOM, CRLF and empty runtimes', (file, names) => {
    const batch = parseImdbCsv(fixture(file), file, 'mara', NOW);
    expect(batch.problems).toEqual([]);
    const dear = batch.films.find((f) => f.imdbId === 'tt10044952');
    expect(dear).toMatchObject({
      ...names,
      year: 2020,
      genres: ['Drama', 'History'],
      ratingsCount: 6367,
      reviews: [{ author: 'mara', rating: 8, text: '' }],
    });
    expect(batch.films.find((f) => f.imdbId === 'tt0903747')).toMatchObject({
      title: 'Breaking Bad',
      year: 2008,
      titleType: 'tvSeries',
      ratingsCount: 2_100_000,
    });
    expect(batch.films.find((f) => f.imdbId === 'tt0903747')?.localTitle).toBeUndefined();
  });

  it('the layout before 2017: C times, "You rated", "Title type", old genre names', () => {
    const text =
      '"position","const","created","modified","description","Title","Title type","Directors","You rated","IMDb Rating","Runtime (mins)","Year","Genres","Num. Votes","Release Date (month/day/year)","URL"\r\n' +
      '"1","tt2381941","Sun Mar  1 00:00:00 2015","","","Focus","Feature Film","Glenn Ficarra","6","7.0","104","2015","comedy, sci_fi, film_noir","3467","2015-02-25","http://www.imdb.com/title/tt2381941/"\r\n' +
      '"2","tt0108778","Sat Dec 31 10:20:30 2016","","","Friends","TV Series","","","8.9","22","1994","comedy, reality_tv","700000","1994-09-22","http://www.imdb.com/title/tt0108778/"\r\n';
    const batch = parseImdbCsv(text, 'ratings.csv', 'mara', NOW);
    expect(batch.problems).toEqual([]);
    expect(batch.films).toMatchObject([
      {
        title: 'Focus',
        imdbId: 'tt2381941',
        titleType: 'movie',
        genres: ['Comedy', 'Sci-Fi', 'Film-Noir'],
        ratingsCount: 3467,
        reviews: [{ rating: 6, createdAt: '2015-03-01T00:00:00.000Z' }],
      },
      { title: 'Friends', titleType: 'tvSeries', genres: ['Comedy', 'Reality-TV'], reviews: [], marks: [] },
    ]);
    expect(parseImdbCsv(text.replace('Sun Mar  1', 'Sun Feb 30'), 'r.csv', 'mara', NOW).problems).toEqual([
      'r.csv:2: created "Sun Feb 30 00:00:00 2015" is not a date',
    ]);
  });

  it('a list or the watchlist: titles without ratings (on the watchlist when it is one), a localised one in Italian', () => {
    const text =
      'Position,Const,Created,Modified,Description,Title,Original Title,URL,Title Type,IMDb Rating,Runtime (mins),Year,Genres,Num Votes,Release Date,Directors,Your Rating,Date Rated\n' +
      '1,tt0075686,2024-01-05,2024-01-05,,Io e Annie,Annie Hall,https://www.imdb.com/title/tt0075686,Film,7.9,93,1977,"Sentimentale, Commedia",288672,1977-09-02,Woody Allen,,\n' +
      '2,tt3647998,2024-01-06,2024-01-06,,Taboo,Taboo,https://www.imdb.com/title/tt3647998,Serie TV,8.3,60,2017,Drammatico,160127,2017-01-07,,7,2024-02-01\n' +
      '3,tt31806037,2024-01-07,2024-01-07,,Adolescence,Adolescence,https://www.imdb.com/title/tt31806037,Mini serie TV,8.1,60,2025,Drammatico,257511,2025-03-13,,,\n' +
      '4,tt0009611,2024-01-08,2024-01-08,,Charlot soldato,Shoulder Arms,https://www.imdb.com/title/tt0009611,Corto,7.3,36,1918,Guerra,7912,1918-10-27,,,\n';
    const list = parseImdbCsv(text, 'ls012345.csv', 'mara', NOW);
    expect(list.problems).toEqual([]);
    expect(list.films.map((f) => [f.title, f.localTitle, f.titleType, f.reviews.map((r) => r.rating), f.marks])).toEqual([
      ['Annie Hall', 'Io e Annie', 'movie', [], []],
      ['Taboo', undefined, 'tvSeries', [7], []],
      ['Adolescence', undefined, 'tvMiniSeries', [], []],
      ['Shoulder Arms', 'Charlot soldato', 'short', [], []],
    ]);
    const watchlist = parseImdbCsv(text, 'WATCHLIST.csv', 'mara', NOW);
    expect(watchlist.films.map((f) => f.marks)).toEqual(
      ['2024-01-05', '2024-01-06', '2024-01-07', '2024-01-08'].map((day) => [
        { author: 'mara', watchlistedAt: `${day}T00:00:00.000Z`, watched: false, liked: false },
      ]),
    );
    expect(parseImdbCsv(text, 'list.csv', 'mara', NOW, { watchlist: true }).films[0]?.marks).toHaveLength(1);
  });

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
  // A name the rules accept (one line of plain text): a U+2028 in it made the round trip fail now and then.
  author: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }).filter((s) => s.trim() === s && readAuthor(s).ok),
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

  it("the store writer gives JSON.stringify's text of the whole store in the model key order, across its pieces, whatever order the keys were in", () => {
    const films = fc
      .sample(storeArb, { numRuns: 600, seed: 15 })
      .flatMap((store) => store.films)
      .map((film, i) => ({ ...film, slug: `film-${i}` }));
    const reversed = <T extends object>(value: T): T => Object.fromEntries(Object.entries(value).reverse()) as T;
    // Every other film, review and mark with its keys reversed, as code that builds objects may leave them.
    const jumbled = films.map((film, i) =>
      i % 2 ? film : reversed({ ...film, reviews: film.reviews.map(reversed), marks: film.marks.map(reversed) }),
    );
    const inModelOrder = <T extends object>(value: T, keys: readonly string[]): T =>
      Object.fromEntries(keys.filter((key) => key in value).map((key) => [key, value[key as keyof T]])) as T;
    const expected = films.map((film) => ({
      ...inModelOrder(film, FILM_KEYS),
      reviews: film.reviews.map((review) => inModelOrder(review, REVIEW_KEYS)),
      marks: film.marks.map((mark) => inModelOrder(mark, MARK_KEYS)),
    }));
    const pieces = [...storeJsonChunks({ version: STORE_VERSION, films: jumbled })];
    expect(films.length).toBeGreaterThan(1000);
    expect(pieces.length).toBeGreaterThan(3);
    expect(pieces.join('')).toBe(`${JSON.stringify({ version: STORE_VERSION, films: expected }, null, 2)}\n`);
    expect(serializeStore({ version: STORE_VERSION, films: [] })).toBe(
      `${JSON.stringify({ version: STORE_VERSION, films: [] }, null, 2)}\n`,
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

  it('the CSV export writes one parseable row per review', () => {
    fc.assert(
      fc.property(storeArb, (data) => {
        const reviews = data.films.reduce((sum, f) => sum + f.reviews.length, 0);
        const empty = data.films.filter((f) => f.reviews.length === 0).length;
        expect(parseLetterboxdCsvRows(exportCsv(data.films))).toBe(reviews + empty);
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
