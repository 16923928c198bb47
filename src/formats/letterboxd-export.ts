import { stringify } from 'csv-stringify/sync';
import { markOf } from '../domain/marks.js';
import type { Film, Review, ReviewContent } from '../domain/model.js';
import { currentRating } from '../domain/ratings.js';
import { newestFirst } from '../domain/reviews.js';

/**
 * One person's diary in Letterboxd's import layout (what films also reads back, letterboxd.ts):
 * a row per diary entry with its WatchedDate, a row per review without one, and a row with their
 * current rating when the other rows would not say it; a film they only marked watched gets a row
 * of its own. A WatchedDate makes a diary entry on Letterboxd, so none is ever invented. The
 * watchlist is a file of its own (exportLetterboxdWatchlist). Rows are ordered by what they say,
 * so the same diary always gives the same bytes, and export → import → export gives them again.
 */
const FILM_COLUMNS = ['Title', 'Year', 'imdbID', 'tmdbID', 'LetterboxdURI'];
const DIARY_COLUMNS = [...FILM_COLUMNS, 'Rating10', 'WatchedDate', 'Rewatch', 'Tags', 'Review'];

type Cell = string | number;

const filmCells = (film: Film): Cell[] => [film.title, film.year ?? '', film.imdbId ?? '', film.tmdbId ?? '', film.letterboxdUri ?? ''];

/** Films in the order of their cells (the slug last), which a re-import keeps whatever slugs it gives. */
function byCells(films: readonly Film[]): Film[] {
  const key = (film: Film): string => JSON.stringify([...filmCells(film).map(String), film.slug]);
  return [...films].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** Oldest first by `day`, then by time, then in store order: the order a re-import adds them in, and keeps. */
function byDay(film: Film, reviews: readonly Review[], day: (review: Review) => string): Review[] {
  const place = new Map(film.reviews.map((review, at) => [review, at]));
  const key = (review: Review): [string, string] => [day(review), review.createdAt];
  return [...reviews].sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return (x[i] as string) < (y[i] as string) ? -1 : 1;
    return (place.get(a) ?? 0) - (place.get(b) ?? 0);
  });
}

/** The time films' import gives a row without one (the time of the import): later than any day. */
const IMPORT_TIME = '9999-12-31T23:59:59.999Z';

/** The current rating films would read from these rows alone: entries stand at their day, reviews without one at the import's time. */
function ratingRead(rows: readonly Review[]): number | null {
  const asRead: Review[] = rows.map(({ id, author, rating, text, spoiler, watchedDate }) => ({
    id,
    author,
    createdAt: watchedDate ? `${watchedDate}T00:00:00.000Z` : IMPORT_TIME,
    rating,
    text,
    spoiler,
    ...(watchedDate ? { watchedDate } : {}),
  }));
  const author = rows[0]?.author ?? '';
  return currentRating(newestFirst(asRead), author);
}

function diaryRows(film: Film, author: string): Cell[][] {
  const theirs = film.reviews.filter((review) => review.author === author);
  const entries = byDay(
    film,
    theirs.filter((review) => review.watchedDate !== undefined),
    (review) => review.watchedDate ?? '',
  );
  const reviews = byDay(
    film,
    theirs.filter((review) => review.watchedDate === undefined && review.text !== ''),
    (review) => review.createdAt,
  );
  const current = currentRating(film.reviews, author);
  // Reviews without a day are read back as of one time: the first one rated says the rating, so one that gives yours goes first.
  const giving = reviews.findIndex((review) => review.rating !== null && review.rating === current);
  if (giving > 0) reviews.unshift(...reviews.splice(giving, 1));
  const rating: ReviewContent[] = current !== null && current !== ratingRead([...reviews, ...entries]) ? [plain(author, current)] : [];
  const rows = [...rating, ...reviews, ...entries].map((review) => [
    ...filmCells(film),
    review.rating ?? '',
    review.watchedDate ?? '',
    review.watchedDate ? String(review.rewatch === true) : '',
    (review.tags ?? []).join(', '),
    review.text,
  ]);
  if (rows.length === 0 && markOf(film.marks, author).watched) return [[...filmCells(film), '', '', '', '', '']];
  return rows;
}

const plain = (author: string, rating: number): ReviewContent => ({ author, createdAt: IMPORT_TIME, rating, text: '', spoiler: false });

const csv = (header: string[], rows: Cell[][]): string => stringify([header, ...rows], { record_delimiter: '\n' });

/** `author`'s diary entries, reviews and current ratings, for Letterboxd's importer. */
export function exportLetterboxd(films: readonly Film[], author: string): string {
  return csv(
    DIARY_COLUMNS,
    byCells(films).flatMap((film) => diaryRows(film, author)),
  );
}

/** `author`'s watchlist, for Letterboxd's watchlist importer (and `films import --watchlist`). */
export function exportLetterboxdWatchlist(films: readonly Film[], author: string): string {
  return csv(
    FILM_COLUMNS,
    byCells(films)
      .filter((film) => markOf(film.marks, author).watchlistedAt !== null)
      .map(filmCells),
  );
}
