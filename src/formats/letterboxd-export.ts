import { stringify } from 'csv-stringify/sync';
import type { Film } from '../domain/model.js';

/** Letterboxd's import format, so reviews can go there: one row per review or rating. */
export function exportLetterboxd(films: readonly Film[]): string {
  const rows = films.flatMap((film) =>
    film.reviews.map((review) => [
      film.title,
      film.year ?? '',
      film.imdbId ?? '',
      review.rating ?? '',
      review.watchedDate ?? review.createdAt.slice(0, 10),
      review.rewatch ? 'true' : 'false',
      (review.tags ?? []).join(', '),
      review.text,
    ]),
  );
  return stringify([['Title', 'Year', 'imdbID', 'Rating10', 'WatchedDate', 'Rewatch', 'Tags', 'Review'], ...rows], {
    record_delimiter: '\n',
  });
}
