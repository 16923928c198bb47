import type { Film } from '../domain/model.js';
import { plural } from '../domain/numbers.js';
import { filmLabel } from '../domain/rules.js';
import type { FilmHits, SearchHit } from '../domain/search.js';
import { SPOILER_HIDDEN, type Look } from './glyphs.js';
import { hint } from './hint.js';
import { safeText } from './safe-text.js';
import { displayWidth, fittingLength, graphemeStart, truncate, wrapText } from './width.js';

const LABEL_WIDTH = 10;

/**
 * Maps positions in `text` to positions in `text` with its whitespace runs collapsed to one space.
 * The positions must come in increasing order: one pass over the text for all of them.
 */
function collapsedPositions(text: string): (index: number) => number {
  const runs = /\s+/g;
  let removed = 0;
  let run = runs.exec(text);
  return (index) => {
    while (run && run.index + run[0].length <= index) {
      removed += run[0].length - 1;
      run = runs.exec(text);
    }
    return run && run.index < index ? run.index - removed + 1 : index - removed;
  };
}

/** Code units enough for `room` columns of any text: a grapheme takes at most this many per column it takes (long emoji sequences). */
const UNITS_PER_COLUMN = 16;

/** The first match's word start, or a cut a third of the room before it: an excerpt starts at a word when it can. */
function excerptStart(flat: string, first: number, room: number): number {
  const wanted = graphemeStart(flat, Math.max(0, Math.min(first - Math.floor(room / 3), flat.length - room)));
  if (wanted === 0 || flat[wanted - 1] === ' ') return wanted;
  const space = flat.indexOf(' ', wanted);
  if (space >= 0 && space < first) return space + 1;
  // The match's own word, when its start is in view.
  const word = flat.lastIndexOf(' ', first - 1) + 1;
  return first - word <= Math.floor(room / 3) ? word : wanted;
}

/** Where an excerpt from `from` that fits `budget` columns ends: at the end of the text, else after the last whole word that fits. */
function excerptEnd(flat: string, from: number, budget: number, ellipsis: number): { end: number; cut: boolean } {
  const window = flat.slice(from, from + (budget + 1) * UNITS_PER_COLUMN);
  if (from + window.length >= flat.length && fittingLength(window, budget) === window.length) return { end: flat.length, cut: false };
  const fits = from + fittingLength(window, Math.max(0, budget - ellipsis));
  const space = flat.lastIndexOf(' ', fits);
  // A word wider than most of the room is cut where the room ends.
  return { end: space > from && fits - space < budget / 2 ? space : fits, cut: true };
}

/**
 * A one-line excerpt around the first match, starting and ending at word boundaries where it can:
 * the matches highlighted in colour, or [bracketed] without it. The matches are placed in one
 * pass over the text, and only those in view are drawn, so thousands of matches cost one pass.
 */
export function snippet(hit: SearchHit, room: number, look: Look): string {
  const { color, glyphs } = look;
  const flat = hit.text.replace(/\s+/g, ' ');
  const mark = color.level > 0 ? (text: string) => color.bold.yellow(text) : (text: string) => `[${text}]`;
  const collapsed = collapsedPositions(hit.text);
  const ranges = hit.ranges.map(([start, end]) => [collapsed(start), collapsed(end)] as const);
  const first = ranges[0]?.[0] ?? 0;
  const from = excerptStart(flat, first, room);
  const lead = from > 0 ? glyphs.ellipsis : '';
  const build = (budget: number): string => {
    const { end, cut } = excerptEnd(flat, from, budget, glyphs.ellipsis.length);
    let out = lead;
    let at = from;
    for (const [start, stop] of ranges) {
      if (start >= end) break;
      if (stop <= at) continue;
      out += `${safeText(flat.slice(at, Math.max(at, start)))}${mark(safeText(flat.slice(Math.max(start, at), Math.min(stop, end))))}`;
      at = Math.min(stop, end);
    }
    return `${out}${safeText(flat.slice(at, end))}${cut ? glyphs.ellipsis : ''}`;
  };
  const most = room - lead.length;
  if (color.level > 0) return truncate(build(most), room, glyphs.ellipsis);
  // Without colour each bracketed match takes two more columns: the most text whose excerpt fits, found by halving.
  let [low, high] = [0, most];
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (displayWidth(build(middle)) <= room) low = middle;
    else high = middle - 1;
  }
  return truncate(build(low), room, glyphs.ellipsis);
}

