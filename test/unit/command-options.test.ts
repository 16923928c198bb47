import { describe, expect, it } from 'vitest';
import { main, type CommandName, type CommandOptions } from '../../src/cli.js';
import type { CompleteOptions } from '../../src/commands/complete.js';
import { bufferedDeps } from '../helpers/deps.js';
import { ASCII_GLYPHS, UNICODE_GLYPHS } from '../../src/render/glyphs.js';

/**
 * argv → options for every command, without running any (gh's runF): the program is given a
 * runner that records what it would run. Refusals must reach no runner.
 */
const STORE = '/stores/films.json';
const NOW = new Date('2026-01-01T00:00:00.000Z');

async function parse(argv: string[], env: Record<string, string> = {}) {
  const calls: { name: CommandName; options: unknown }[] = [];
  const deps = bufferedDeps({ env: { FILMS_DB: STORE, ...env }, cwd: '/work', now: NOW });
  const code = await main(argv, deps, async (name, options) => void calls.push({ name, options }));
  return { code, calls, stderr: deps.stderr() };
}

type Case<Name extends CommandName = CommandName> = [argv: string[], name: Name, options: Omit<CommandOptions[Name], 'store'>];
const parsed = <Name extends CommandName>(argv: string[], name: Name, options: Omit<CommandOptions[Name], 'store'>): Case =>
  [argv, name, options] as Case;

