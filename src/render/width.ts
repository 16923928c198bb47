import fastStringWidth from 'fast-string-width';

/**
 * Characters one column wide each and never combining: printable ASCII, Latin, Greek and Cyrillic
 * (minus the soft hyphen and combining marks), dashes, curly quotes and the ellipsis. Most text is
 * made only of these, and counting them is ~10× cheaper than the general measure, which shows in
 * every table.
 */
const ONE_COLUMN_EACH = /^[\x20-\x7e\xa0-\xac\xae-\u02ff\u0370-\u0482\u048a-\u0590\u2013\u2014\u2018\u2019\u201c\u201d\u2026]*$/;

/** Terminal columns a string takes: the same as string-width and cli-table3 (fast-string-width). */
export const displayWidth = (text: string): number => (ONE_COLUMN_EACH.test(text) ? text.length : fastStringWidth(text));

let segmenter: Intl.Segmenter | undefined;
/** Grapheme clusters; the segmenter is costly to create, and most output never needs it. */
const graphemes = (text: string): Intl.Segments => (segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' })).segment(text);

/** Splits a word wider than `width` into pieces that fit, never inside a grapheme. */
function breakWord(word: string, width: number): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const { segment } of graphemes(word)) {
    if (piece && displayWidth(piece + segment) > width) {
      pieces.push(piece);
      piece = '';
    }
    piece += segment;
  }
  if (piece) pieces.push(piece);
  return pieces;
}

function wrapParagraph(paragraph: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  let lineWidth = 0;
  for (const word of paragraph.split(' ').filter(Boolean)) {
    const wordWidth = displayWidth(word);
    if (line && lineWidth + 1 + wordWidth <= width) {
      line += ` ${word}`;
      lineWidth += 1 + wordWidth;
      continue;
    }
    if (line) lines.push(line);
    const pieces = wordWidth > width ? breakWord(word, width) : [word];
    line = pieces.pop() ?? '';
    lineWidth = displayWidth(line);
    lines.push(...pieces);
  }
  lines.push(line);
  return lines;
}

/** Word-wraps text to a display width; `\n` starts a new paragraph. */
export function wrapText(text: string, width: number): string[] {
  const safeWidth = Math.max(1, width);
  return text.split('\n').flatMap((paragraph) => wrapParagraph(paragraph, safeWidth));
}

/** Cuts a display string to `width`, ending with `…` when something was cut. */
export function truncate(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  // A character a column and a grapheme: cut by length, without segmenting (~50 µs a line).
  if (ONE_COLUMN_EACH.test(text)) return `${text.slice(0, Math.max(0, width - 1))}…`;
  // Widths add up grapheme by grapheme, except across colour codes, which only the whole string shows.
  const additive = !text.includes('\u001b');
  let kept = '';
  let keptWidth = 0;
  for (const { segment } of graphemes(text)) {
    const nextWidth = additive ? keptWidth + displayWidth(segment) : displayWidth(kept + segment);
    if (nextWidth > width - 1) break;
    kept += segment;
    keptWidth = nextWidth;
  }
  return `${kept}…`;
}
