import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { STORE_VERSION } from '../../src/domain/model.js';
import { BUNDLED, useTempStore } from '../helpers/cli.js';
import { bufferedDeps } from '../helpers/deps.js';
import { film, review } from '../unit/fixtures.js';

const temp = useTempStore('absent');

const run = async (args: string[], options: Parameters<typeof bufferedDeps>[0] = {}) => {
  const deps = bufferedDeps({ cwd: temp.dir, ...options, env: { FILMS_DB: temp.store, XDG_CONFIG_HOME: temp.dir, ...options.env } });
  const code = await main(args, deps);
  return { code, stdout: deps.stdout(), stderr: deps.stderr() };
};

/** A store whose user text is all ASCII: any other byte in the output is films' own. */
const ASCII_STORE = {
  version: STORE_VERSION,
  films: [
    film({
      slug: 'leviathan',
      cast: ['Aleksei Serebryakov'],
      castCount: 3,
      ratingsCount: 1234,
      marks: [{ author: 'me', watchlistedAt: null, watched: true, liked: true }],
      reviews: [
        review({ id: 'aaaa1111', author: 'me', rating: 7, text: 'Long.\n\nAnd cold.', watchedDate: '2024-01-01', tags: ['sea'] }),
        review({ id: 'aaaa2222', author: 'Bob', rating: 8, spoiler: true, text: 'He loses everything.' }),
        ...Array.from({ length: 12 }, (_, i) => review({ id: `bbbb${1000 + i}`, author: `Critic ${i}`, rating: (i % 10) + 1 })),
      ],
    }),
    film({
      slug: 'stalker',
      title: 'Stalker',
      year: 1979,
      marks: [{ author: 'me', watchlistedAt: '2024-02-02T00:00:00.000Z', watched: false, liked: false }],
    }),
  ],
};

describe('LANG=C: every command in ASCII', () => {
  const commands = [
    ['show', 'leviathan', '--all', '--spoilers'],
    ['show', 'leviathan', '--limit', '1'],
    ['list'],
    ['list', '--limit', '1'],
    ['review', 'list'],
    ['review', 'list', '--limit', '2'],
    ['review', 'show', 'aaaa1111'],
    ['review', 'show', 'aaaa2222'],
    ['search', 'cold'],
    ['search', 'fine', '--all'],
    ['stats'],
    ['stats', 'leviathan'],
    ['stats', '--year', '2024', '--author', 'me'],
    ['diary', '--author', 'me'],
    ['watchlist', 'list', '--author', 'me'],
    ['db', 'check'],
    ['--help'],
    ['review', 'add', '--help'],
    ['rate', 'stalker', '6', '--author', 'Ann'],
    ['edit', 'stalker', '--year', '1980'],
    ['review', 'remove', 'bbbb1000', '--yes'],
    ['show', 'nope'],
    ['review', 'show', 'zzzz'],
  ];

  it.each(commands)('films %s … prints no byte over 0x7F, where UTF-8 draws box lines, stars and dashes', async (...args) => {
    await writeFile(temp.store, JSON.stringify(ASCII_STORE));
    const ascii = await run(args, { env: { LANG: 'C', FILMS_AUTHOR: 'me' }, columns: 60 });
    const both = `${ascii.stdout}${ascii.stderr}`;
    expect(both.length).toBeGreaterThan(0);
    expect(both.match(/[^\u0000-\u007f]/g) ?? [], both).toEqual([]);
  });

  it('the same commands in a UTF-8 locale draw box lines, stars and dashes (the test above has something to find)', async () => {
    await writeFile(temp.store, JSON.stringify(ASCII_STORE));
    const drawn = await Promise.all(
      [['show', 'leviathan'], ['review', 'list'], ['stats'], ['review', 'show', 'aaaa1111']].map((args) =>
        run(args, { env: { LANG: 'en_US.UTF-8', FILMS_AUTHOR: 'me' } }),
      ),
    );
    expect(drawn.map(({ stdout }) => /[│★█—]/.test(stdout))).toEqual([true, true, true, true]);
  });
});