const CASES: Case[] = [
  parsed(['show', 'dear'], 'show', { film: 'dear', json: false, full: false, spoilers: false, limit: 10 }),
  parsed(['show', 'dear', '--limit', '3', '--full', '--spoilers', '--json'], 'show', {
    film: 'dear',
    json: true,
    full: true,
    spoilers: true,
    limit: 3,
  }),
  parsed(['show', 'dear', '--limit', '3', '--all'], 'show', { film: 'dear', json: false, full: false, spoilers: false, limit: null }),

  parsed(['list'], 'list', { terms: [], sort: 'added', output: 'table', limit: null }),
  parsed(['ls', 'genre:drama', '-country:usa', '--sort', '-rating', '--limit', '5', '--ndjson'], 'list', {
    terms: ['genre:drama', '-country:usa'],
    sort: '-rating',
    output: 'ndjson',
    limit: 5,
  }),
  parsed(['list', '--json'], 'list', { terms: [], sort: 'added', output: 'json', limit: null }),

  parsed(['add'], 'add', { given: {}, yes: false, force: false, json: false }),
  parsed(['add', '--title', 'Dear Comrades', '-y', '--force'], 'add', {
    given: { title: 'Dear Comrades' },
    yes: true,
    force: true,
    json: false,
  }),
  parsed(
    [
      'add',
      '--title',
      'Come and See',
      '--year',
      '1985',
      '--country',
      'Soviet Union',
      '--genre',
      'Drama, War',
      '--genre',
      'History',
      '--synopsis',
      'A boy.',
      '--cast',
      'A',
      '--json',
    ],
    'add',
    {
      given: {
        title: 'Come and See',
        year: 1985,
        countries: ['Soviet Union'],
        genres: ['Drama', 'War', 'History'],
        synopsis: 'A boy.',
        cast: ['A'],
      },
      yes: false,
      force: false,
      json: true,
    },
  ),
  parsed(['add', '--title', 'X', '--year', 'none'], 'add', { given: { title: 'X', year: null }, yes: false, force: false, json: false }),

  parsed(['edit', 'dear'], 'edit', { film: 'dear', given: {}, json: false }),
  parsed(['edit', 'dear', '--year', '2020', '--cast', 'B', '--json'], 'edit', {
    film: 'dear',
    given: { year: 2020, cast: ['B'] },
    json: true,
  }),
  // "none" alone clears a list.
  parsed(['edit', 'dear', '--cast', 'none', '--genre', 'None'], 'edit', { film: 'dear', given: { genres: [], cast: [] }, json: false }),

  parsed(['remove', 'dear'], 'remove', { film: 'dear', yes: false }),
  parsed(['rm', 'dear', '-y'], 'remove', { film: 'dear', yes: true }),

  parsed(['search', 'dear', 'comrades'], 'search', { words: ['dear', 'comrades'], all: false, spoilers: false, json: false }),
  parsed(['search', 'strike', '--json'], 'search', { words: ['strike'], all: false, spoilers: false, json: true }),
  parsed(['search', 'strike', '--all'], 'search', { words: ['strike'], all: true, spoilers: false, json: false }),
  parsed(['search', 'strike', '--spoilers'], 'search', { words: ['strike'], all: false, spoilers: true, json: false }),

  parsed(['stats'], 'stats', { film: null, year: null, author: null, ascii: false, json: false }),
  parsed(['stats', 'dear', '--ascii', '--json'], 'stats', { film: 'dear', year: null, author: null, ascii: true, json: true }),

  parsed(['export'], 'export', { out: null, films: [], format: 'json', author: null }),
  parsed(['export', '--format', 'letterboxd', '--out', 'x.csv', '--film', 'a', '--film', 'b'], 'export', {
    out: 'x.csv',
    films: ['a', 'b'],
    format: 'letterboxd',
    author: null,
  }),
  parsed(['export', '--format', 'letterboxd-watchlist', '--author', 'Ann'], 'export', {
    out: null,
    films: [],
    format: 'letterboxd-watchlist',
    author: 'Ann',
  }),

  parsed(['import', 'page.txt'], 'import', {
    file: 'page.txt',
    format: null,
    author: null,
    dryRun: false,
    skipInvalid: false,
    watchlist: false,
  }),
  parsed(['import', '-', '--format', 'imdb', '--author', 'me', '--dry-run', '--skip-invalid', '--watchlist'], 'import', {
    file: '-',
    format: 'imdb',
    author: 'me',
    dryRun: true,
    skipInvalid: true,
    watchlist: true,
  }),

  parsed(['review', 'add'], 'review add', { film: null, given: {}, yes: false, json: false }),
  parsed(['review', 'add', 'dear', '--rating', '5', '--no-spoiler', '--yes'], 'review add', {
    film: 'dear',
    given: { rating: 5, spoiler: false },
    yes: true,
    json: false,
  }),
  parsed(
    [
      'review',
      'add',
      'dear',
      '--author',
      'Ann',
      '--rating',
      '8',
      '--text',
      'Good.',
      '--date',
      '2024-01-01T10:00+02:00',
      '--spoiler',
      '--json',
    ],
    'review add',
    {
      film: 'dear',
      given: { author: 'Ann', rating: 8, text: 'Good.', createdAt: '2024-01-01T08:00:00.000Z', spoiler: true },
      yes: false,
      json: true,
    },
  ),
  // The file is read when the command runs: the options carry its path.
  parsed(['review', 'add', 'dear', '--text-file', '-', '--rating', 'none'], 'review add', {
    film: 'dear',
    given: { rating: null },
    textFile: '-',
    yes: false,
    json: false,
  }),

  parsed(['review', 'list'], 'review list', {
    filter: { terms: [], author: null, minRating: null, since: null },
    sort: '-date',
    limit: null,
    spoilers: false,
    output: 'table',
  }),
  parsed(
    [
      'review',
      'ls',
      'dear',
      'rating:8..',
      '--author',
      'Ann',
      '--min-rating',
      '7',
      '--since',
      '2024-01-01',
      '--sort',
      'rating',
      '--limit',
      '2',
      '--spoilers',
      '--json',
    ],
    'review list',
    {
      filter: { terms: ['dear', 'rating:8..'], author: 'Ann', minRating: 7, since: '2024-01-01T00:00:00.000Z' },
      sort: 'rating',
      limit: 2,
      spoilers: true,
      output: 'json',
    },
  ),

  parsed(['review', 'edit', '6005'], 'review edit', { id: '6005', given: {}, json: false }),
  parsed(['review', 'edit', '6005', '--no-spoiler', '--text-file', 'new.txt'], 'review edit', {
    id: '6005',
    given: { spoiler: false },
    textFile: 'new.txt',
    json: false,
  }),
  parsed(['review', 'edit', '6005', '--spoiler', '--author', 'Bo', '--json'], 'review edit', {
    id: '6005',
    given: { author: 'Bo', spoiler: true },
    json: true,
  }),

  parsed(['review', 'remove', '6005'], 'review remove', { id: '6005', yes: false }),
  parsed(['review', 'rm', '6005', '--yes'], 'review remove', { id: '6005', yes: true }),

  parsed(['rate', 'dear', '8'], 'rate', { film: 'dear', rating: 8, author: null, createdAt: null, json: false }),
  parsed(['rate', 'dear', 'none', '--author', 'Ann', '--date', '2024-02-03T04:05', '--json'], 'rate', {
    film: 'dear',
    rating: null,
    author: 'Ann',
    createdAt: '2024-02-03T04:05:00.000Z',
    json: true,
  }),

  parsed(['rate', 'dear', '--stars', '4.5'], 'rate', { film: 'dear', rating: 9, author: null, createdAt: null, json: false }),
  parsed(['review', 'add', 'dear', '--stars', '0.5'], 'review add', { film: 'dear', given: { rating: 1 }, json: false, yes: false }),
  parsed(['review', 'edit', '6005', '--stars', '3'], 'review edit', { id: '6005', given: { rating: 6 }, json: false }),

  parsed(['log'], 'log', { film: null, given: {}, json: false }),
  parsed(['log', 'dear'], 'log', { film: 'dear', given: {}, json: false }),
  parsed(
    [
      'log',
      'dear',
      '--date',
      '2025-12-31',
      '--stars',
      '3.5',
      '--rewatch',
      '--liked',
      '--tag',
      'cinema',
      '--tag',
      'strike, 1962',
      '--review',
      'Stark.',
      '--spoiler',
      '--author',
      'Ann',
      '--json',
    ],
    'log',
    {
      film: 'dear',
      given: {
        watchedDate: '2025-12-31',
        rating: 7,
        rewatch: true,
        liked: true,
        tags: ['cinema', 'strike, 1962'],
        text: 'Stark.',
        spoiler: true,
        author: 'Ann',
      },
      json: true,
    },
  ),
  // The file is read when the command runs: the options carry its path.
  parsed(['log', 'dear', '--rating', '8', '--review-file', '-'], 'log', {
    film: 'dear',
    given: { rating: 8 },
    reviewFile: '-',
    json: false,
  }),

  parsed(['diary'], 'diary', { terms: [], period: null, author: null, json: false }),
  parsed(['diary', 'tag:cinema', '-rewatch:yes', '--year', '2025', '--author', 'Ann', '--json'], 'diary', {
    terms: ['tag:cinema', '-rewatch:yes'],
    period: { first: '2025-01-01', last: '2025-12-31' },
    author: 'Ann',
    json: true,
  }),
  parsed(['diary', '--month', '2024-02'], 'diary', {
    terms: [],
    period: { first: '2024-02-01', last: '2024-02-29' },
    author: null,
    json: false,
  }),

  parsed(['watchlist'], 'watchlist list', { author: null, json: false }),
  parsed(['watchlist', '--json', '--author', 'Ann'], 'watchlist list', { author: 'Ann', json: true }),
  parsed(['watchlist', 'ls', '--json'], 'watchlist list', { author: null, json: true }),
  parsed(['watchlist', 'add', 'dear', 'come'], 'watchlist add', { films: ['dear', 'come'], author: null }),
  // The subcommand's --author is its own, after the subcommand as before it.
  parsed(['watchlist', 'add', 'dear', '--author', 'Ann'], 'watchlist add', { films: ['dear'], author: 'Ann' }),
  parsed(['watchlist', 'rm', 'dear', '--author', 'Ann'], 'watchlist remove', { films: ['dear'], author: 'Ann' }),
  parsed(['watchlist', 'remove', 'dear'], 'watchlist remove', { films: ['dear'], author: null }),

  parsed(['stats', '--year', '2026'], 'stats', { film: null, year: 2026, author: null, ascii: false, json: false }),
  parsed(['stats', '--year', '2026', '--author', 'Ann', '--json'], 'stats', {
    film: null,
    year: 2026,
    author: 'Ann',
    ascii: false,
    json: true,
  }),

  parsed(['db', 'path'], 'db path', {}),
  parsed(['db', 'check'], 'db check', {}),
  parsed(['db', 'restore'], 'db restore', { yes: false }),
  parsed(['db', 'restore', '-y'], 'db restore', { yes: true }),

  // git runs the driver from the work tree's root: the files are resolved there.
  parsed(['db', 'merge', '.merge_file_O', '.merge_file_A', '/tmp/theirs.json'], 'db merge', {
    base: '/work/.merge_file_O',
    ours: '/work/.merge_file_A',
    theirs: '/tmp/theirs.json',
    path: null,
    virtualBase: false,
  }),
  parsed(['db', 'merge', 'o', 'a', 'b', 'diary/films.json'], 'db merge', {
    base: '/work/o',
    ours: '/work/a',
    theirs: '/work/b',
    path: '/work/diary/films.json',
    virtualBase: false,
  }),
  parsed(['db', 'merge', '--virtual-base', 'o', 'a', 'b', 'films.json'], 'db merge', {
    base: '/work/o',
    ours: '/work/a',
    theirs: '/work/b',
    path: '/work/films.json',
    virtualBase: true,
  }),
  parsed(['db', 'conflicts'], 'db conflicts', { clear: false }),
  parsed(['db', 'conflicts', '--clear'], 'db conflicts', { clear: true }),
  parsed(['db', 'textconv', 'films.json'], 'db textconv', { file: '/work/films.json' }),
  parsed(['db', 'git-setup'], 'db git-setup', {}),

  parsed(['config', 'get', 'author'], 'config get', { key: 'author' }),
  parsed(['config', 'set', 'author', '  Vera Kholodnaya '], 'config set', { setting: { author: 'Vera Kholodnaya' } }),
  parsed(['config', 'unset', 'author'], 'config unset', { key: 'author' }),
  parsed(['config', 'list'], 'config list', {}),
  parsed(['config', 'ls'], 'config list', {}),
  parsed(['completion', 'bash'], 'completion', { shell: 'bash' }),
  parsed(['completion', 'fish'], 'completion', { shell: 'fish' }),
];

