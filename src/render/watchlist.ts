import type { WatchlistItem } from '../domain/diary.js';
import { plural } from '../domain/numbers.js';
import { filmLabel } from '../domain/rules.js';
import { formatDate } from './film.js';
import type { Look } from './glyphs.js';
import { hint } from './hint.js';
import { safeText } from './safe-text.js';
import { renderTable } from './table.js';

/** `films watchlist`: the films to watch, latest added first, with the slug `films log` takes. */
export function renderWatchlist(items: readonly WatchlistItem[], options: Look): string {
  if (items.length === 0) return `${hint("The watchlist is empty — add a film with 'films watchlist add <film>'.", options)}\n`;
  const table = renderTable({
    ...options,
    head: ['Added', 'Film', 'Slug', 'Genres'],
    rows: items.map(({ film, addedAt }) => [
      formatDate(addedAt),
      filmLabel(film, safeText),
      film.slug,
      safeText(film.genres.join(', ')) || options.glyphs.none,
    ]),
    fixed: [true, false, false, false],
    compact: true,
  });
  const count = `${plural(items.length, 'film')} — 'films log <film>' logs one, and takes it off the watchlist`;
  return `${table}\n${hint(count, options)}\n`;
}
