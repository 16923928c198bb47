import fastStringWidth from 'fast-string-width';

/**
 * Characters one column wide each and never combining: printable ASCII, Latin, Greek and Cyrillic
 * (minus the soft hyphen and combining marks), dashes, curly quotes and the ellipsis. Most text is
 * made only of these, and counting them is ~10× cheaper than the general measure, which shows in
 * every table.
 */
const ONE_COLUMN_EACH = /^[\x20-\x7e\xa0-\xac\xae-\u02ff\u0370-\u0482\u048a-\u0590\u2013\u2014\u2018\u2019\u201c\u201d\u2026]*$/;

/** Terminal columns a string takes: the same as string-width (fast-string-width), and the measure tables are padded by. */
export const displayWidth = (text: string): number => (ONE_COLUMN_EACH.test(text) ? text.length : fastStringWidth(text));

/** The widest of `texts`, 0 for none: a loop, as spreading a long array into Math.max overflows the stack. */
export function widest(texts: Iterable<string>): number {
  let most = 0;
  for (const text of texts) most = Math.max(most, displayWidth(text));
  return most;
}

let segmenter: Intl.Segmenter | undefined;
/** The segmenter is costly to create, and most output never needs it. */
const graphemeSegmenter = (): Intl.Segmenter => (segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' }));

/**
 * Text is segmented a few thousand characters at a time: Node 20's Intl.Segmenter takes time
 * quadratic in the length of what it iterates (V8 issue 326176949, fixed in V8 12.3).
 */
const SEGMENT_CHUNK = 4096;

/**
 * The grapheme clusters of `text`, in order. Each chunk is read up to its last cluster, which may
 * go on past the chunk, so the next chunk starts there; a cluster longer than a chunk is cut.
 */
function* graphemes(text: string): Generator<string> {
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + SEGMENT_CHUNK);
    if (end < text.length && /[\ud800-\udbff]/.test(text.charAt(end - 1))) end -= 1;
    let last = { segment: '', index: 0 };
    for (const segment of graphemeSegmenter().segment(text.slice(start, end))) {
      if (last.segment) yield last.segment;
      last = segment;
    }
    if (end === text.length || last.index === 0) {
      yield last.segment;
      start = end;
    } else {
      start += last.index;
    }
  }
}

/** Where the grapheme holding `index` starts: a cut there splits no character, emoji sequence or accent. */
export function graphemeStart(text: string, index: number): number {
  if (index <= 0 || index >= text.length) return Math.max(0, Math.min(index, text.length));
  // One lookup copies the text once: linear, unlike iterating it (see SEGMENT_CHUNK).
  return graphemeSegmenter().segment(text).containing(index)?.index ?? index;
}

/** Our colour codes: no width, never cut. User text reaches here through safeText, so it holds no escape of its own. */
const COLOR_CODE = /(\u001b\[[\d;]*m)/;

/** Text and colour codes by turns: the codes at the odd indices. */
const colorParts = (text: string): string[] => (text.includes('\u001b') ? text.split(COLOR_CODE) : [text]);

interface Piece {
  text: string;
  width: number;
}

/**
 * Text (without colour codes) a grapheme at a time, with its width: widths add up piece by piece,
 * so cutting and breaking measure each piece once, not everything kept so far.
 */
function* graphemePieces(text: string): Generator<Piece> {
  if (ONE_COLUMN_EACH.test(text)) for (const char of text) yield { text: char, width: 1 };
  else for (const segment of graphemes(text)) yield { text: segment, width: displayWidth(segment) };
}

/** A display string a grapheme or a colour code (no width) at a time. */
function* pieces(text: string): Generator<Piece> {
  for (const [index, part] of colorParts(text).entries()) {
    if (index % 2 === 1) yield { text: part, width: 0 };
    else yield* graphemePieces(part);
  }
}

/** How much of `text` (without colour codes), in whole graphemes from its start, fits in `width` columns: a length in code units. */
export function fittingLength(text: string, width: number): number {
  let length = 0;
  let room = width;
  for (const piece of graphemePieces(text)) {
    if (piece.width > room) break;
    length += piece.text.length;
    room -= piece.width;
  }
  return length;
}

/**
 * Splits a word wider than `width` into pieces that fit, never inside a grapheme, and after a
 * hyphen when the piece has one (a long slug breaks between its words). Each grapheme is carried
 * to the next piece at most once: linear in the word.
 */
function breakWord(word: string, width: number): string[] {
  const lines: string[] = [];
  let line: Piece[] = [];
  let lineWidth = 0;
  for (const piece of pieces(word)) {
    if (line.length && piece.width > 0 && lineWidth + piece.width > width) {
      let hyphen = line.length - 1;
      while (hyphen > 0 && line[hyphen - 1]?.text !== '-') hyphen--;
      const carried = hyphen > 0 ? line.slice(hyphen) : [];
      lines.push((hyphen > 0 ? line.slice(0, hyphen) : line).map((kept) => kept.text).join(''));
      line = carried;
      lineWidth = carried.reduce((sum, kept) => sum + kept.width, 0);
    }
    line.push(piece);
    lineWidth += piece.width;
  }
  if (line.length) lines.push(line.map((kept) => kept.text).join(''));
  return lines;
}

function wrapParagraph(paragraph: string, width: number, lines: string[]): void {
  let line = '';
  let lineWidth = 0;
  for (const word of paragraph.split(' ')) {
    if (!word) continue;
    const wordWidth = displayWidth(word);
    if (line && lineWidth + 1 + wordWidth <= width) {
      line += ` ${word}`;
      lineWidth += 1 + wordWidth;
      continue;
    }
    if (line) lines.push(line);
    const broken = wordWidth > width ? breakWord(word, width) : [word];
    line = broken.pop() ?? '';
    lineWidth = displayWidth(line);
    for (const piece of broken) lines.push(piece);
  }
  lines.push(line);
}

/** Word-wraps text to a display width; `\n` starts a new paragraph. */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) wrapParagraph(paragraph, Math.max(1, width), lines);
  return lines;
}

/**
 * Lines of prose for people, each wrapped to `width` where it is wider: its wrapped lines keep its
 * indentation ("  3 × a reason" stays under itself).
 */
export function wrapLines(text: string, width: number): string {
  return text
    .split('\n')
    .map((line) => {
      if (displayWidth(line) <= width) return line;
      const indent = /^ */.exec(line)?.[0] ?? '';
      return wrapText(line.slice(indent.length), width - indent.length)
        .map((wrapped) => `${indent}${wrapped}`)
        .join('\n');
    })
    .join('\n');
}

/**
 * Cuts a display string to `width`, ending with `ellipsis` when something was cut. The colour codes
 * of the part cut off are kept (they take no room), so a colour opened before the cut is closed.
 */
export function truncate(text: string, width: number, ellipsis = '…'): string {
  if (displayWidth(text) <= width) return text;
  const mark = ellipsis.slice(0, Math.max(0, width));
  // A character a column and a grapheme, no colour codes: cut by length, without segmenting (~50 µs a line).
  if (ONE_COLUMN_EACH.test(text)) return `${text.slice(0, Math.max(0, width - mark.length))}${mark}`;
  let kept = '';
  let room = width - mark.length;
  let cut = false;
  for (const [index, part] of colorParts(text).entries()) {
    if (index % 2 === 1) kept += part;
    if (index % 2 === 1 || cut) continue;
    for (const piece of graphemePieces(part)) {
      cut = piece.width > room;
      if (cut) break;
      kept += piece.text;
      room -= piece.width;
    }
  }
  return `${kept}${mark}`;
}