/** Commands whose options carry more than a table can say; tested on their own below. */
const SEPARATE = ['__complete'] as const;

/** Commands that take files of their own, or none, rather than the store in use. */
const STORELESS = new Set<CommandName>([
  'db merge',
  'db textconv',
  'config get',
  'config set',
  'config unset',
  'config list',
  'completion',
]);

describe('argv → options, for every command', () => {
  it('has cases for every command', () => {
    const named = new Set(CASES.map(([, name]) => name));
    const all: CommandName[] = [
      'show',
      'list',
      'add',
      'edit',
      'remove',
      'search',
      'stats',
      'export',
      'import',
      'review add',
      'review list',
      'review edit',
      'review remove',
      'rate',
      'log',
      'diary',
      'watchlist list',
      'watchlist add',
      'watchlist remove',
      'config get',
      'config set',
      'config unset',
      'config list',
      'db path',
      'db check',
      'db restore',
      'db merge',
      'db conflicts',
      'db textconv',
      'db git-setup',
      'completion',
      '__complete',
    ];
    expect([...named, ...SEPARATE].sort()).toEqual([...all].sort());
  });

  it.each(CASES)('%j → %s', async (argv, name, options) => {
    expect(await parse(argv)).toEqual({
      code: 0,
      calls: [{ name, options: STORELESS.has(name) ? options : { store: STORE, ...options } }],
      stderr: '',
    });
  });

  it('__complete takes the words as they are (options included), the store they name, and the commands', async () => {
    const { code, calls } = await parse(['__complete', '--db', 'other.json', 'show', '--js']);
    expect(code).toBe(0);
    expect(calls).toHaveLength(1);
    const [call] = calls as [{ name: CommandName; options: CompleteOptions }];
    expect(call.name).toBe('__complete');
    expect(call.options).toMatchObject({ store: '/work/other.json', words: ['--db', 'other.json', 'show', '--js'] });
    const show = call.options.tree.commands.find((command) => command.name === 'show');
    expect(show?.arguments).toEqual([{ name: 'film', variadic: false, choices: null }]);
    expect(show?.options.map((option) => option.flags)).toContainEqual(['--json']);
    expect((await parse(['__complete', '--db=x.json', ''])).calls[0]?.options).toMatchObject({ store: '/work/x.json' });
    expect((await parse(['__complete', 'list', ''])).calls[0]?.options).toMatchObject({ store: STORE });
  });

  it('--no-input turns the prompts off, even at a terminal', async () => {
    const deps = bufferedDeps({ env: { FILMS_DB: STORE }, tty: true });
    expect(deps.io.canPrompt).toBe(true);
    expect(await main(['--no-input', 'review', 'add'], deps, async () => undefined)).toBe(0);
    expect(deps.io.canPrompt).toBe(false);
  });

  it('a locale that is not UTF-8 draws every command in ASCII, by one rule in IO; --ascii asks it of stats alone', () => {
    for (const env of [{ LANG: 'C' }, { LC_ALL: 'POSIX', LANG: 'en_US.UTF-8' }, { LC_CTYPE: 'en_US.ISO-8859-1' }]) {
      expect(bufferedDeps({ env }).io.glyphs).toBe(ASCII_GLYPHS);
    }
    for (const env of [{}, { LANG: 'C.UTF-8' }, { LC_ALL: '', LC_CTYPE: 'UTF-8', LANG: 'C' }]) {
      expect(bufferedDeps({ env }).io.glyphs).toBe(UNICODE_GLYPHS);
    }
  });
});