describe('films review show', () => {
  it('prints the whole review as a card: film, author, dates, rating, tags, liked, rewatch, its paragraphs wrapped', async () => {
    const long = `${'word '.repeat(30)}end.\n\nSecond paragraph.`;
    const store = {
      ...ASCII_STORE,
      films: [
        film({
          reviews: [
            review({
              id: 'cafe1234',
              author: 'me',
              rating: 9,
              text: long,
              watchedDate: '2024-03-14',
              rewatch: true,
              liked: true,
              tags: ['sea', 'winter'],
            }),
          ],
        }),
      ],
    };
    await writeFile(temp.store, JSON.stringify(store));
    const card = await run(['review', 'show', 'cafe'], { columns: 40 });
    expect(card.code).toBe(0);
    expect(card.stdout).toBe(
      [
        'Review:  cafe1234',
        'Film:    Leviathan (2014) [leviathan]',
        'Author:  me',
        'Date:    2024-01-01',
        'Watched: 2024-03-14, a rewatch',
        'Rating:  9/10 ★★★★½',
        'Liked:   yes',
        'Tags:    sea, winter',
        '',
        'word word word word word word word word',
        'word word word word word word word word',
        'word word word word word word word word',
        'word word word word word word end.',
        '',
        'Second paragraph.',
        '',
      ].join('\n'),
    );
    const json = JSON.parse((await run(['review', 'show', 'cafe1234', '--json'])).stdout);
    expect(json).toMatchObject({ id: 'cafe1234', film: 'leviathan', text: long, tags: ['sea', 'winter'], liked: true });
  });

  it('hides a spoiler unless --spoilers, saying how to show it; an unknown id is one line on stderr, exit 1', async () => {
    await writeFile(temp.store, JSON.stringify(ASCII_STORE));
    const hidden = await run(['review', 'show', 'aaaa2222']);
    expect(hidden.stdout).toContain('Spoiler: yes, it gives away the plot');
    expect(hidden.stdout).not.toContain('He loses everything');
    expect(hidden.stdout).toContain("The text is hidden: 'films review show aaaa2222 --spoilers' shows it.");
    expect((await run(['review', 'show', 'aaaa2222', '--spoilers'])).stdout).toMatch(/\n\nHe loses everything\.\n$/);
    expect(await run(['review', 'show', 'aaa'])).toMatchObject({ code: 1, stdout: '', stderr: /^films: no review "aaa".*\n$/ });
    expect((await run(['review', 'show', 'aaaa'])).stderr).toMatch(/^films: .*aaaa1111.*aaaa2222/);
  });
});

describe('films show lists each review by its short id', () => {
  it('the shortest unique start of at least 4 characters, which review show, edit and remove take', async () => {
    await writeFile(temp.store, JSON.stringify(ASCII_STORE));
    const shown = (await run(['show', 'leviathan', '--all'], { columns: 120 })).stdout;
    expect(shown).toMatch(/│ ID +│ Author/);
    // aaaa1111 and aaaa2222 share "aaaa": 5 characters tell them apart; bbbb1000…bbbb1011 need 7 or 8.
    for (const id of ['aaaa1', 'aaaa2', 'bbbb1000', 'bbbb1011']) expect(shown).toMatch(new RegExp(`│ ${id} +│`));
    expect((await run(['review', 'show', 'aaaa1'])).stdout).toContain('Review:  aaaa1111');
  });
});

