import type { IO } from '../io.js';
import { safeText } from '../render/safe-text.js';
import { wrapLines } from '../render/width.js';

/** A warning: one line on stderr; the command goes on. */
export function warn(io: IO, message: string): void {
  io.err.write(`${safeText(`films: warning: ${message}`)}\n`);
}

/** A note on stderr about what films did beyond what was asked: one line in a pipe, wrapped to the width at a terminal. */
export function note(io: IO, message: string): void {
  const line = safeText(`films: ${message}`);
  io.err.write(`${io.errColumns === null ? line : wrapLines(io.glyphs.text(line), io.errColumns)}\n`);
}

/**
 * A line for people on stdout (what a command did), in the terminal's characters and wrapped to
 * the width. `line` is ours, with user text already made safe (and coloured) in it.
 */
export function say(io: IO, line: string): void {
  io.out.write(`${wrapLines(io.glyphs.text(line), io.columns)}\n`);
}
