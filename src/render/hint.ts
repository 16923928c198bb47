import type { ChalkInstance } from 'chalk';
import { wrapText } from './width.js';

/** A dim line for people (a count, what to do next), wrapped to the width rather than cut or overflowing. */
export const hint = (text: string, width: number, color: ChalkInstance): string =>
  wrapText(text, width)
    .map((line) => color.dim(line))
    .join('\n');
