import type { ChalkInstance } from 'chalk';
import { ratingSummary } from '../domain/rating.js';
import { RATING_MAX } from '../domain/rules.js';
import { titleTypeLabel } from '../domain/title-types.js';
import type { Film } from '../domain/model.js';
import { safeText } from './safe-text.js';
import { renderTable } from './table.js';

export interface ListOptions {
  width: number;
  color: ChalkInstance;
}

/** `films list`: one row per film, and a line saying how many were left out. */
export function renderFilmList(films: readonly Film[], counts: { total: number; inStore: number }, options: ListOptions): string {
  const { total } = counts;
  if (counts.inStore === 0) return `${options.color.dim("No films yet — add one with 'films add' or 'films import <page.txt>'.")}\n`;
  if (total === 0) return `${options.color.dim('No films match.')}\n`;
  const table = renderTable({
    head: ['Title / slug', 'Year', 'Countries', 'Genres', 'Reviews', 'Rating'],
    rows: films.map((film) => {
      const { average } = ratingSummary(film.reviews);
      return [
        `${safeText(film.title)}\n${film.slug}${film.titleType && film.titleType !== 'movie' ? ` (${safeText(titleTypeLabel(film.titleType))})` : ''}`,
        film.year === null ? '—' : String(film.year),
        safeText(film.countries.join(', ')) || '—',
        safeText(film.genres.join(', ')) || '—',
        String(film.reviews.length),
        average === null ? '—' : `${average.toFixed(1)}/${RATING_MAX}`,
      ];
    }),
    width: options.width,
    align: ['left', 'right', 'left', 'left', 'right', 'right'],
    fixed: [false, true, false, false, true, true],
    compact: true,
    color: options.color,
  });
  const more = total - films.length;
  return `${table}\n${more > 0 ? `${options.color.dim(`${more} more — use --limit to see more`)}\n` : ''}`;
}
