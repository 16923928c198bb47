import type { ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import { truncate, widest, wrapText } from './width.js';

export type Align = 'left' | 'right';

export interface TableSpec {
  head?: string[];
  rows: string[][];
  /** Total width the table may take, borders included. */
  width: number;
  align?: Align[];
  /** Columns that never shrink below their content (short fixed values such as dates). */
  fixed?: boolean[];
  /** A hook to shorten a wrapped cell, e.g. to cut long reviews to a few lines. */
  limitLines?: (lines: string[], column: number, width: number) => string[];
  /** The column that takes the width the others leave (a review's text); the others keep theirs while it can. */
  grow?: number;
  /** No rule between rows, as long as every row fits on one line. */
  compact?: boolean;
  color: ChalkInstance;
}

const PADDING = 2;
/** Narrowest a flexible column gets when the terminal is too narrow for whole words. */
const MIN_COLUMN = 3;
/** Words longer than this may be broken rather than widen their column. */
const MAX_WORD_FLOOR = 24;
/** The least a `grow` column gets when the terminal is wide enough. */
const MIN_GROW = 20;
/**
 * Display width past which a cell's line is cut with "…", far beyond any field the rules allow:
 * wrapped into a narrow column, a 1 MB title in every row of a list printed hundreds of MB.
 * The `grow` column (a review's text) is cut by its own rules instead.
 */
const MAX_LINE_WIDTH = 10_000;

const cellWidth = (cell: string): number => widest(cell.split('\n'));
const wordWidth = (cell: string): number => widest(cell.split(/\s+/));

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

/**
 * Column widths that fit in `available`: flexible columns shrink first down to their longest
 * word (so words are not broken), then, only if needed, further; fixed columns never shrink.
 * A `grow` column gets what the others leave, but never less than a readable share.
 */
function fitWidths(
  natural: readonly number[],
  longestWord: readonly number[],
  fixed: readonly boolean[],
  available: number,
  grow?: number,
): number[] {
  const widths = [...natural];
  const frozen = [...fixed];
  if (grow !== undefined) {
    const others = widths.reduce((sum, w, i) => (i === grow ? sum : sum + w), 0);
    const share = Math.min(natural[grow] ?? 0, Math.max(MIN_GROW, Math.floor(available * 0.4)));
    widths[grow] = Math.min(natural[grow] ?? 0, Math.max(share, available - others));
    frozen[grow] = true;
  }
  const wordFloor = widths.map((w, i) => (fixed[i] ? w : Math.min(w, Math.min(longestWord[i] ?? 0, MAX_WORD_FLOOR))));
  shrink(
    widths,
    widths.map((w, i) => (frozen[i] ? w : (wordFloor[i] ?? w))),
    available,
  );
  shrink(widths, wordFloor, available);
  shrink(
    widths,
    widths.map((w, i) => (fixed[i] ? w : Math.min(w, MIN_COLUMN))),
    available,
  );
  return widths;
}

/** Each group's bottom border doubles as the rule before the next group. */
const RULE_BOTTOM = { bottom: '─', 'bottom-left': '├', 'bottom-mid': '┼', 'bottom-right': '┤' };
const NO_RULES = { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' };
/**
 * Visual lines drawn by one cli-table3 table: its layout compares every cell with every cell above
 * it, quadratic in a table's rows, so a long review is drawn in pieces of this many lines, stitched.
 */
const LINES_PER_PIECE = 64;

/** A group of rows (one table row, or every row of a compact table) as its visual lines, each a list of cells. */
function visualLines(rows: readonly (readonly string[][])[]): string[][] {
  const lines: string[][] = [];
  for (const cells of rows) {
    const height = cells.reduce((most, cell) => Math.max(most, cell.length), 1);
    for (let line = 0; line < height; line++) lines.push(cells.map((cell) => cell[line] ?? ''));
  }
  return lines;
}

/** A table before it is drawn: its columns' widths, and its groups of rows (a rule between groups), each cell as its lines. */
export interface TableLayout {
  widths: number[];
  groups: string[][][][];
}

/** Widths that fit `spec.width` and every cell wrapped to its column; linear in the cells, whatever their number. */
export function layoutTable(given: TableSpec): TableLayout {
  const cut = (cell: string): string =>
    cell
      .split('\n')
      .map((line) => truncate(line, MAX_LINE_WIDTH))
      .join('\n');
  const spec = { ...given, rows: given.rows.map((row) => row.map((cell, c) => (c === given.grow ? cell : cut(cell)))) };
  // Reductions, not Math.max(...rows): spreading thousands of rows overflows the stack.
  const columnCount = spec.rows.reduce((most, row) => Math.max(most, row.length), spec.head?.length ?? 0);
  const all = spec.head ? [spec.head, ...spec.rows] : spec.rows;
  const natural = Array.from({ length: columnCount }, (_, c) => all.reduce((most, row) => Math.max(most, cellWidth(row[c] ?? '')), 1));
  const longestWord = Array.from({ length: columnCount }, (_, c) => all.reduce((most, row) => Math.max(most, wordWidth(row[c] ?? '')), 1));
  const borders = columnCount + 1;
  const widths = fitWidths(natural, longestWord, spec.fixed ?? [], spec.width - borders - PADDING * columnCount, spec.grow);
  const wrapped = spec.rows.map((row) =>
    widths.map((width, c) => {
      const lines = wrapText(row[c] ?? '', width);
      return spec.limitLines ? spec.limitLines(lines, c, width) : lines;
    }),
  );
  const compact = spec.compact && wrapped.every((row) => row.every((cell) => cell.length <= 1));
  const headRows = spec.head ? [widths.map((width, c) => wrapText(spec.head?.[c] ?? '', width).map((line) => spec.color.bold(line)))] : [];
  const groups = compact ? [headRows, wrapped].filter((rows) => rows.length) : [...headRows, ...wrapped].map((row) => [row]);
  return { widths, groups };
}

/**
 * The layout drawn by cli-table3, a piece of at most LINES_PER_PIECE visual lines at a time, the
 * pieces stitched: only the first keeps its top border, and only a group's last one its bottom border.
 */
function drawTable({ widths, groups }: TableLayout, align: readonly Align[]): string {
  const drawn: string[] = [];
  for (const [g, rows] of groups.entries()) {
    const lines = visualLines(rows);
    for (let from = 0; from < lines.length; from += LINES_PER_PIECE) {
      const endsGroup = from + LINES_PER_PIECE >= lines.length;
      const lastGroup = g === groups.length - 1;
      const table = new Table({
        colWidths: widths.map((w) => w + PADDING),
        colAligns: [...align],
        wordWrap: false,
        style: { head: [], border: [] },
        chars: { ...NO_RULES, ...(endsGroup && !lastGroup ? RULE_BOTTOM : {}) },
      });
      for (const line of lines.slice(from, from + LINES_PER_PIECE)) table.push(line);
      const piece = table.toString().split('\n');
      drawn.push(...piece.slice(drawn.length === 0 ? 0 : 1, endsGroup ? piece.length : -1));
    }
  }
  return drawn.join('\n');
}

/**
 * A bordered table whose every line has the same display width, at most `spec.width` when it can fit.
 * Widths and wrapping are films' own; cli-table3 draws the cells and borders, a piece at a time, so
 * the cost stays linear in the lines of a long review (its layout compares every cell with every
 * cell above it: quadratic in one table's rows).
 */
export function renderTable(spec: TableSpec): string {
  return drawTable(layoutTable(spec), spec.align ?? []);
}
