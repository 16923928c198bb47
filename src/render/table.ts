import Table from 'cli-table3';
import type { ChalkInstance } from 'chalk';
import { displayWidth, wrapText } from './width.js';

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

const cellWidth = (cell: string): number => Math.max(0, ...cell.split('\n').map(displayWidth));
const wordWidth = (cell: string): number => Math.max(0, ...cell.split(/[\s]+/).map(displayWidth));

/** Shrinks the widest column above its floor, one step at a time, until the widths fit in `available`. */
function shrink(widths: number[], floors: readonly number[], available: number): void {
  let excess = widths.reduce((sum, w) => sum + w, 0) - available;
  while (excess > 0) {
    let widest = -1;
    widths.forEach((w, i) => {
      if (w > (floors[i] ?? w) && (widest < 0 || w > (widths[widest] ?? 0))) widest = i;
    });
    if (widest < 0) return;
    const current = widths[widest] ?? 0;
    const next = Math.max(floors[widest] ?? current, ...widths.filter((w, i) => i !== widest && w < current));
    const step = Math.max(1, Math.min(excess, current - next));
    widths[widest] = current - step;
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
 * A bordered table whose every line has the same display width, at most `spec.width` when it can fit.
 * Each visual line is its own cli-table3 row and each table row its own small table, stitched
 * together: cli-table3 re-measures a whole multi-line cell for every line it draws, which is
 * quadratic in a long review's length.
 */
export function renderTable(spec: TableSpec): string {
  const columnCount = Math.max(spec.head?.length ?? 0, ...spec.rows.map((row) => row.length));
  const all = spec.head ? [spec.head, ...spec.rows] : spec.rows;
  const natural = Array.from({ length: columnCount }, (_, c) => Math.max(1, ...all.map((row) => cellWidth(row[c] ?? ''))));
  const longestWord = Array.from({ length: columnCount }, (_, c) => Math.max(1, ...all.map((row) => wordWidth(row[c] ?? ''))));
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
  return groups
    .map((rows, g) => {
      const last = g === groups.length - 1;
      const table = new Table({
        colWidths: widths.map((w) => w + PADDING),
        colAligns: spec.align ?? [],
        wordWrap: false,
        style: { head: [], border: [] },
        chars: { ...NO_RULES, ...(last ? {} : RULE_BOTTOM) },
      });
      for (const cells of rows) {
        const height = Math.max(1, ...cells.map((lines) => lines.length));
        for (let line = 0; line < height; line++) table.push(cells.map((lines) => lines[line] ?? ''));
      }
      const drawn = table.toString();
      return g === 0 ? drawn : drawn.slice(drawn.indexOf('\n') + 1);
    })
    .join('\n');
}