describe('the wording of counts and results', () => {
  it('one pluralisation: 1 film, its review, Rated … (rating <id>), Changed <slug>: …', async () => {
    await copyBundled();
    expect((await run(['db', 'check'], { columns: 200 })).stdout).toMatch(/valid films store: 1 film, 10 reviews\n$/);
    const rated = await run(['rate', 'dear', '8', '--author', 'Ann'], { columns: 200 });
    expect(rated.stdout).toMatch(/^Rated Dear Comrades! 8\/10 ★★★★☆ for Ann \(rating [0-9a-f]{8}\)\n$/);
    expect((await run(['edit', 'dear', '--year', '2020'], { columns: 200 })).stdout).toBe('Changed dear-comrades: Dear Comrades! (2020)\n');
    expect((await run(['list', 'year:1900'])).stdout).toBe('No films match.\n');
    const limited = await run(['review', 'list', '--limit', '10']);
    expect(limited.stdout).toMatch(/\n1 more review — a larger --limit shows more, --limit none shows all\n$/);
  });

  it('review list on a store without any review says so, and that none matches once there are some', async () => {
    await writeFile(temp.store, JSON.stringify({ version: STORE_VERSION, films: [film({ slug: 'stalker', title: 'Stalker' })] }));
    expect((await run(['review', 'list'])).stdout).toBe("No reviews yet — add one with 'films review add <film>'.\n");
    await copyBundled();
    expect((await run(['review', 'list', 'author:nobody'])).stdout).toBe('No reviews match.\n');
  });

  it("the 'more' hint's suggestion runs: --limit none shows every film and review, in list, review list and show", async () => {
    await copyBundled();
    await run(['add', '--title', 'Stalker', '--year', '1979', '--yes']);
    expect((await run(['list', '--limit', '1'])).stdout).toMatch(/1 more film — a larger --limit shows more, --limit none shows all\n$/);
    const films = await run(['list', '--limit', 'none', '--json']);
    expect(films.code).toBe(0);
    expect(JSON.parse(films.stdout)).toHaveLength(2);
    const reviews = await run(['review', 'list', '--limit', 'none']);
    expect(reviews.code).toBe(0);
    expect(reviews.stdout).not.toContain('more review');
    expect(JSON.parse((await run(['review', 'list', '--limit', 'none', '--json'])).stdout)).toHaveLength(10);
    const shown = await run(['show', 'dear', '--limit', 'none']);
    expect(shown.code).toBe(0);
    expect(shown.stdout).not.toContain('more review');
    expect(shown.stdout.match(/│ [0-9a-f]{4} /g)).toHaveLength(10);
  });
});

describe('films search', () => {
  it('cuts excerpts at word boundaries, names --all when it holds reviews back, and shows them all with it', async () => {
    await copyBundled();
    const found = await run(['search', 'china'], { columns: 80 });
    const excerpts = found.stdout.split('\n').filter((line) => line.includes('[China]'));
    expect(excerpts.length).toBeGreaterThan(1);
    for (const line of excerpts) {
      // Each excerpt starts after a space (or the text's start) and ends before one (or the text's end).
      expect(line, line).toMatch(/(: |^ {4})(…(?=[^ ])|[^…])/);
      expect(line, line).not.toMatch(/: …\S*[a-z]…/);
    }
    const bundled = JSON.parse(await readFile(BUNDLED, 'utf8'));
    const texts: string[] = bundled.films[0].reviews.map((r: { text: string }) => r.text.replace(/\s+/g, ' '));
    for (const line of excerpts) {
      const inner = /(?:: |^ {4})…?(.*?)…?$/.exec(line)?.[1]?.replace(/\[|\]/g, '') ?? '';
      const source = texts.find((text) => text.includes(inner));
      expect(source, `${line} comes from a review`).toBeDefined();
      const at = source?.indexOf(inner) ?? 0;
      expect([undefined, ' '], `${line} starts at a word`).toContain(source?.[at - 1]);
      expect([undefined, ' '], `${line} ends at a word`).toContain(source?.[at + inner.length]);
    }
    await writeFile(temp.store, JSON.stringify(ASCII_STORE));
    const some = await run(['search', 'fine'], { columns: 80 });
    expect(some.stdout).toMatch(/ {2}and 7 more reviews — --all shows every one\n$/);
    const all = await run(['search', 'fine', '--all'], { columns: 80 });
    expect(all.stdout.match(/review bbbb/g)).toHaveLength(12);
    expect(all.stdout).not.toContain('more review');
  });
});

