import type { ChalkInstance } from 'chalk';
import { filmLabel } from '../domain/rules.js';
import type { FilmHits, Range, SearchHit } from '../domain/search.js';
import { safeText } from './safe-text.js';
import { displayWidth, truncate } from './width.js';

export interface SearchRenderOptions {
  width: number;
  color: ChalkInstance;
  /** Reviews shown per film before "and N more". */
  reviewsPerFilm: number;
}

const LABEL_WIDTH = 10;

/** A one-line excerpt around the first match: the matches highlighted in colour, or [bracketed] without it. */
export function snippet(hit: SearchHit, room: number, color: ChalkInstance): string {
  const flat = hit.text.replace(/\s+/g, ' ');
  const shift = (index: number): number => hit.text.slice(0, index).replace(/\s+/g, ' ').length;
  const ranges: Range[] = hit.ranges.map(([start, end]) => [shift(start), shift(end)]);
  const first = ranges[0]?.[0] ?? 0;
  const from = Math.max(0, Math.min(first - Math.floor(room / 3), flat.length - room));
  const mark = color.level > 0 ? (text: string) => color.bold.yellow(text) : (text: string) => `[${text}]`;
  let out = from > 0 ? '…' : '';
  let at = from;
  for (const [start, end] of ranges) {
    if (end <= from) continue;
    out += safeText(flat.slice(at, Math.max(at, start)));
    out += mark(safeText(flat.slice(Math.max(start, from), end)));
    at = end;
    if (displayWidth(out) > room) break;
  }
  out += safeText(flat.slice(at, at + room));
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
