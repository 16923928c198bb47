import { describe, expect, it } from 'vitest';
import { main, type CommandName, type CommandOptions } from '../../src/cli.js';
import { bufferedDeps } from '../helpers/deps.js';

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

  parsed(['add'], 'add', { given: {}, json: false }),
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
        genres: ['Drama, War', 'History'],
        synopsis: 'A boy.',
        cast: ['A'],
      },
      json: true,
    },
  ),
  parsed(['add', '--title', 'X', '--year', 'none'], 'add', { given: { title: 'X', year: null }, json: false }),

  parsed(['edit', 'dear'], 'edit', { film: 'dear', given: {}, json: false }),
  parsed(['edit', 'dear', '--year', '2020', '--cast', 'B', '--json'], 'edit', {
    film: 'dear',
    given: { year: 2020, cast: ['B'] },
    json: true,
  }),

  parsed(['remove', 'dear'], 'remove', { film: 'dear', yes: false }),
  parsed(['rm', 'dear', '-y'], 'remove', { film: 'dear', yes: true }),

  parsed(['search', 'dear', 'comrades'], 'search', { words: ['dear', 'comrades'], json: false }),
  parsed(['search', 'strike', '--json'], 'search', { words: ['strike'], json: true }),

  parsed(['stats'], 'stats', { film: null, ascii: false, json: false }),
  parsed(['stats', 'dear', '--ascii', '--json'], 'stats', { film: 'dear', ascii: true, json: true }),

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

  parsed(['review', 'add'], 'review add', { film: null, given: {}, json: false }),
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
    { film: 'dear', given: { author: 'Ann', rating: 8, text: 'Good.', createdAt: '2024-01-01T08:00:00.000Z', spoiler: true }, json: true },
  ),
  // The file is read when the command runs: the options carry its path.
  parsed(['review', 'add', 'dear', '--text-file', '-', '--rating', 'none'], 'review add', {
    film: 'dear',
    given: { rating: null },
    textFile: '-',
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
  }),
  parsed(['db', 'merge', 'o', 'a', 'b', 'diary/films.json'], 'db merge', {
    base: '/work/o',
    ours: '/work/a',
    theirs: '/work/b',
    path: '/work/diary/films.json',
  }),
  parsed(['db', 'conflicts'], 'db conflicts', { clear: false }),
  parsed(['db', 'conflicts', '--clear'], 'db conflicts', { clear: true }),
  parsed(['db', 'textconv', 'films.json'], 'db textconv', { file: '/work/films.json' }),
  parsed(['db', 'git-setup'], 'db git-setup', {}),
];

/** Commands that take files of their own rather than the store in use. */
const STORELESS = new Set<CommandName>(['db merge', 'db textconv']);

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
      'db path',
      'db check',
      'db restore',
      'db merge',
      'db conflicts',
      'db textconv',
      'db git-setup',
    ];
    expect([...named].sort()).toEqual([...all].sort());
  });

  it.each(CASES)('%j → %s', async (argv, name, options) => {
    expect(await parse(argv)).toEqual({
      code: 0,
      calls: [{ name, options: STORELESS.has(name) ? options : { store: STORE, ...options } }],
      stderr: '',
    });
  });

  it('stats draws in ASCII when the locale is not UTF-8', async () => {
    expect((await parse(['stats'], { LANG: 'C' })).calls[0]?.options).toMatchObject({ ascii: true });
  });
});

describe('the store is resolved once, before the command runs', () => {
  it.each([
    [['db', 'path'], {}, STORE],
    [['--db', 'here.json', 'db', 'path'], {}, '/work/here.json'],
    [['db', 'path', '--db', '/abs/there.json'], {}, '/abs/there.json'],
    [['show', 'dear'], { FILMS_DB: '', XDG_DATA_HOME: '/data' }, '/data/films/films.json'],
    [['list'], { FILMS_DB: '', HOME: '/home/ann' }, '/home/ann/.local/share/films/films.json'],
  ])('%j with %j → %s', async (argv, env, store) => {
    const { calls } = await parse(argv, env);
    expect(calls[0]?.options).toMatchObject({ store });
  });
});