describe('films search and spoilers', () => {
  it('hides the excerpt of a review marked as a spoiler unless --spoilers; --json has it, marked', async () => {
    await writeFile(temp.store, JSON.stringify(ASCII_STORE));
    const hidden = await run(['search', 'loses'], { columns: 80 });
    expect(hidden).toMatchObject({ code: 0, stderr: '' });
    expect(hidden.stdout).toContain('  review aaaa2222 Bob: [spoiler hidden — --spoilers shows it]\n');
    expect(hidden.stdout).not.toContain('everything');
    const shown = await run(['search', 'loses', '--spoilers'], { columns: 80 });
    expect(shown.stdout).toContain('  review aaaa2222 Bob: [spoiler] He [loses] everything.\n');
    const json = JSON.parse((await run(['search', 'loses', '--json'])).stdout);
    expect(json[0].matches).toEqual([
      { field: 'review', reviewId: 'aaaa2222', author: 'Bob', spoiler: true, text: 'He loses everything.', ranges: [[3, 8]] },
    ]);
    // Under LANG=C in ASCII; narrow, under its label and shorter.
    expect((await run(['search', 'loses'], { columns: 80, env: { LANG: 'C' } })).stdout).toContain(
      '  review aaaa2222 Bob: [spoiler hidden - --spoilers shows it]\n',
    );
    const narrow = await run(['search', 'loses'], { columns: 30 });
    expect(narrow.stdout.split('\n').every((line) => line.length <= 30)).toBe(true);
    expect(narrow.stdout).toContain('  review aaaa2222 Bob:\n    [spoiler hidden]\n');
    // However narrow, with --spoilers too, every line fits.
    for (const columns of [10, 12, 14, 20]) {
      for (const flags of [[], ['--spoilers']]) {
        const lines = (await run(['search', 'loses', ...flags], { columns })).stdout.split('\n');
        expect(lines.filter((line) => line.length > columns)).toEqual([]);
      }
    }
  });

  it('prints a review id that holds control characters escaped, in search, show, review list and diary', async () => {
    const hostile = {
      ...ASCII_STORE,
      films: [{ ...ASCII_STORE.films[0], reviews: [review({ id: 'ev\u001b[31mil\nid', author: 'me', text: 'It loses.' })] }],
    };
    await writeFile(temp.store, JSON.stringify(hostile));
    for (const args of [['search', 'loses'], ['show', 'leviathan'], ['review', 'list'], ['diary']]) {
      const result = await run(args, { columns: 120 });
      expect(result.code, args.join(' ')).toBe(0);
      expect(result.stdout, args.join(' ')).not.toMatch(/\u001b|il\nid/);
    }
    expect((await run(['search', 'loses'], { columns: 120 })).stdout).toContain('review ev\\x1b[31mil\\x0aid me: It [loses].');
  });
});

describe('progress of a long import', () => {
  /** An export of `count` films of a review each, beside an empty store; a clock whose every reading is `step` ms later. */
  const prepare = async (count: number, step: number) => {
    const films = Array.from({ length: count }, (_, i) =>
      film({ slug: `f-${i}`, title: `Film ${i}`, reviews: [review({ id: `r-${i}` })] }),
    );
    const file = join(temp.dir, 'export.json');
    await writeFile(file, JSON.stringify({ version: STORE_VERSION, films }));
    await writeFile(temp.store, JSON.stringify({ version: STORE_VERSION, films: [] }));
    let now = 0;
    return { file, clock: () => (now += step) };
  };

  it('at a terminal, after a second: a throttled line on stderr with the rows, a bar, the films and reviews so far, erased at the end', async () => {
    // Each reading of the clock is 1 ms later: 3,000 films take some seconds.
    const { file, clock } = await prepare(3000, 1);
    const result = await run(['import', file], { tty: true, columns: 100, clock });
    expect(result.code).toBe(0);
    const plain = result.stderr.replace(/\u001b\[3\dm/g, '');
    const drawn = plain.split('\r').filter((line) => line.startsWith('Checking'));
    expect(drawn.length).toBeGreaterThan(3);
    // Throttled: some tens of drawings for 3,000 films, not one each.
    expect(drawn.length).toBeLessThan(200);
    expect(drawn.at(-1)).toMatch(/^Checking export\.json +█+░* +\d+% +[\d,]+\/3,000 films +[\d,]+ films, [\d,]+ reviews\u001b\[K$/);
    expect(result.stderr).toContain('Merging');
    // The line is erased before the summary, and nothing is left on it.
    expect(result.stderr.endsWith('\r\u001b[K')).toBe(true);
    expect(result.stdout).toMatch(/^Imported: films 3,000 added/);
  });

  it('draws nothing in a pipe, nor for work done within a second', async () => {
    const slow = await prepare(300, 10);
    expect((await run(['import', slow.file], { clock: slow.clock })).stderr).toBe('');
    const quick = await prepare(300, 0);
    expect((await run(['import', quick.file], { tty: true, clock: quick.clock })).stderr).toBe('');
  });
});

async function copyBundled(): Promise<void> {
  await writeFile(temp.store, await readFile(BUNDLED));
}
