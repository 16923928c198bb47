import { plural } from '../domain/numbers.js';
import type { Look } from './glyphs.js';
import { wrapText } from './width.js';

/** A dim line for people (a count, what to do next), in the terminal's characters, wrapped to the width rather than cut or overflowing. */
export const hint = (text: string, look: Look): string =>
  wrapText(look.glyphs.text(text), look.width)
    .map((line) => look.color.dim(line))
    .join('\n');

/**
 * "1,234 more reviews — a larger --limit shows more, --limit none shows all": the last line of a list cut
 * short by --limit. Without it a list shows everything (through the pager at a terminal, as git log).
 */
export const moreHint = (more: number, noun: string, look: Look): string =>
  `${hint(`${plural(more, `more ${noun}`)} — a larger --limit shows more, --limit none shows all`, look)}\n`;
