import { describe, expect, it } from 'vitest';
import { readCsv } from '../../src/formats/csv.js';

/**
 * The limit is passed small here: the same code counts and refuses at MAX_ROWS, which
 * test/e2e/safety.test.ts proves end to end with a file of MAX_ROWS + 1 rows.
 */
const LIMIT = 1_000;
const csv = (rows: number): string => `Name,Year\n${'x,2000\n'.repeat(rows)}`;
const rowsRead = (text: string): number => {
  let rows = 0;
  readCsv(
    text,
    'f.csv',
    () => () => {
      rows++;
    },
    LIMIT,
  );
  return rows;
};

describe('the rows of one CSV file', () => {
  it('are read one at a time, up to the limit', () => {
    expect(rowsRead(csv(LIMIT))).toBe(LIMIT);
  });

  it('up to the limit are read when the file has more lines than that (line breaks inside quotes)', () => {
    expect(rowsRead(`Name,Year\n${'"x\ny",2000\n'.repeat(LIMIT)}`)).toBe(LIMIT);
  });

  it('past the limit, are refused before a single row is taken (no film built to be thrown away)', () => {
    let rows = 0;
    expect(() =>
      readCsv(
        csv(LIMIT + 1),
        'f.csv',
        () => () => {
          rows++;
        },
        LIMIT,
      ),
    ).toThrow(`f.csv:${LIMIT + 2}: more than 1,000 rows, more than a films store can hold`);
    expect(rows).toBe(0);
  });
});
