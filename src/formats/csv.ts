import { parse, type Info } from 'csv-parse/sync';
import { groupDigits } from '../domain/numbers.js';
import { LIMITS } from '../domain/rules.js';
import { DataError } from '../errors.js';

/**
 * The most characters a row may hold: a hundred times the longest text a rule allows (a review,
 * which Letterboxd writes as HTML). Every row near the limits is read, then checked as a bad row;
 * a row of absurd size (a 200 MB review) is refused while it is read, not built in memory first.
 */
const MAX_ROW = 100 * LIMITS['review text'];

export interface CsvRow {
  /** The line the record starts on, 1-based, counting the header. */
  line: number;
  /** Cells by header name. */
  get: (column: string) => string;
  width: number;
}

export interface CsvTable {
  header: string[];
  rows: CsvRow[];
}

/** Line breaks inside a record's cells: CRLF, CR or LF each count once (csv-parse counts a quoted CRLF twice). */
function breaksIn(record: readonly string[]): number {
  let breaks = 0;
  for (const cell of record) {
    if (cell.includes('\n') || cell.includes('\r')) breaks += cell.match(/\r\n|\r|\n/g)?.length ?? 0;
  }
  return breaks;
}

/** A CSV file read with csv-parse (BOM, CRLF, quoted commas, "" and line breaks inside quotes). */
export function readCsv(rawText: string, file: string): CsvTable {
  const text = rawText.replace(/^\uFEFF/, '');
  const records: string[][] = [];
  const lines: number[] = [];
  // Where the next record starts, before the empty lines csv-parse skips (it counts those itself).
  let nextLine = 1;
  let emptySoFar = 0;
  const startOf = (emptyLines: number): number => nextLine + emptyLines - emptySoFar;
  const place = (record: string[], info: Info): null => {
    const line = startOf(info.empty_lines);
    records.push(record);
    lines.push(line);
    nextLine = line + 1 + breaksIn(record);
    emptySoFar = info.empty_lines;
    return null;
  };
  try {
    parse(text, { relax_column_count: true, skip_empty_lines: true, max_record_size: MAX_ROW, on_record: place });
  } catch (error) {
    const failure = error as { code?: string; empty_lines?: number; message: string };
    const line = startOf(failure.empty_lines ?? emptySoFar);
    if (failure.code === 'CSV_MAX_RECORD_SIZE') {
      throw new DataError(
        `${file}:${line}: a row of over ${groupDigits(MAX_ROW)} characters, past every limit; the rows after it cannot be read`,
        'remove that row and import the file again',
      );
    }
    throw new DataError(
      `${file}:${line}: not a readable CSV file (${failure.message.replace(/^Invalid \w+: /, '').replace(/ at line \d+/, '')})`,
      'check the file, or pass --format',
    );
  }
  const [head, ...body] = records;
  if (!head) throw new DataError(`${file}: the file is empty`, 'export it again');
  const header = head.map((cell) => cell.trim());
  const position = new Map(header.map((name, i) => [name, i]));
  const rows = body.map((record, i) => ({
    line: lines[i + 1] as number,
    width: record.length,
    get: (column: string) => record[position.get(column) ?? -1] ?? '',
  }));
  return { header, rows };
}

/** The first line of a text, for recognising a CSV layout by its header. */
export function headerOf(text: string): string[] {
  const first = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  return first.split(',').map((cell) => cell.trim().replace(/^"(.*)"$/, '$1'));
}