describe('the store is resolved once, before the command runs', () => {
  it.each([
    [['db', 'path'], {}, STORE],
    [['--db', 'here.json', 'db', 'path'], {}, '/work/here.json'],
    [['watchlist', 'add', 'dear', '--db', 'there.json'], {}, '/work/there.json'],
    [['db', 'path', '--db', '/abs/there.json'], {}, '/abs/there.json'],
    [['show', 'dear'], { FILMS_DB: '', XDG_DATA_HOME: '/data' }, '/data/films/films.json'],
    [['list'], { FILMS_DB: '', HOME: '/home/ann' }, '/home/ann/.local/share/films/films.json'],
  ])('%j with %j → %s', async (argv, env, store) => {
    const { calls } = await parse(argv, env);
    expect(calls[0]?.options).toMatchObject({ store });
  });
});

/** Commander's refusals point at the help of the command refused. */
const usage = (command: string): string => `run 'films ${command} --help' for usage`;
const REFUSALS: [argv: string[], stderr: string][] = [
  [['show'], `films: missing required argument 'film' — ${usage('show')}`],
  [['show', 'dear', 'comrades'], `films: too many arguments for 'show'. Expected 1 argument but got 2. — ${usage('show')}`],
  [
    ['show', 'dear', '--limit', '0'],
    `films: invalid --limit '0': expected a whole number of 1 or more, or none for all — ${usage('show')}`,
  ],
  [['show', 'dear', '--bogus'], "films: unknown option '--bogus' — 'films show --help' lists the options"],
  [['list', '--json', '--ndjson'], 'films: --json and --ndjson cannot be used together — choose one'],
  [['list', '--limit', 'x'], `films: invalid --limit 'x': expected a whole number of 1 or more, or none for all — ${usage('list')}`],
  [['add', '--year', '85'], 'films: --year must be a year from 1870 to 2200, not "85" — for example --year 2020'],
  [['edit'], `films: missing required argument 'film' — ${usage('edit')}`],
  [['edit', 'dear', '--year', 'abc'], 'films: --year must be a year from 1870 to 2200, not "abc" — for example --year 2020'],
  [['remove'], `films: missing required argument 'film' — ${usage('remove')}`],
  [['search'], `films: missing required argument 'words' — ${usage('search')}`],
  [['stats', 'a', 'b'], `films: too many arguments for 'stats'. Expected 1 argument but got 2. — ${usage('stats')}`],
  [['export', '--format', 'xml'], "films: unknown --format 'xml' — --format takes json, ndjson, csv, letterboxd, letterboxd-watchlist"],
  [
    ['export', '--author', 'Ann'],
    'films: --author is for --format letterboxd and letterboxd-watchlist, not json — leave it out: the other formats hold everyone',
  ],
  [['import'], `films: missing required argument 'file' — ${usage('import')}`],
  [['import', 'f', '--format', 'nope'], "films: unknown --format 'nope' — --format takes json, page, letterboxd, imdb"],
  [
    ['review', 'add', 'dear', '--text', 'a', '--text-file', 'b'],
    'films: --text and --text-file cannot be used together — give the text one way',
  ],
  [['review', 'add', 'dear', '--rating', '0'], 'films: --rating must be a whole number from 1 to 10, not "0" — for example --rating 8'],
  [
    ['review', 'add', 'dear', '--date', 'tomorrow'],
    'films: --date "tomorrow" is not an ISO date — use an ISO date such as 2024-09-11 or 2024-09-11T08:43',
  ],
  [
    ['review', 'add', 'dear', '--date', '2099-01-01'],
    'films: --date "2099-01-01" is in the future — use an ISO date such as 2024-09-11 or 2024-09-11T08:43',
  ],
  [['review', 'list', '--json', '--ndjson'], 'films: --json and --ndjson cannot be used together — choose one'],
  [
    ['review', 'list', '--min-rating', 'x'],
    'films: --min-rating must be a whole number from 1 to 10, not "x" — for example --min-rating 8',
  ],
  [
    ['review', 'list', '--since', '2024-13-01'],
    'films: --since "2024-13-01" is not a real date — use an ISO date such as 2024-09-11 or 2024-09-11T08:43',
  ],
  [
    ['review', 'list', '--limit', '0'],
    `films: invalid --limit '0': expected a whole number of 1 or more, or none for all — ${usage('review list')}`,
  ],
  [['review', 'edit'], `films: missing required argument 'id' — ${usage('review edit')}`],
  [['review', 'edit', 'x', '--rating', '11'], 'films: --rating must be a whole number from 1 to 10, not "11" — for example --rating 8'],
  [['review', 'remove'], `films: missing required argument 'id' — ${usage('review remove')}`],
  [['review', 'nope'], "films: unknown command 'nope' for 'films review' — try one of: add, list, show, edit, remove"],
  [['rate', 'dear'], 'films: missing the rating — give it as a number from 1 to 10 (films rate <film> 8) or in half stars (--stars 4)'],
  [
    ['rate', 'dear', '8', '--stars', '4'],
    'films: give the rating once: as a number from 1 to 10, or as --stars — for example films rate <film> 8',
  ],
  [
    ['rate', 'dear', '--stars', '6'],
    'films: --stars must be half stars from 0.5 to 5, not "6" — for example --stars 3.5 (the rating 7/10)',
  ],
  [
    ['review', 'add', 'dear', '--stars', '0.3'],
    'films: --stars must be half stars from 0.5 to 5, not "0.3" — for example --stars 3.5 (the rating 7/10)',
  ],
  [
    ['review', 'edit', 'x', '--rating', '8', '--stars', '4'],
    'films: --rating and --stars cannot be used together — give the rating one way: --rating 1–10 or --stars 0.5–5',
  ],
  [['log', 'dear', '--stars', '0'], 'films: --stars must be half stars from 0.5 to 5, not "0" — for example --stars 3.5 (the rating 7/10)'],
  [['log', 'dear', '--rating', '11'], 'films: --rating must be a whole number from 1 to 10, not "11" — for example --rating 8'],
  [
    ['log', 'dear', '--date', '2026-01-02'],
    'films: --date "2026-01-02" is in the future — give the day it was watched, such as 2024-09-11 (default: today)',
  ],
  [
    ['log', 'dear', '--date', '2025-02-29'],
    'films: --date "2025-02-29" is not a real date — give the day it was watched, such as 2024-09-11 (default: today)',
  ],
  [
    ['log', 'dear', '--date', '2025-12-01T10:00'],
    'films: --date "2025-12-01T10:00" is not a date (YYYY-MM-DD) — give the day it was watched, such as 2024-09-11 (default: today)',
  ],
  [
    ['log', 'dear', '--review', 'a', '--review-file', 'b'],
    'films: --review and --review-file cannot be used together — give the review one way',
  ],
  [['log', 'a', 'b'], `films: too many arguments for 'log'. Expected 1 argument but got 2. — ${usage('log')}`],
  [
    ['diary', '--year', '2025', '--month', '2025-01'],
    'films: --year and --month cannot be used together — --month already names its year: give one of them',
  ],
  [['diary', '--month', '2025-13'], 'films: --month must be a month such as 2024-03, not "2025-13" — for example --month 2024-03'],
  [['diary', '--year', '25'], 'films: --year must be a year from 1870 to 2200, not "25" — for example --year 2020'],
  [['watchlist', 'nope'], "films: unknown command 'nope' for 'films watchlist' — try one of: list, add, remove"],
  [['watchlist', 'add'], `films: missing required argument 'film' — ${usage('watchlist add')}`],
  [['stats', 'dear', '--year', '2026'], "films: --year is your year across films, not one film — drop 'dear', or drop --year"],
  [['stats', '--author', 'Ann'], "films: --author goes with --year (someone's year in films) — add --year <year>, or drop --author"],
  [['stats', '--year', 'none'], 'films: --year needs a year — for example --year 2024'],
  [['config', 'get', 'colour'], 'films: there is no setting "colour" — the settings are: author, pager'],
  [['config', 'set', 'author', ' '], 'films: author: the author is empty — for example films config set author "Your Name"'],
  [['config', 'set', 'author'], `films: missing required argument 'value' — ${usage('config set')}`],
  [['config', 'nope'], "films: unknown command 'nope' for 'films config' — try one of: get, set, unset, list"],
  [['rate', 'dear', '11'], 'films: the rating must be a whole number from 1 to 10, not "11" — for example the rating 8'],
  [
    ['rate', 'dear', '8', '--date', '2024-02-30'],
    'films: --date "2024-02-30" is not a real date — use an ISO date such as 2024-09-11 or 2024-09-11T08:43',
  ],
  [['db', 'restore', 'x'], `films: too many arguments for 'restore'. Expected 0 arguments but got 1. — ${usage('db restore')}`],
  [
    ['db', 'nope'],
    "films: unknown command 'nope' for 'films db' — try one of: path, check, restore, git-setup, merge, conflicts, textconv",
  ],
  [['db', 'merge', 'o', 'a'], `films: missing required argument 'theirs' — ${usage('db merge')}`],
  [
    ['db', 'merge', 'o', 'a', 'b', 'p', 'extra'],
    `films: too many arguments for 'merge'. Expected 4 arguments but got 5. — ${usage('db merge')}`,
  ],
  [['db', 'textconv'], `films: missing required argument 'file' — ${usage('db textconv')}`],
  [
    ['db', 'conflicts', '--clean'],
    "films: unknown option '--clean' — did you mean '--clear'? ('films db conflicts --help' lists the options)",
  ],
  [['db', 'git-setup', 'here'], `films: too many arguments for 'git-setup'. Expected 0 arguments but got 1. — ${usage('db git-setup')}`],
  [
    ['nope'],
    "films: unknown command 'nope' — try one of: show, list, add, edit, remove, search, stats, export, import, review, rate, log, diary, watchlist, config, db, completion, help",
  ],
  // Did you mean: the nearest commands and options, and the help of the command refused.
  [['shwo', 'dear'], "films: unknown command 'shwo' — did you mean 'films show'? ('films --help' lists the commands)"],
  [['stat'], "films: unknown command 'stat' — did you mean 'films stats'? ('films --help' lists the commands)"],
  [['SHOW', 'dear'], "films: unknown command 'SHOW' — did you mean 'films show'? ('films --help' lists the commands)"],
  [
    ['review', 'Lsit'],
    "films: unknown command 'Lsit' for 'films review' — did you mean 'films review list'? ('films review --help' lists the commands)",
  ],
  [['help', 'reveiw'], "films: unknown command 'reveiw' — did you mean 'films review'? ('films --help' lists the commands)"],
  [
    ['review', 'lst'],
    "films: unknown command 'lst' for 'films review' — did you mean 'films review list'? ('films review --help' lists the commands)",
  ],
  [['show', 'dear', '--josn'], "films: unknown option '--josn' — did you mean '--json'? ('films show --help' lists the options)"],
  // list and review list pass unknown options through to the query (-genre:war looks like one): caught all the same.
  [['list', '--josn'], "films: unknown option '--josn' — did you mean '--json'? ('films list --help' lists the options)"],
  [
    ['review', 'list', 'dear', '--athor', 'x'],
    "films: unknown option '--athor' — did you mean '--author'? ('films review list --help' lists the options)",
  ],
  [
    ['review', 'add', 'dear', '--ratin', '5'],
    "films: unknown option '--ratin' — did you mean '--rating'? ('films review add --help' lists the options)",
  ],
  [['--dv', 'x.json', 'list'], "films: unknown option '--dv' — did you mean '--db'? ('films --help' lists the options)"],
  [['completion', 'tcsh'], "films: unknown shell 'tcsh' — one of: bash, zsh, fish"],
  // Did you mean, for a value of a fixed set, a subcommand of watchlist, a query's field or sort key, and diary's flags.
  [['completion', 'bsh'], "films: unknown shell 'bsh' — did you mean 'bash'? (one of: bash, zsh, fish)"],
  [
    ['export', '--format', 'jsn'],
    "films: unknown --format 'jsn' — did you mean 'json'? (--format takes json, ndjson, csv, letterboxd, letterboxd-watchlist)",
  ],
  [
    ['watchlist', 'ad', 'solaris'],
    "films: unknown command 'ad' for 'films watchlist' — did you mean 'films watchlist add'? ('films watchlist --help' lists the commands)",
  ],
  [['diary', '--yeer', '2026'], "films: unknown option '--yeer' — did you mean '--year'? ('films diary --help' lists the options)"],
  [['diary', 'tag:x', '--jsn'], "films: unknown option '--jsn' — did you mean '--json'? ('films diary --help' lists the options)"],
  // A lone letter is near nothing; every unknown option is worded alike.
  [['-x'], "films: unknown option '-x' — 'films --help' lists the options"],
  [['--nope'], "films: unknown option '--nope' — 'films --help' lists the options"],
];

