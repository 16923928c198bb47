import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { EMPTY_STORE, useTempStore } from '../helpers/cli.js';
import { bufferedDeps } from '../helpers/deps.js';
import { film, review } from '../unit/fixtures.js';

/**
 * Every way in obeys the same rules (domain/rules.ts): a row over a limit, a page review that
 * says nothing, a CSV entry dated in the future, is a bad row — `file:line: why`, nothing
 * imported, the store unchanged; --skip-invalid imports the rest. In-process, on a temp store.
 */
const temp = useTempStore('empty');
const NOW = new Date('2026-03-10T12:00:00.000Z');
const MB = 1024 * 1024;
const HUGE = 'x'.repeat(MB);

async function runImport(file: string, content: string | Uint8Array, flags: string[] = []) {
  await writeFile(join(temp.dir, file), content);
  const deps = bufferedDeps({ env: { FILMS_DB: temp.store, USER: 'me' }, cwd: temp.dir, now: NOW });
  const code = await main(['import', file, ...flags], deps);
  return { code, stdout: deps.stdout(), stderr: deps.stderr(), store: await readFile(temp.store, 'utf8') };
}

const exportOf = (...films: object[]): string => `${JSON.stringify({ version: 1, films })}\n`;
const good = film({ slug: 'good', title: 'Good Film', reviews: [review({ id: 'r1', author: 'Ann', text: 'Fine.' })] });

const page = (reviews: string[]): string =>
  [
    'Leviathan',
    'Russian Federation',
    '12 people rated A man fights the town.',
    'Drama',
    'Cast (0)',
    'User Reviews',
    'Ann',
    '01/02/2023 10:05',
    'Good.',
    ...reviews,
  ].join('\n');

const LETTERBOXD = 'Date,Name,Year,Letterboxd URI,Rating,Rewatch,Review,Tags,Watched Date';
const letterboxd = (row: string): string => `${LETTERBOXD}\n2024-01-02,Good Film,2020,https://boxd.it/a,4,,Fine.,,2024-01-01\n${row}\n`;
const IMDB = 'Const,Your Rating,Date Rated,Title,Year';
const imdb = (row: string): string => `${IMDB}\ntt0000001,8,2024-01-02,Good Film,2020\n${row}\n`;

/** [way in, file, its content, extra flags, the bad row's line]: each file holds one good entry and one bad. */
const CASES: [way: string, file: string, content: string, flags: string[], line: string][] = [
  [
    'JSON: a 1 MB title',
    'e.json',
    exportOf(good, film({ slug: 'bad', title: HUGE })),
    [],
    'e.json: films[1]: the title is 1,048,576 characters, over the limit of 500',
  ],
  [
    'JSON: a 1 MB synopsis',
    'e.json',
    exportOf(good, film({ slug: 'bad', synopsis: HUGE })),
    [],
    'e.json: films[1]: the synopsis is 1,048,576 characters, over the limit of 100,000',
  ],
  [
    'JSON: a 100k-character author',
    'e.json',
    exportOf(good, film({ slug: 'bad', reviews: [review({ id: 'r2', author: 'a'.repeat(100_000) })] })),
    [],
    'e.json: films[1].reviews[0]: the author is 100,000 characters, over the limit of 200',
  ],
  [
    'JSON: a 1 MB review',
    'e.json',
    exportOf(good, film({ slug: 'bad', reviews: [review({ id: 'r2', text: HUGE })] })),
    [],
    'e.json: films[1].reviews[0]: the review text is 1,048,576 characters, over the limit of 100,000',
  ],
  [
    'NDJSON: a 1 MB review',
    'e.ndjson',
    `${JSON.stringify(good)}\n${JSON.stringify(film({ slug: 'bad', reviews: [review({ id: 'r2', text: HUGE })] }))}\n`,
    ['--format', 'json'],
    'e.ndjson: films[1].reviews[0]: the review text is 1,048,576 characters, over the limit of 100,000',
  ],
  [
    'page: a 201-character author',
    'p.txt',
    page(['b'.repeat(201), '02/02/2023 10:05', 'Hi.']),
    [],
    'p.txt:10: the author is 201 characters, over the limit of 200',
  ],
  [
    'page: a 1 MB review',
    'p.txt',
    page(['Bob', '02/02/2023 10:05', HUGE]),
    [],
    'p.txt:10: the review text is 1,048,576 characters, over the limit of 100,000',
  ],
  [
    'page: a review with neither text nor rating',
    'p.txt',
    page(['Bob', '02/02/2023 10:05', '', 'Cy', '03/02/2023 11:00', 'Hi.']),
    [],
    'p.txt:10: a review needs text or a rating',
  ],
  [
    'Letterboxd: a 1 MB title',
    'r.csv',
    letterboxd(`2024-01-03,${HUGE},2020,https://boxd.it/b,4,,Fine.,,`),
    [],
    'r.csv:3: the title is 1,048,576 characters, over the limit of 500',
  ],
  [
    'Letterboxd: a 1 MB review',
    'r.csv',
    letterboxd(`2024-01-03,Bad Film,2020,https://boxd.it/b,4,,${HUGE},,`),
    [],
    'r.csv:3: the review text is 1,048,576 characters, over the limit of 100,000',
  ],
  [
    'Letterboxd: an entry dated in the future',
    'r.csv',
    letterboxd('2099-01-03,Bad Film,2020,https://boxd.it/b,4,,Soon.,,'),
    [],
    'r.csv:3: date "2099-01-03" is in the future',
  ],
  [
    'Letterboxd: a watched date in the future',
    'r.csv',
    letterboxd('2024-01-03,Bad Film,2020,https://boxd.it/b,4,,Soon.,,2026-03-12'),
    [],
    'r.csv:3: watched date "2026-03-12" is in the future',
  ],
  [
    'IMDb: a 1 MB title',
    'i.csv',
    imdb(`tt0000002,7,2024-01-03,${HUGE},2020`),
    [],
    'i.csv:3: the title is 1,048,576 characters, over the limit of 500',
  ],
  [
    'IMDb: a rating dated in the future',
    'i.csv',
    imdb('tt0000002,7,2099-01-03,Bad Film,2020'),
    [],
    'i.csv:3: date rated "2099-01-03" is in the future',
  ],
];

