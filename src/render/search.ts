import type { ChalkInstance } from 'chalk';
import { filmLabel } from '../domain/rules.js';
import type { FilmHits, SearchHit } from '../domain/search.js';
import { safeText } from './safe-text.js';
import { displayWidth, graphemeStart, truncate } from './width.js';

export interface SearchRenderOptions {
  width: number;
  color: ChalkInstance;
  /** Reviews shown per film before "and N more". */
  reviewsPerFilm: number;
}

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

/**
 * A one-line excerpt around the first match: the matches highlighted in colour, or [bracketed]
 * without it. Only the matches in view are placed and measured, so a text with thousands of
 * matches costs one pass over it.
 */
export function snippet(hit: SearchHit, room: number, color: ChalkInstance): string {
  const flat = hit.text.replace(/\s+/g, ' ');
  const collapsed = collapsedPositions(hit.text);
  const first = hit.ranges[0] ? collapsed(hit.ranges[0][0]) : 0;
  const from = graphemeStart(flat, Math.max(0, Math.min(first - Math.floor(room / 3), flat.length - room)));
  const mark = color.level > 0 ? (text: string) => color.bold.yellow(text) : (text: string) => `[${text}]`;
  let out = from > 0 ? '…' : '';
  let width = out.length;
  let at = from;
  for (const [index, [rawStart, rawEnd]] of hit.ranges.entries()) {
    const start = index === 0 ? first : collapsed(rawStart);
    const end = collapsed(rawEnd);
    if (end <= from) continue;
    if (start - at > room) break;
    const piece = `${safeText(flat.slice(at, Math.max(at, start)))}${mark(safeText(flat.slice(Math.max(start, from), end)))}`;
    out += piece;
    width += displayWidth(piece);
    at = end;
    if (width > room) break;
  }
  out += safeText(flat.slice(at, graphemeStart(flat, at + room)));
  return truncate(out, room);
}

/** `films search`: results grouped by film. */
export function renderSearch(results: readonly FilmHits[], options: SearchRenderOptions): string {
  if (results.length === 0) return `${options.color.dim('No matches.')}\n`;
  const blocks = results.map(({ film, hits }) => {
    const heading = `${filmLabel(film, (title) => options.color.bold(safeText(title)))} ${options.color.dim(film.slug)}`;
    const reviews = hits.filter((hit) => hit.field === 'review');
    const shown = [...hits.filter((hit) => hit.field !== 'review'), ...reviews.slice(0, options.reviewsPerFilm)];
    const lines = shown.map((hit) => {
      const label = `${hit.field === 'review' ? `review ${hit.reviewId}` : hit.field} `.padEnd(LABEL_WIDTH);
      const author = hit.author === null ? '' : `${truncate(safeText(hit.author), 24)}: `;
      const room = Math.max(20, options.width - 2 - displayWidth(label) - displayWidth(author));
      return `  ${options.color.dim(label)}${author}${snippet(hit, room, options.color)}`;
    });
    const more = reviews.length - options.reviewsPerFilm;
    if (more > 0) lines.push(`  ${options.color.dim(`and ${more} more review${more === 1 ? '' : 's'}`)}`);
    return [heading, ...lines].join('\n');
  });
  return `${blocks.join('\n\n')}\n`;
}
