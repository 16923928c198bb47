import { parse } from 'csv-parse/sync';
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

/** A CSV file read with csv-parse (BOM, CRLF, quoted commas, "" and line breaks inside quotes). */
export function readCsv(text: string, file: string): CsvTable {
  let records: { record: string[]; info: { lines: number } }[];
  let lastEnd = 0;
  const trackEnd = (record: string[], { lines }: { lines: number }): string[] => {
    lastEnd = lines;
    return record;
  };
  try {
    // With `info`, csv-parse returns each record with where it ended; its types do not say so.
    records = parse(text, {
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      max_record_size: MAX_ROW,
      on_record: trackEnd,
    }) as unknown as typeof records;
  } catch (error) {
    if ((error as { code?: string }).code === 'CSV_MAX_RECORD_SIZE') {
      throw new DataError(
        `${file}:${lastEnd + 1}: a row of over ${groupDigits(MAX_ROW)} characters, past every limit; the rows after it cannot be read`,
        'remove that row and import the file again',
      );
    }
    const line = (error as { lines?: number }).lines;
    throw new DataError(
      `${file}${line ? `:${line}` : ''}: not a readable CSV file (${(error as Error).message.replace(/^Invalid \w+: /, '')})`,
      'check the file, or pass --format',
    );
  }
  const [head, ...body] = records;
  if (!head) throw new DataError(`${file}: the file is empty`, 'export it again');
  const header = head.record.map((cell) => cell.trim());
  const position = new Map(header.map((name, i) => [name, i]));
  let previousEnd = head.info.lines;
  const rows = body.map(({ record, info }) => {
    const line = previousEnd + 1;
    previousEnd = info.lines;
    return { line, width: record.length, get: (column: string) => record[position.get(column) ?? -1] ?? '' };
  });
  return { header, rows };
}

/** The first line of a text, for recognising a CSV layout by its header. */
export function headerOf(text: string): string[] {
  const first = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  return first.split(',').map((cell) => cell.trim().replace(/^"(.*)"$/, '$1'));
}
