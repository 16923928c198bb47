import Table from 'cli-table3';
import type { Look } from './glyphs.js';
import { displayWidth, truncate, widest, wrapText } from './width.js';

export type Align = 'left' | 'right';

export interface TableSpec extends Look {
  /**
   * The columns' names, which label each value when the table is stacked. A table without one is
   * a list of fields: its first column labels its second.
   */
  head?: string[];
  rows: string[][];
  align?: Align[];
  /** Columns that never shrink below their content (short fixed values such as dates). */
  fixed?: boolean[];
  /** A hook to shorten a wrapped cell, e.g. to cut long reviews to a few lines. */
  limitLines?: (lines: string[], column: number, width: number) => string[];
  /** The column that takes the width the others leave (a review's text); the others keep theirs while it can. */
  grow?: number;
  /** No rule between rows, as long as every row fits on one line. */
  compact?: boolean;
}

const PADDING = 2;
/** Words longer than this may be broken rather than widen their column. */
const MAX_WORD_FLOOR = 24;
/** The least a `grow` column gets: narrower, a review reads a word a line, and the table is stacked instead. */
const MIN_GROW = 20;
/**
 * The least a column with a head gets from its cells' words (split at spaces and after hyphens):
 * narrower, names and titles break inside short words ("Холодн|ая"), and the table is stacked instead.
 */
const MIN_WORD = 10;
/** A stacked value narrower than this goes under its label instead of beside it. */
const MIN_VALUE = 16;
/**
 * Display width past which a cell's line is cut with "…", far beyond any field the rules allow:
 * wrapped into a narrow column, a 1 MB title in every row of a list printed hundreds of MB.
 * The `grow` column (a review's text) is cut by its own rules instead.
 */
const MAX_LINE_WIDTH = 10_000;

const cellWidth = (cell: string): number => widest(cell.split('\n'));
const wordWidth = (cell: string): number => widest(cell.split(/\s+/));
/** The widest piece a cell's words break into at their hyphens. */
const pieceWidth = (cell: string): number => widest(cell.split(/\s+|(?<=-)/));

/** Shrinks the widest column above its floor, one step at a time, until the widths fit in `available`. */
function shrink(widths: number[], floors: readonly number[], available: number): void {
  let excess = widths.reduce((sum, w) => sum + w, 0) - available;
  while (excess > 0) {
    let column = -1;
    widths.forEach((w, i) => {
      if (w > (floors[i] ?? w) && (column < 0 || w > (widths[column] ?? 0))) column = i;
    });
    if (column < 0) return;
    const current = widths[column] ?? 0;
    const next = Math.max(floors[column] ?? current, ...widths.filter((w, i) => i !== column && w < current));
    const step = Math.max(1, Math.min(excess, current - next));
    widths[column] = current - step;
    excess -= step;
  }
}

/** What a table's columns hold: measured once, over every cell. */
interface Measure {
  /** The widest line of each column, its name included, and of its rows alone. */
  natural: number[];
  body: number[];
  /**
   * The width each column keeps while it can: its longest word (up to MAX_WORD_FLOOR) and its
   * name's, all of a fixed column, MIN_GROW of the grow column.
   */
  preferred: number[];
  /**
   * Where columns stop on their way down from `preferred` to `floors`, in turn: the grow column
   * and the fixed ones wrap at their spaces (a rating's stars go under it), then the others break
   * their words, then the fixed ones too.
   */
  steps: number[][];
  /**
   * The least width of each column: its name's longest word, its cells' longest piece up to
   * MIN_WORD, MIN_GROW of the grow column (a table with no head: what it prefers, its labels
   * whole). Narrower, words would split, and the table is stacked.
   */
  floors: number[];
  /** Whether a column has a cell of several lines. */
  multiline: boolean[];
}

