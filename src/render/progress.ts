import type { Found, Progress } from '../progress.js';
import type { Look } from './glyphs.js';
import { groupDigits, plural } from '../domain/numbers.js';
import { displayWidth, truncate } from './width.js';

/** Nothing is drawn for work that ends within this (most imports): no flicker. */
const DELAY_MS = 1000;
/** The least time between two drawings: cheap, and still lively. */
const INTERVAL_MS = 100;
const BAR_WIDTH = 20;

export interface ProgressLine {
  title: string;
  unit: string;
  total: number | null;
  done: number;
  found: Found | null;
}

/** "Reading ratings.csv  [#####.....]  45%  45,000/100,000 rows  15,000 films, 45,000 reviews", cut to the width. */
export function progressLine(state: ProgressLine, look: Look): string {
  const { glyphs } = look;
  const parts: string[] = [];
  if (state.total !== null && state.total > 0) {
    const share = Math.min(1, state.done / state.total);
    const filled = Math.round(share * BAR_WIDTH);
    const bar = glyphs.unicode
      ? `${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}`
      : `[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}]`;
    parts.push(`${look.color.cyan(bar)} ${String(Math.floor(share * 100)).padStart(3)}%`);
    parts.push(`${groupDigits(state.done)}/${groupDigits(state.total)} ${state.unit}`);
  } else if (state.unit) {
    parts.push(`${groupDigits(state.done)} ${state.unit}`);
  }
  if (state.found) parts.push(`${plural(state.found.films, 'film')}, ${plural(state.found.reviews, 'review')}`);
  // One column short of the width: a line that fills it makes some terminals wrap. A long title
  // (a file's path) gives way to the counts.
  const width = Math.max(1, look.width - 1);
  const counts = glyphs.text(parts.map((part) => `  ${part}`).join(''));
  const title = truncate(glyphs.text(state.title), Math.max(10, width - displayWidth(counts)), glyphs.ellipsis);
  return truncate(`${title}${counts}`, width, glyphs.ellipsis);
}

/**
 * A Progress drawn on a terminal line: `\r`, the line, erase to its end, `\r` again, so that the
 * cursor waits at the line's start. Nothing that follows can be left glued to it, even when the
 * process is killed (Ctrl+C) mid-line, and the cursor is never hidden.
 */
export function terminalProgress(write: (text: string) => void, look: Look, clock: () => number): Progress & { clear: () => void } {
  const started = clock();
  let last = -Infinity;
  let shown = false;
  let ended = false;
  let state: ProgressLine = { title: '', unit: '', total: null, done: 0, found: null };
  const draw = (force: boolean): void => {
    const now = clock();
    if (ended || now - started < DELAY_MS || (!force && now - last < INTERVAL_MS)) return;
    last = now;
    shown = true;
    write(`\r${progressLine(state, look)}\u001b[K\r`);
  };
  return {
    step(title, unit, total) {
      state = { title, unit, total: total ?? null, done: 0, found: null };
      draw(true);
    },
    advance(done, found) {
      state.done = done;
      if (found) state.found = found;
      draw(false);
    },
    end() {
      this.clear();
      ended = true;
    },
    /** Erases the line for other output; the next drawing puts it back below. */
    clear() {
      if (shown) write('\r\u001b[K');
      shown = false;
    },
  };
}
