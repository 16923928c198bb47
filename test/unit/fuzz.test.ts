import { copyFile, readFile } from 'node:fs/promises';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { mergeFilms } from '../../src/domain/merge.js';
import { DataError } from '../../src/errors.js';
import { parsePage } from './fixtures.js';
import { serializeStore } from '../../src/store/file.js';
import { emptyStore } from '../../src/store/schema.js';
import { checkStoreText } from '../../src/store/validate.js';
import { BUNDLED, SEED_PAGE, tempDir } from '../helpers/cli.js';
import { bufferedDeps } from '../helpers/deps.js';

let temp: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  temp = await tempDir();
  await copyFile(BUNDLED, temp.store);
});
afterAll(() => temp.cleanup());

/** Words the CLI knows, so that fuzzed command lines reach deep, plus anything at all. */
const TOKENS = [
  'show',
  'list',
  'ls',
  'import',
  'review',
  'add',
  'edit',
  'remove',
  'rm',
  'rate',
  'db',
  'check',
  'path',
  'restore',
  'help',
  'dear',
  'dear-comrades',
  'Dear Comrades!',
  '6005a0fb',
  '6005',
  '-',
  SEED_PAGE,
  '--json',
  '--ndjson',
  '--limit',
  '--all',
  '--full',
  '--spoilers',
  '--author',
  '--rating',
  '--text',
  '--text-file',
  '--date',
  '--spoiler',
  '--no-spoiler',
  '--yes',
  '-y',
  '--min-rating',
  '--since',
  '--film',
  '--format',
  'page',
  '--no-color',
  '--help',
  '--version',
  '--',
  '0',
  '1',
  '5',
  '10',
  '11',
  '-3',
  '7.5',
  'none',
  '2024-01-01',
  '2999-01-01',
  '2024-02-30',
  '',
];
const token = fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 12 }), fc.string({ unit: 'grapheme', maxLength: 6 }));

describe('fuzzing the command line', () => {
  it('never throws, exits 0, 1 or 2, and leaves a valid store', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(token, { maxLength: 8 }), async (argv) => {
        fc.pre(!argv.some((arg) => /out|^--db/.test(arg)));
        const deps = bufferedDeps({ env: { FILMS_DB: temp.store, USER: 'fuzz' }, cwd: temp.dir, stdin: 'Piped text.\n' });
        const code = await main(argv, deps);
        expect([0, 1, 2]).toContain(code);
        expect(deps.stderr()).not.toMatch(/unexpected error/);
        if (code !== 0) expect(deps.stderr().trimEnd().split('\n')).toHaveLength(1);
        expect(checkStoreText(await readFile(temp.store, 'utf8')).ok).toBe(true);
      }),
      { numRuns: 400 },
    );
  }, 120_000);
});

describe('fuzzing the page importer', () => {
  let seed: ReturnType<typeof parsePage>;
  beforeAll(async () => {
    seed = parsePage(await readFile(SEED_PAGE, 'utf8'));
  });

  it('arbitrary text either imports or is refused with a DataError', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        try {
          parsePage(text);
        } catch (error) {
          expect(error).toBeInstanceOf(DataError);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('page-shaped text with arbitrary lines imports into a valid store, or is refused', () => {
    const line = fc.string({ unit: 'grapheme', maxLength: 30 });
    const page = fc.record({
      head: fc.array(line, { minLength: 0, maxLength: 3 }),
      genres: fc.array(line, { maxLength: 3 }),
      body: fc.array(fc.oneof(line, fc.constantFrom('01/02/2023 10:05', '31/02/2023 10:05', 'Cast (2)', 'User Reviews', '')), {
        maxLength: 12,
      }),
      crlf: fc.boolean(),
    });
    fc.assert(
      fc.property(page, ({ head, genres, body, crlf }) => {
        const lines = [...head, 'Title', 'Country', '12 people rated Plot.', ...genres, 'Cast (1)', 'User Reviews', ...body];
        let film;
        try {
          film = parsePage(lines.join(crlf ? '\r\n' : '\n'));
        } catch (error) {
          expect(error).toBeInstanceOf(DataError);
          return;
        }
        const { data } = mergeFilms(mergeFilms(emptyStore(), [seed]).data, [film]);
        const check = checkStoreText(serializeStore(data));
        expect(check.ok ? [] : check.problems).toEqual([]);
      }),
      { numRuns: 1000 },
    );
  });
});