const usage = "run 'films --help' for usage";
const REFUSALS: [argv: string[], stderr: string][] = [
  [['show'], `films: missing required argument 'film' — ${usage}`],
  [['show', 'dear', 'comrades'], `films: too many arguments for 'show'. Expected 1 argument but got 2. — ${usage}`],
  [
    ['show', 'dear', '--limit', '0'],
    `films: option '--limit <n>' argument '0' is invalid. expected a whole number of 1 or more — ${usage}`,
  ],
  [['show', 'dear', '--bogus'], `films: unknown option '--bogus' — ${usage}`],
  [['list', '--json', '--ndjson'], 'films: --json and --ndjson cannot be used together — choose one'],
  [['list', '--limit', 'x'], `films: option '--limit <n>' argument 'x' is invalid. expected a whole number of 1 or more — ${usage}`],
  [['add', '--year', '85'], 'films: --year must be a year from 1870 to 2200, not "85" — for example --year 2020'],
  [['edit'], `films: missing required argument 'film' — ${usage}`],
  [['edit', 'dear', '--year', 'abc'], 'films: --year must be a year from 1870 to 2200, not "abc" — for example --year 2020'],
  [['remove'], `films: missing required argument 'film' — ${usage}`],
  [['search'], `films: missing required argument 'words' — ${usage}`],
  [['stats', 'a', 'b'], `films: too many arguments for 'stats'. Expected 1 argument but got 2. — ${usage}`],
  [
    ['export', '--format', 'xml'],
    `films: option '--format <format>' argument 'xml' is invalid. Allowed choices are json, ndjson, csv, letterboxd, letterboxd-watchlist. — ${usage}`,
  ],
  [
    ['export', '--author', 'Ann'],
    'films: --author is for --format letterboxd and letterboxd-watchlist, not json — leave it out: the other formats hold everyone',
  ],
  [['import'], `films: missing required argument 'file' — ${usage}`],
  [
    ['import', 'f', '--format', 'nope'],
    `films: option '--format <format>' argument 'nope' is invalid. Allowed choices are json, page, letterboxd, imdb. — ${usage}`,
  ],
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
    `films: option '--limit <n>' argument '0' is invalid. expected a whole number of 1 or more — ${usage}`,
  ],
  [['review', 'edit'], `films: missing required argument 'id' — ${usage}`],
  [['review', 'edit', 'x', '--rating', '11'], 'films: --rating must be a whole number from 1 to 10, not "11" — for example --rating 8'],
  [['review', 'remove'], `films: missing required argument 'id' — ${usage}`],
  [['review', 'nope'], "films: unknown command 'nope' for 'films review' — try one of: add, list, edit, remove"],
  [['rate', 'dear'], `films: missing required argument 'rating' — ${usage}`],
  [['rate', 'dear', '11'], 'films: the rating must be a whole number from 1 to 10, not "11" — for example the rating 8'],
  [
    ['rate', 'dear', '8', '--date', '2024-02-30'],
    'films: --date "2024-02-30" is not a real date — use an ISO date such as 2024-09-11 or 2024-09-11T08:43',
  ],
  [['db', 'restore', 'x'], `films: too many arguments for 'restore'. Expected 0 arguments but got 1. — ${usage}`],
  [
    ['db', 'nope'],
    "films: unknown command 'nope' for 'films db' — try one of: path, check, restore, git-setup, merge, conflicts, textconv",
  ],
  [['db', 'merge', 'o', 'a'], `films: missing required argument 'theirs' — ${usage}`],
  [['db', 'merge', 'o', 'a', 'b', 'p', 'extra'], `films: too many arguments for 'merge'. Expected 4 arguments but got 5. — ${usage}`],
  [['db', 'textconv'], `films: missing required argument 'file' — ${usage}`],
  [['db', 'conflicts', '--clean'], `films: unknown option '--clean' (Did you mean --clear?) — ${usage}`],
  [['db', 'git-setup', 'here'], `films: too many arguments for 'git-setup'. Expected 0 arguments but got 1. — ${usage}`],
  [
    ['nope'],
    "films: unknown command 'nope' — try one of: show, list, add, edit, remove, search, stats, export, import, review, rate, db, help",
  ],
];

describe('parse refusals: exit 2, one line, and nothing runs', () => {
  it.each(REFUSALS)('%j', async (argv, stderr) => {
    expect(await parse(argv)).toEqual({ code: 2, calls: [], stderr: `${stderr}\n` });
  });
});
