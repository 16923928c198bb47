import { CsvError, parse, type Info } from 'csv-parse/sync';
import { groupDigits } from '../domain/numbers.js';
import { LIMITS } from '../domain/rules.js';
import { DataError } from '../errors.js';

/**
 * The most characters a row may hold: a hundred times the longest text a rule allows (a review,
 * which Letterboxd writes as HTML). Every row near the limits is read, then checked as a bad row;
 * a row of absurd size (a 200 MB review) is refused while it is read, not built in memory first.
 */
const MAX_ROW = 100 * LIMITS['review text'];

/**
 * The most rows one CSV file may hold. A film with one diary entry takes ~580 bytes of a store, so a
 * store at its ~512 MB ceiling holds about 920,000: a file past this could not become a store, and
 * is refused by a pass that counts its rows, keeping nothing, before any film is built.
 * Real exports are far smaller (the longest Letterboxd diaries hold tens of thousands of entries).
 */
export const MAX_ROWS = 900_000;

export interface CsvRow {
  /** The line the record starts on, 1-based, counting the header. */
  line: number;
  /** Cells by header name. */
  get: (column: string) => string;
  width: number;
}

/** Line breaks inside a record's cells: CRLF, CR or LF each count once (csv-parse counts a quoted CRLF twice). */
function breaksIn(record: readonly string[]): number {
  let breaks = 0;
  for (const cell of record) {
    if (cell.includes('\n') || cell.includes('\r')) breaks += cell.match(/\r\n|\r|\n/g)?.length ?? 0;
  }
  return breaks;
}

/**
 * A CSV file read with csv-parse (BOM, CRLF, quoted commas, "" and line breaks inside quotes), a row
 * at a time: `start` gets the header and returns what takes each row, so no table of every row is
 * ever built (a 1M-row file would cost gigabytes as one).
 */
export function readCsv(
  rawText: string,
  file: string,
  start: (header: string[]) => (row: CsvRow) => void,
  maxRows: number = MAX_ROWS,
): void {
  const text = rawText.replace(/^\uFEFF/, '');
  // A file of more lines than rows allowed may hold too many rows: they are counted first, keeping
  // nothing, so that such a file is refused before its films are built.
  if (linesIn(text) > maxRows) readRows(text, file, () => () => undefined, maxRows);
  readRows(text, file, start, maxRows);
}

/** How many lines a text has: at least as many as its rows. */
export function linesIn(text: string): number {
  let lines = 1;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) lines++;
  return lines;
}

function readRows(text: string, file: string, start: (header: string[]) => (row: CsvRow) => void, maxRows: number): void {
  // Where the next record starts, before the empty lines csv-parse skips (it counts those itself).
  let nextLine = 1;
  let emptySoFar = 0;
  let position: Map<string, number> | undefined;
  let take: ((row: CsvRow) => void) | undefined;
  let rows = 0;
  const startOf = (emptyLines: number): number => nextLine + emptyLines - emptySoFar;
  const place = (record: string[], info: Info): null => {
    const line = startOf(info.empty_lines);
    nextLine = line + 1 + breaksIn(record);
    emptySoFar = info.empty_lines;
    if (!take || !position) {
      const header = record.map((cell) => cell.trim());
      position = new Map(header.map((name, i) => [name, i]));
      take = start(header);
      return null;
    }
    if (++rows > maxRows) {
      throw new DataError(
        `${file}:${line}: more than ${groupDigits(maxRows)} rows, more than a films store can hold (about 580 bytes each, ~512 MB in all); nothing was imported`,
        'split the file, or import only what you need',
      );
    }
    const columns = position;
    take({ line, width: record.length, get: (column: string) => record[columns.get(column) ?? -1] ?? '' });
    return null;
  };
  try {
    parse(text, { relax_column_count: true, skip_empty_lines: true, max_record_size: MAX_ROW, on_record: place });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = startOf((error as CsvError & { empty_lines?: number }).empty_lines ?? emptySoFar);
    if (error.code === 'CSV_MAX_RECORD_SIZE') {
      throw new DataError(
        `${file}:${line}: a row of over ${groupDigits(MAX_ROW)} characters, past every limit; the rows after it cannot be read`,
        'remove that row and import the file again',
      );
    }
    throw new DataError(
      `${file}:${line}: not a readable CSV file (${error.message.replace(/^Invalid \w+: /, '').replace(/ at line \d+/, '')})`,
      'check the file, or pass --format',
    );
  }
  if (!take) throw new DataError(`${file}: the file is empty`, 'export it again');
}

/** The first line of a text, for recognising a CSV layout by its header. */
export function headerOf(text: string): string[] {
  const first = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  return first.split(',').map((cell) => cell.trim().replace(/^"(.*)"$/, '$1'));
}
