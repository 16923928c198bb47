import { parse } from 'csv-parse/sync';
import { DataError } from '../errors.js';

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
  try {
    // With `info`, csv-parse returns each record with where it ended; its types do not say so.
    records = parse(text, { bom: true, info: true, relax_column_count: true, skip_empty_lines: true }) as unknown as typeof records;
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new DataError(`${file}${line ? `:${line}` : ''}: not a readable CSV file (${(error as Error).message.replace(/^Invalid \w+: /, '')})`, 'check the file, or pass --format');
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