describe('the same rules on every way in', () => {
  it.each(CASES)('%s: a bad row, nothing imported', async (_way, file, content, flags, line) => {
    const result = await runImport(file, content, flags);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `${line}\nfilms: ${file} has 1 bad row; nothing was imported — fix them, or pass --skip-invalid to import the rest\n`,
    );
    expect(result.store).toBe(EMPTY_STORE);
  });

  it.each(CASES)('%s: --skip-invalid imports the rest', async (_way, file, content, flags, line) => {
    const result = await runImport(file, content, [...flags, '--skip-invalid']);
    expect(result.code).toBe(0);
    // Each bad row wrapped under its start, as every line for people.
    expect(result.stdout.replace(/\n {2}/g, ' ')).toContain(`Skipped 1 bad row (--skip-invalid): ${line}\n`);
    const { films } = JSON.parse(result.store) as { films: { title: string; reviews: { text: string }[] }[] };
    const texts = films.flatMap((f) => f.reviews.map((r) => r.text));
    expect(films.every((f) => f.title.length <= 500) && texts.every((text) => text.length <= 100_000)).toBe(true);
    expect(texts).toContain(file === 'i.csv' ? '' : file === 'p.txt' ? 'Good.' : 'Fine.');
    expect(films.map((f) => f.title)).toContain(file === 'p.txt' ? 'Leviathan' : 'Good Film');
  });

  it('an --author over the limit, or on more than one line, is refused in one line before the file is read', async () => {
    for (const [author, why] of [
      ['a'.repeat(100_000), 'the author is 100,000 characters, over the limit of 200'],
      ['Ann\nBo', 'the author holds a control character or line break (U+000A): it must be one line of plain text'],
    ]) {
      const result = await runImport('i.csv', imdb('tt0000002,7,2024-01-03,Other Film,2020'), ['--author', author as string]);
      expect(result).toMatchObject({ code: 2, stdout: '', stderr: `films: --author: ${why as string} — pass the name on one line\n` });
      expect(result.store).toBe(EMPTY_STORE);
    }
  });

  it('a tag or an author with a control character is a bad row of an import (attack 1213 item 9)', async () => {
    const diary =
      'Date,Name,Year,Letterboxd URI,Rating,Rewatch,Tags,Watched Date\n2024-01-01,Solaris,1972,https://boxd.it/s1,4,,"a\u001bb",2024-01-01\n';
    const result = await runImport('diary.csv', diary);
    expect(result.code).toBe(1);
    expect(result.stderr.split('\n')[0]).toBe(
      'diary.csv:2: the tag holds a control character or line break (U+001B): it must be one line of plain text',
    );
    const page = [
      'Leviathan',
      'Russia',
      '1 people rated A man.',
      'Drama',
      'Cast (0)',
      'User Reviews',
      'Ann\u202eX',
      '01/02/2023 10:05',
      'Good.',
    ];
    const fromPage = await runImport('p.txt', page.join('\n'));
    expect(fromPage.code).toBe(1);
    expect(fromPage.stderr).toMatch(/the author holds a control character or line break \(U\+202E\)/);
    expect(fromPage.store).toBe(EMPTY_STORE);
  });

  it('a CSV row too large to be any entry stops the reading, with its line, before it is held in memory', async () => {
    const result = await runImport(
      'r.csv',
      letterboxd(
        `2024-01-03,Bad Film,2020,https://boxd.it/b,4,,"${'y'.repeat(10_000_001)}",,\n2024-01-04,After,2020,https://boxd.it/c,4,,Later.,,`,
      ),
      ['--skip-invalid'],
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'films: r.csv:3: a row of over 10,000,000 characters, past every limit; the rows after it cannot be read — remove that row and import the file again\n',
    );
    expect(result.store).toBe(EMPTY_STORE);
  });
});

