import { describe, expect, it } from 'vitest';
import { MAX_ROWS, readCsv } from '../../src/formats/csv.js';

const csv = (rows: number): string => `Name,Year\n${'x,2000\n'.repeat(rows)}`;

describe('the rows of one CSV file', () => {
  it(`are read one at a time, up to ${MAX_ROWS}`, () => {
    let rows = 0;
    readCsv(csv(MAX_ROWS), 'f.csv', () => () => {
      rows++;
    });
    expect(rows).toBe(MAX_ROWS);
  });

  it('past the limit, are refused before a single row is taken (no film built to be thrown away)', () => {
    let rows = 0;
    expect(() =>
      readCsv(csv(MAX_ROWS + 1), 'f.csv', () => () => {
        rows++;
      }),
    ).toThrow(`f.csv:${MAX_ROWS + 2}: more than 900,000 rows, more than a films store can hold`);
    expect(rows).toBe(0);
  });
});
