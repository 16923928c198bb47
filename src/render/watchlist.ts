import type { ChalkInstance } from 'chalk';
import type { WatchlistItem } from '../domain/diary.js';
import { filmLabel } from '../domain/rules.js';
import { formatDate } from './film.js';
import { hint } from './hint.js';
import { safeText } from './safe-text.js';
import { renderTable } from './table.js';

/** `films watchlist`: the films to watch, latest added first, with the slug `films log` takes. */
export function renderWatchlist(items: readonly WatchlistItem[], options: { width: number; color: ChalkInstance }): string {
  if (items.length === 0)
    return `${hint("The watchlist is empty — add a film with 'films watchlist add <film>'.", options.width, options.color)}\n`;
  const table = renderTable({
    head: ['Added', 'Film', 'Slug', 'Genres'],
    rows: items.map(({ film, addedAt }) => [
      formatDate(addedAt),
      filmLabel(film, safeText),
      film.slug,
      safeText(film.genres.join(', ')) || '—',
    ]),
    width: options.width,
    fixed: [true, false, false, false],
    compact: true,
    color: options.color,
  });
  const count = `${items.length} ${items.length === 1 ? 'film' : 'films'} — 'films log <film>' logs one, and takes it off the watchlist`;
  return `${table}\n${hint(count, options.width, options.color)}\n`;
}