export interface SearchRenderOptions extends Look {
  /** Matching reviews shown per film before "and N more"; null for all. */
  reviewsPerFilm: number | null;
  /** Show excerpts of reviews marked as spoilers (marked [spoiler]); else a line says one is hidden. */
  spoilers: boolean;
}

/** A line's label and the excerpt beside it when there is room for a readable one, else the excerpt under it. */
const MIN_EXCERPT = 30;

function hitLines(hit: SearchHit, options: SearchRenderOptions): string[] {
  const { color, glyphs, width } = options;
  const label = `${hit.field === 'review' ? `review ${safeText(hit.reviewId ?? '')}` : hit.field} `.padEnd(LABEL_WIDTH);
  const author = hit.author === null ? '' : `${truncate(safeText(hit.author), 24, glyphs.ellipsis)}: `;
  const marked = hit.spoiler ? '[spoiler] ' : '';
  const hidden = (room: number): string => {
    const notice = glyphs.text(SPOILER_HIDDEN);
    return truncate(displayWidth(notice) <= room ? notice : '[spoiler hidden]', room, glyphs.ellipsis);
  };
  const excerpt = (room: number): string =>
    hit.spoiler && !options.spoilers
      ? hidden(room)
      : truncate(`${marked}${snippet(hit, Math.max(1, room - marked.length), options)}`, room, glyphs.ellipsis);
  const room = width - 2 - displayWidth(label) - displayWidth(author);
  if (room >= MIN_EXCERPT) return [`  ${color.dim(label)}${author}${excerpt(room)}`];
  const heading = truncate(`${label}${author}`.trimEnd(), Math.max(1, width - 2), glyphs.ellipsis);
  return [`  ${color.dim(heading)}`, `    ${excerpt(Math.max(1, width - 4))}`];
}

/** A film's title (bold, wrapped) and its slug, beside it when there is room. */
function filmHeading(film: Film, { color, width }: Look): string[] {
  const lines = wrapText(filmLabel(film, safeText), width);
  const last = lines.length - 1;
  if (displayWidth(lines[last] ?? '') + 1 + film.slug.length <= width) {
    return lines.map((line, i) => (i === last ? `${color.bold(line)} ${color.dim(film.slug)}` : color.bold(line)));
  }
  return [...lines.map((line) => color.bold(line)), color.dim(truncate(film.slug, width))];
}

/** `films search`: results grouped by film, a film at a time, so that a reader who stops early (a pager, `| head`) stops the drawing. */
export function* searchPieces(results: readonly FilmHits[], options: SearchRenderOptions): Generator<string> {
  if (results.length === 0) {
    yield `${hint('No matches.', options)}\n`;
    return;
  }
  for (const [index, { film, hits }] of results.entries()) {
    const reviews = hits.filter((hit) => hit.field === 'review');
    const shown = options.reviewsPerFilm === null ? reviews : reviews.slice(0, options.reviewsPerFilm);
    const lines = [...hits.filter((hit) => hit.field !== 'review'), ...shown].flatMap((hit) => hitLines(hit, options));
    const more = reviews.length - shown.length;
    if (more > 0) {
      const and = hint(`and ${plural(more, 'more review')} — --all shows every one`, { ...options, width: options.width - 2 });
      lines.push(...and.split('\n').map((line) => `  ${line}`));
    }
    yield `${index > 0 ? '\n' : ''}${[...filmHeading(film, options), ...lines].join('\n')}\n`;
  }
}

export const renderSearch = (results: readonly FilmHits[], options: SearchRenderOptions): string =>
  [...searchPieces(results, options)].join('');