function measure(spec: TableSpec): Measure {
  // Reductions, not Math.max(...rows): spreading thousands of rows overflows the stack.
  const columns = spec.rows.reduce((most, row) => Math.max(most, row.length), spec.head?.length ?? 0);
  const column = <T>(each: (c: number) => T): T[] => Array.from({ length: columns }, (_, c) => each(c));
  const over = (c: number, of: (cell: string) => number): number => spec.rows.reduce((most, row) => Math.max(most, of(row[c] ?? '')), 1);
  const headWord = column((c) => wordWidth(spec.head?.[c] ?? ''));
  const body = column((c) => over(c, cellWidth));
  const natural = column((c) => Math.max(body[c] ?? 1, cellWidth(spec.head?.[c] ?? '')));
  // One pass over each column's cells for their longest word: the review texts of a long list are large.
  const cellWords = column((c) => over(c, wordWidth));
  const preferred = column((c) => {
    const own = natural[c] ?? 1;
    if (spec.fixed?.[c]) return own;
    const content = c === spec.grow ? Math.min(own, MIN_GROW) : Math.min(cellWords[c] ?? 1, MAX_WORD_FLOOR);
    return Math.max(headWord[c] ?? 0, content);
  });
  const floors = spec.head
    ? column((c) => {
        if (c === spec.grow) return Math.max(1, headWord[c] ?? 0, Math.min(natural[c] ?? 1, MIN_GROW));
        // A fixed column's words (dates, ids) never break at their hyphens.
        const pieces = spec.fixed?.[c] ? (cellWords[c] ?? 1) : over(c, pieceWidth);
        const content = Math.min(pieces, MIN_WORD);
        return Math.max(1, headWord[c] ?? 0, content);
      })
    : preferred;
  const words = column((c) => Math.max(headWord[c] ?? 0, cellWords[c] ?? 1));
  const wrapped = column((c) => {
    if (spec.fixed?.[c]) return words[c] ?? 1;
    return c === spec.grow ? Math.min(words[c] ?? 1, MAX_WORD_FLOOR) : (preferred[c] ?? 1);
  });
  const flexibleBroken = column((c) => (spec.fixed?.[c] ? (wrapped[c] ?? 1) : (floors[c] ?? 1)));
  const multiline = column((c) => spec.rows.some((row) => row[c]?.includes('\n') ?? false));
  return { natural, body, preferred, steps: [wrapped, flexibleBroken], floors, multiline };
}

/** The room a table of these columns leaves for its cells: its borders and padding taken. */
const room = (width: number, columns: number): number => width - (columns + 1) - PADDING * columns;

/**
 * Column widths that fit in `available`, none below its floor: flexible columns shrink first, a
 * `grow` column keeping what it can, then it too, down to what each prefers; then every column,
 * down to its head's longest word, its cells' words wrapping or breaking. Null when the floors
 * alone do not fit: the table is stacked instead.
 */
function fitWidths({ natural, preferred, steps, floors }: Measure, available: number, grow?: number): number[] | null {
  if (floors.reduce((sum, w) => sum + w, 0) > available) return null;
  const widths = [...natural];
  const kept = [...preferred];
  if (grow !== undefined) {
    const others = widths.reduce((sum, w, i) => (i === grow ? sum : sum + w), 0);
    const share = Math.min(natural[grow] ?? 0, Math.max(MIN_GROW, Math.floor(available * 0.4)));
    widths[grow] = Math.min(natural[grow] ?? 0, Math.max(share, available - others));
    kept[grow] = widths[grow];
  }
  shrink(widths, kept, available);
  for (const step of [preferred, ...steps, floors]) {
    shrink(
      widths,
      step.map((w, c) => Math.max(w, floors[c] ?? 1)),
      available,
    );
  }
  return widths;
}

/** A table before it is drawn: its columns' widths (null: stacked), and its rows, cut to a sane width. */
export interface TableLayout {
  widths: number[] | null;
  rows: string[][];
  /** Every row fits on one line: no rule between rows. */
  compact: boolean;
}

/** Widths that fit `spec.width`, or stacked; linear in the cells, whatever their number. */
export function layoutTable(spec: TableSpec): TableLayout {
  const cut = (cell: string): string =>
    cell
      .split('\n')
      .map((line) => truncate(line, MAX_LINE_WIDTH, spec.glyphs.ellipsis))
      .join('\n');
  const rows = spec.rows.map((row) => row.map((cell, c) => (c === spec.grow ? cell : cut(cell))));
  const measured = measure({ ...spec, rows });
  const columns = measured.natural.length;
  const widths = fitWidths(measured, room(spec.width, columns), spec.grow);
  const compact =
    Boolean(spec.compact) && widths !== null && widths.every((w, c) => (measured.body[c] ?? 0) <= w && !measured.multiline[c]);
  return { widths, rows, compact };
}

/** A line of cells, or a rule between groups of rows. */
type Line = string[] | 'rule';