describe('what an imported file is written in (attack 1213 item 5)', () => {
  const DIARY = 'Date,Name,Year,Letterboxd URI,Rating,Rewatch,Tags,Watched Date\r\n';
  const row = '2023-02-02,La città delle donne,1980,https://boxd.it/a4,3.5,,,2023-02-02\r\n';

  it('a CSV in Latin-1 (Excel\'s "CSV" on Windows) is refused with its line and byte, and nothing is written', async () => {
    const latin1 = Buffer.from(DIARY + row, 'latin1');
    const { code, stdout, stderr, store } = await runImport('diary.csv', latin1);
    expect([code, stdout]).toEqual([1, '']);
    expect(stderr).toBe(
      'films: diary.csv:2: not valid UTF-8 (byte 82; Latin-1 or Windows-1252, perhaps); nothing was imported — save it as UTF-8 (in Excel: "CSV UTF-8") and import it again\n',
    );
    expect(store).toBe(EMPTY_STORE);
  });

  it('the same inside the export zip names the file in the zip', async () => {
    const { zipSync } = await import('fflate');
    const { code, stderr, store } = await runImport('export.zip', zipSync({ 'diary.csv': Buffer.from(DIARY + row, 'latin1') }));
    expect(code).toBe(1);
    expect(stderr).toMatch(/^films: export\.zip\/diary\.csv:2: not valid UTF-8 \(byte 82;/);
    expect(store).toBe(EMPTY_STORE);
  });

  it('UTF-16 with its byte order mark (Excel\'s "Unicode text") is decoded, little- or big-endian', async () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(DIARY + row, 'utf16le')]);
    const { code, store } = await runImport('diary.csv', le);
    expect(code).toBe(0);
    expect((JSON.parse(store) as { films: { title: string }[] }).films.map((f) => f.title)).toEqual(['La città delle donne']);
    const be = Buffer.from(le).swap16();
    expect((await runImport('diary.csv', be)).stdout).toMatch(/films 0 added, 0 updated, 1 unchanged/);
  });

  it('columns separated by semicolons or tabs get a hint that names the separator, and nothing is written', async () => {
    for (const [separator, word] of [
      [';', 'semicolons'],
      ['\t', 'tabs'],
    ] as const) {
      const { code, stderr, store } = await runImport('diary.csv', (DIARY + row).replaceAll(',', separator));
      expect(code).toBe(1);
      expect(stderr).toBe(
        `films: cannot tell the format of diary.csv: its columns are separated by ${word}, not commas — save it as CSV with commas (in Excel: "CSV UTF-8 (Comma delimited)"), or export it again from Letterboxd or IMDb\n`,
      );
      expect(store).toBe(EMPTY_STORE);
    }
  });
});

describe('localised IMDb exports (attack 1213 item 11)', () => {
  const HEADER =
    'Const,Your Rating,Date Rated,Title,Original Title,URL,Title Type,IMDb Rating,Runtime (mins),Year,Genres,Num Votes,Release Date,Directors';

  it('votes grouped with dots or commas are read; a title type films does not know is kept as written with one warning', async () => {
    const file = [
      HEADER,
      'tt0000001,7,2024-01-01,Pioggia,Rain,u,Film,6,90,2019,Drammatico,"1.234",2019-01-01,X',
      'tt0903747,10,2024-01-03,Breaking Bad,Breaking Bad,u,Serie TV,9.5,,2008,Drammatico,"2.100.000",2008-01-20,',
      'tt0000003,8,2024-01-04,Un episodio,An Episode,u,Episodio TV,8,40,2010,Drammatico,"12,345",2010-01-01,',
      'tt0000004,6,2024-01-05,Adolescence,Adolescence,u,Mini serie TV,8.1,60,2025,Poliziesco,257511,2025-03-13,',
    ].join('\r\n');
    const { code, stderr, store } = await runImport('ratings.csv', file);
    expect(code).toBe(0);
    expect(stderr).toBe(
      'films: warning: ratings.csv: the title type "Episodio TV" is not one films knows (in English or as an Italian export writes it); kept as written\n',
    );
    const films = (JSON.parse(store) as { films: { imdbId: string; ratingsCount: number | null; titleType?: string }[] }).films;
    expect(films.map((f) => [f.imdbId, f.titleType, f.ratingsCount]).sort()).toEqual([
      ['tt0000001', 'movie', 1234],
      ['tt0000003', 'Episodio TV', 12_345],
      ['tt0000004', 'tvMiniSeries', 257_511],
      ['tt0903747', 'tvSeries', 2_100_000],
    ]);
  });

  it('a vote count that is not a number is a bad row, not a silent null', async () => {
    const { code, stderr, store } = await runImport(
      'ratings.csv',
      [HEADER, 'tt0000001,7,2024-01-01,Pioggia,Rain,u,Film,6,90,2019,Drammatico,1.5k,2019-01-01,X'].join('\n'),
    );
    expect(code).toBe(1);
    expect(stderr.split('\n')[0]).toBe('ratings.csv:2: the number of votes "1.5k" is not a whole number');
    expect(store).toBe(EMPTY_STORE);
  });
});