describe('parse refusals: exit 2, one line, and nothing runs', () => {
  it.each(REFUSALS)('%j', async (argv, stderr) => {
    expect(await parse(argv)).toEqual({ code: 2, calls: [], stderr: `${stderr}\n` });
  });
});

describe('help', () => {
  const help = async (argv: string[]): Promise<string> => {
    const deps = bufferedDeps({ env: { FILMS_DB: STORE } });
    expect(await main([...argv, '--help'], deps, async () => undefined)).toBe(0);
    // Commander wraps the help to the width: compare it as one line.
    return deps.stdout().replace(/\s+/g, ' ');
  };

  it('shows a default only where one applies: review edit keeps the date, and lists start empty', async () => {
    expect(await help(['review', 'add'])).toMatch(/--date <date> when it was written[^-]*\(default: now\)/);
    const edit = await help(['review', 'edit']);
    expect(edit).toMatch(/--date <date> when it was written/);
    expect(edit).not.toContain('default: now');
    for (const command of [['add'], ['edit'], ['export']]) expect(await help(command)).not.toContain('(default: [])');
  });

  it('says how to clear a list, and that the author of a review defaults to you', async () => {
    expect(await help(['edit'])).toMatch(/--cast <name> +a cast member \(repeatable, or "A, B"; "none" to clear the list\)/);
    expect(await help(['review', 'add'])).toMatch(/--author <name> +who wrote it \(default: you\)/);
  });

  it('says that the author defaults to you, and what --author of review list matches', async () => {
    expect(await help(['rate'])).toMatch(/--author <name> +who rates \(default: you\)/);
    expect(await help(['review', 'list'])).toContain('--author <name> only reviews by authors whose name contains this (as author:<name>;');
  });

  it('-v and --version print the version, as -V did', async () => {
    for (const flag of ['-v', '--version', '-V']) {
      const deps = bufferedDeps();
      expect(await main([flag], deps)).toBe(0);
      expect(deps.stdout()).toMatch(/^\d+\.\d+\.\d+\n$/);
    }
  });
});