/** The head, then each row as its visual lines, a rule between rows unless compact; each row wrapped only when reached. */
function* tableLines(spec: TableSpec, rows: readonly string[][], widths: readonly number[], compact: boolean): Generator<Line> {
  const wrapRow = (row: readonly string[], head: boolean): string[][] =>
    widths.map((width, c) => {
      const lines = wrapText(row[c] ?? '', width);
      if (head) return lines.map((line) => spec.color.bold(line));
      return spec.limitLines ? spec.limitLines(lines, c, width) : lines;
    });
  const visual = function* (cells: string[][]): Generator<string[]> {
    const height = cells.reduce((most, cell) => Math.max(most, cell.length), 1);
    for (let line = 0; line < height; line++) yield cells.map((cell) => cell[line] ?? '');
  };
  if (spec.head) {
    yield* visual(wrapRow(spec.head, true));
    if (rows.length) yield 'rule';
  }
  for (const [index, row] of rows.entries()) {
    if (index > 0 && !compact) yield 'rule';
    yield* visual(wrapRow(row, false));
  }
}

/**
 * Visual lines drawn by one cli-table3 table: its layout compares every cell with every cell above
 * it, quadratic in a table's rows, so new lines are drawn in batches of at most this many.
 */
const LINES_PER_PIECE = 64;

/**
 * cli-table3 measures text with string-width 4, whose Unicode data is older than ours: it takes 🧑‍🚀
 * for 5 columns and 🫠 or 𖿠 for 1, and pads their cells wrong. So it is given, for each cell, a
 * placeholder of the width we measure, a run of x (nothing else it draws is an x), and the cells
 * are put back in place of the runs, in order.
 */
const placeholder = (width: number): string => 'x'.repeat(width);

/** A drawn line with its cells, of these widths, in place of their placeholders (an empty cell has none). */
function putBack(drawn: string, line: readonly string[], widths: readonly number[]): string {
  const cells = line.filter((_, c) => (widths[c] ?? 0) > 0);
  let cell = 0;
  return drawn.replace(/x+/g, () => cells[cell++] ?? '');
}

/**
 * The most a table remembers of the lines it drew: shapes, and characters (each line is as wide as
 * the table). Past either, what it remembers is forgotten, before the next piece is drawn.
 */
export const MAX_SHAPES = 1_000;
export const MAX_REMEMBERED = 4_000_000;

export interface Frame {
  top: string;
  rule: string;
  bottom: string;
  /** Lines of cells, drawn. */
  lines: (piece: readonly string[][]) => string[];
  /** What it holds of the lines drawn so far. */
  remembered: () => { shapes: number; characters: number };
}

/**
 * The lines cli-table3 draws for a table of these widths, remembered by the widths of their cells:
 * a line of placeholders depends on nothing else, and cli-table3's cost is mostly per cell (~10 µs),
 * so the lines of a long review, mostly of a few shapes, are drawn once per shape.
 */
