import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { complete, type CommandTree, type CompleteOptions, type Completion } from '../../src/commands/complete.js';
import type { Film, StoreData } from '../../src/domain/model.js';
import { BUNDLED } from '../helpers/cli.js';
import { bufferedDeps } from '../helpers/deps.js';
import { film, review } from './fixtures.js';

/** The command tree as the CLI declares it, taken from what `films __complete` would run. */
async function declaredTree(): Promise<CommandTree> {
  let tree: CommandTree | undefined;
  await main(['__complete', ''], bufferedDeps({ env: { FILMS_DB: '/stores/films.json' } }), async (_name, options) => {
    tree = (options as CompleteOptions).tree;
  });
  if (!tree) throw new Error('__complete did not run');
  return tree;
}

const FILMS: Film[] = [
  film({ slug: 'dear-comrades', title: 'Dear Comrades!', year: 2020, reviews: [review({ id: '6005a0fb', author: 'Adérito' })] }),
  film({ slug: 'dead-souls', title: 'Dead Souls', year: null, reviews: [review({ id: '60aa0001', author: 'Bo\u001b[31m' })] }),
  film({ slug: 'come-and-see', title: 'Come and See', year: 1985, reviews: [] }),
];

/** Completes `line` (words split at spaces; a trailing space starts a new word) and counts the reads of the store. */
async function candidates(line: string): Promise<{ completion: Completion; values: string[]; reads: number }> {
  const tree = await declaredTree();
  let reads = 0;
  const completion = await complete(tree, line.split(' '), async () => {
    reads++;
    return FILMS;
  });
  return { completion, values: completion.files ? [':files'] : completion.candidates.map((candidate) => candidate.value), reads };
}

describe('completion candidates', () => {
  it.each([
    [
      '',
      [
        'show',
        'list',
        'add',
        'edit',
        'remove',
        'search',
        'stats',
        'export',
        'import',
        'review',
        'rate',
        'log',
        'diary',
        'watchlist',
        'config',
        'db',
        'completion',
        'help',
      ],
    ],
    ['s', ['show', 'search', 'stats']],
    ['review ', ['add', 'list', 'show', 'edit', 'remove']],
    ['db re', ['restore']],
    ['help rev', ['review']],
    ['help review e', ['edit']],
    ['completion ', ['bash', 'zsh', 'fish']],
    ['export --format ', ['json', 'ndjson', 'csv', 'letterboxd', 'letterboxd-watchlist']],
    ['export --format=n', ['--format=ndjson']],
    ['list --sort=-y', ['--sort=-year']],
    ['import --format l', ['letterboxd']],
    ['list --sort -r', ['-rating', '-reviews']],
    ['review list --sort ', ['date', 'rating', 'author', 'film', '-date', '-rating', '-author', '-film']],
    ['list -ge', ['-genre:']],
    ['list genre:', ['genre:']],
    ['show --j', ['--json']],
    ['review add dear --r', ['--rating']],
    ['review edit 6005 --no-', ['--no-spoiler', '--no-color', '--no-input', '--no-pager']],
    ['rate dear 1', ['10', '1']],
    ['search ', []],
    ['show dear-comrades ', []],
  ])('%j → %j, without reading the store', async (line, expected) => {
    const { values, reads } = await candidates(line);
    expect(values).toEqual(expected);
    expect(reads).toBe(0);
  });

  it.each([
    ['show ', ['dear-comrades', 'dead-souls', 'come-and-see']],
    ['show dea', ['dear-comrades', 'dead-souls']],
    ['show comr', ['dear-comrades']],
    ['show souls', ['dead-souls']],
    ['--db other.json show d', ['dear-comrades', 'dead-souls']],
    ['remove c', ['come-and-see']],
    ['stats ', ['dear-comrades', 'dead-souls', 'come-and-see']],
    ['review add ', ['dear-comrades', 'dead-souls', 'come-and-see']],
    ['export --film co', ['come-and-see']],
    ['export --film=co', ['--film=come-and-see']],
    // A bare word of a query may be a film's slug (which matches that film), or a field.
    ['list dear', ['dear-comrades']],
    ['list gen', ['genre:']],
    ['review list au', ['author:']],
    ['review edit 60', ['6005a0fb', '60aa0001']],
    ['review remove 600', ['6005a0fb']],
    ['review edit x', []],
  ])('%j → %j, reading the store once', async (line, expected) => {
    const { values, reads } = await candidates(line);
    expect(values).toEqual(expected);
    expect(reads).toBe(1);
  });

  it.each([
    'import ',
    'import --format json ',
    '--db ',
    '--db=',
    'export --out=x',
    'export --out ',
    'review add dear --text-file ',
    'db textconv ',
    'db merge a b ',
  ])('%j → file names, left to the shell', async (line) => {
    expect(await candidates(line)).toEqual({ completion: { files: true }, values: [':files'], reads: 0 });
  });

  it('describes each candidate on one line, with the film and the review made safe to print', async () => {
    const { completion } = await candidates('review edit 60a');
    expect(completion).toEqual({ files: false, candidates: [{ value: '60aa0001', description: 'Bo\\x1b[31m on Dead Souls, 2024-01-01' }] });
    const films = await candidates('show dear');
    expect(films.completion).toEqual({ files: false, candidates: [{ value: 'dear-comrades', description: 'Dear Comrades! (2020)' }] });
  });
});

describe('films __complete', () => {
  const run = async (words: string[], env: Record<string, string>) => {
    const deps = bufferedDeps({ env });
    return { code: await main(['__complete', ...words], deps), stdout: deps.stdout(), stderr: deps.stderr() };
  };

  it('prints a candidate per line, a tab before its description; :files alone for file names', async () => {
    expect(await run(['show', 'dea'], { FILMS_DB: '/no/such/folder/films.json' })).toEqual({
      code: 0,
      stdout: 'dear-comrades\tDear Comrades!\n',
      stderr: '',
    });
    expect((await run(['import', ''], {})).stdout).toBe(':files\n');
    expect((await run(['completion', 'z'], {})).stdout).toBe('zsh\n');
  });

  it('offers nothing, and prints no error into the command line, when the store cannot be read', async () => {
    const bundled = JSON.parse(await readFile(BUNDLED, 'utf8')) as StoreData;
    expect(bundled.films).toHaveLength(1);
    expect(await run(['show', ''], { FILMS_DB: '/dev/null' })).toEqual({ code: 0, stdout: '', stderr: '' });
  });
});
