import { ratingSummary } from '../domain/rating.js';
import { RATING_MAX } from '../domain/rules.js';
import { titleTypeLabel } from '../domain/title-types.js';
import type { Film } from '../domain/model.js';
import type { Look } from './glyphs.js';
import { hint, moreHint } from './hint.js';
import { safeText } from './safe-text.js';
import { tablePieces } from './table.js';

/** `films list`: one row per film, and a line saying how many were left out; a piece at a time. */
export function* filmListPieces(films: readonly Film[], counts: { total: number; inStore: number }, look: Look): Generator<string> {
  const { total } = counts;
  const none = look.glyphs.none;
  if (counts.inStore === 0) {
    yield `${hint("No films yet — add one with 'films add' or 'films import <page.txt>'.", look)}\n`;
    return;
  }
  if (total === 0) {
    yield `${hint('No films match.', look)}\n`;
    return;
  }
  yield* tablePieces({
    ...look,
    head: ['Title / slug', 'Year', 'Countries', 'Genres', 'Reviews', 'Rating'],
    rows: films.map((film) => {
      const { average } = ratingSummary(film.reviews);
      return [
        `${safeText(film.title)}\n${film.slug}${film.titleType && film.titleType !== 'movie' ? ` (${safeText(titleTypeLabel(film.titleType))})` : ''}`,
        film.year === null ? none : String(film.year),
        safeText(film.countries.join(', ')) || none,
        safeText(film.genres.join(', ')) || none,
        String(film.reviews.length),
        average === null ? none : `${average.toFixed(1)}/${RATING_MAX}`,
      ];
    }),
    align: ['left', 'right', 'left', 'left', 'right', 'right'],
    fixed: [false, true, false, false, true, true],
    compact: true,
  });
  if (total > films.length) yield moreHint(total - films.length, 'film', look);
}

export const renderFilmList = (films: readonly Film[], counts: { total: number; inStore: number }, look: Look): string =>
  [...filmListPieces(films, counts, look)].join('');