export function frameOf(spec: TableSpec, widths: readonly number[]): Frame {
  const chars = spec.glyphs.table;
  const draw = (rows: readonly string[][], ruled: boolean): string[] => {
    const table = new Table({
      colWidths: widths.map((w) => w + PADDING),
      colAligns: [...(spec.align ?? [])],
      wordWrap: false,
      style: { head: [], border: [] },
      chars: ruled ? chars : { ...chars, mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
    });
    for (const row of rows) table.push([...row]);
    return table.toString().split('\n');
  };
  const empty = widths.map(() => '');
  const [top = '', , rule = '', , bottom = ''] = draw([empty, empty], true);
  const shapes = new Map<string, string>();
  let characters = 0;
  const lines = (piece: readonly string[][]): string[] => {
    // A long list of varied rows has a shape a row, and a table as wide as a huge line has huge lines.
    if (shapes.size > MAX_SHAPES || characters > MAX_REMEMBERED) {
      shapes.clear();
      characters = 0;
    }
    // Each cell measured once: its width is both the line's key and its placeholder.
    const measured = piece.map((line) => line.map(displayWidth));
    const keys = measured.map((cells) => cells.join(' '));
    const fresh = [...new Map(measured.map((cells, i) => [keys[i] ?? '', cells])).entries()].filter(([key]) => !shapes.has(key));
    for (let at = 0; at < fresh.length; at += LINES_PER_PIECE) {
      const batch = fresh.slice(at, at + LINES_PER_PIECE);
      const drawn = draw(
        batch.map(([, cells]) => cells.map(placeholder)),
        false,
      );
      batch.forEach(([key], i) => {
        const line = drawn[i + 1] ?? '';
        shapes.set(key, line);
        characters += key.length + line.length;
      });
    }
    return piece.map((line, i) => putBack(shapes.get(keys[i] ?? '') ?? '', line, measured[i] ?? []));
  };
  return { top, rule, bottom, lines, remembered: () => ({ shapes: shapes.size, characters }) };
}

/**
 * The table a piece at a time, each at most LINES_PER_PIECE lines (so a long list shows its first
 * screen before the rest is drawn): the top border, each group of rows and the rule after it, the
 * bottom border.
 */
function* drawnPieces(spec: TableSpec, lines: Iterable<Line>, widths: readonly number[]): Generator<string> {
  const frame = frameOf(spec, widths);
  let piece: string[][] = [];
  let before = `${frame.top}\n`;
  const drawn = (): string => {
    const text = `${before}${frame.lines(piece).join('\n')}\n`;
    piece = [];
    before = '';
    return text;
  };
  for (const line of lines) {
    if (line === 'rule') yield `${drawn()}${frame.rule}\n`;
    else {
      if (piece.length === LINES_PER_PIECE) yield drawn();
      piece.push(line);
    }
  }
  // A table of no lines at all is not drawn.
  if (piece.length) yield `${drawn()}${frame.bottom}\n`;
}

/**
 * A table too wide for the width, stacked as `gh` and `kubectl describe` print records: each row
 * a block of `Label: value` lines (values wrapped beside their labels, or under them when the
 * labels leave too little room), a blank line between blocks; an empty value is left out. A table
 * without a head is one block, its first column the labels.
 */
function* stackedPieces(spec: TableSpec, rows: readonly string[][]): Generator<string> {
  const records = spec.head
    ? rows.map((row) => spec.head?.map((label, c) => [label, row[c] ?? '', c] as const) ?? [])
    : [rows.map((row) => [row[0] ?? '', row.slice(1).join(' '), 1] as const)];
  const labelWidth = widest([...(spec.head ?? rows.map((row) => row[0] ?? ''))].map((label) => `${label}:`));
  const beside = spec.width - labelWidth - 1 >= MIN_VALUE;
  const valueWidth = Math.max(1, beside ? spec.width - labelWidth - 1 : spec.width - 2);
  for (const [index, record] of records.entries()) {
    const lines: string[] = [];
    for (const [label, value, c] of record) {
      if (!value) continue;
      const wrapped = wrapText(value, valueWidth);
      const values = spec.limitLines ? spec.limitLines(wrapped, c, valueWidth) : wrapped;
      const name = spec.color.bold(`${label}:`);
      // A blank line between paragraphs stays blank, without the indent.
      const indented = (indent: number, line: string): string => (line ? `${' '.repeat(indent)}${line}` : '');
      if (beside) {
        const pad = ' '.repeat(labelWidth - displayWidth(`${label}:`) + 1);
        values.forEach((line, i) => lines.push(i === 0 ? `${name}${pad}${line}` : indented(labelWidth + 1, line)));
      } else {
        lines.push(name, ...values.map((line) => indented(2, line)));
      }
    }
    yield `${index > 0 ? '\n' : ''}${lines.join('\n')}\n`;
  }
}

/**
 * A table, a piece at a time, each ending with a line break: bordered, every line the same display
 * width and at most `spec.width`, or stacked when it cannot fit without breaking words. Widths and
 * wrapping are films' own; cli-table3 draws the cells and borders, a piece at a time, so the cost
 * stays linear in the lines of a long review (its layout compares every cell with every cell above
 * it: quadratic in one table's rows), and a long list shows its first screen before the rest is drawn.
 */
export function* tablePieces(spec: TableSpec): Generator<string> {
  const { widths, rows, compact } = layoutTable(spec);
  if (widths === null) yield* stackedPieces(spec, rows);
  else yield* drawnPieces(spec, tableLines(spec, rows, widths, compact), widths);
}

/** Fields as `Label: value` lines, values wrapped beside their labels: a stacked table of one record. */
export function renderFields(fields: readonly (readonly [label: string, value: string])[], look: Look): string {
  return [
    ...stackedPieces(
      { ...look, rows: [] },
      fields.map(([label, value]) => [label, value]),
    ),
  ]
    .join('')
    .slice(0, -1);
}

/** The whole table, without its last line break. */
export function renderTable(spec: TableSpec): string {
  return [...tablePieces(spec)].join('').slice(0, -1);
}
