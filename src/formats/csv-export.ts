import { stringify } from 'csv-stringify/sync';
import type { Film } from '../domain/model.js';

/** One row per review with its film's columns; a film without reviews still gets a row. */
export function exportCsv(films: readonly Film[]): string {
  const rows = films.flatMap((film) => {
    const filmCells = [
      film.slug,
      film.title,
      film.year ?? '',
      film.countries.join(', '),
      film.genres.join(', '),
      film.imdbId ?? '',
      film.letterboxdUri ?? '',
    ];
    if (film.reviews.length === 0) return [[...filmCells, '', '', '', '', '', '', '', '', '']];
    return film.reviews.map((review) => [
      ...filmCells,
      review.id,
      review.author,
      review.createdAt,
      review.rating ?? '',
      review.spoiler ? 'true' : 'false',
      review.watchedDate ?? '',
      review.rewatch ? 'true' : '',
      (review.tags ?? []).join(', '),
      review.text,
    ]);
  });
  const header = [
    'slug',
    'title',
    'year',
    'countries',
    'genres',
    'imdbId',
    'letterboxdUri',
    'reviewId',
    'author',
    'createdAt',
    'rating',
    'spoiler',
    'watchedDate',
    'rewatch',
    'tags',
    'text',
  ];
  return stringify([header, ...rows], { record_delimiter: '\n' });
}
