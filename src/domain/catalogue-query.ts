import { watchDays, yourFilm } from './diary.js';
import type { Film } from './model.js';
import { parseQuery, sortBy, type Fields, type SortKey } from './query.js';
import { ratingSummary } from './rating.js';
import type { FoundReview } from './reviews.js';
import { textKey } from './text-key.js';
import { titleTypeLabel } from './title-types.js';

const average = (film: Film): number | null => ratingSummary(film.reviews).average;

const FILM_FIELDS: Fields<Film> = {
  title: { kind: 'list', read: (film) => [film.title, ...(film.localTitle ? [film.localTitle] : [])] },
  slug: { kind: 'text', read: (film) => film.slug },
  type: { kind: 'list', read: (film) => (film.titleType ? [film.titleType, titleTypeLabel(film.titleType)] : []) },
  genre: { kind: 'list', read: (film) => film.genres },
  country: { kind: 'list', read: (film) => film.countries },
  cast: { kind: 'list', read: (film) => film.cast },
  synopsis: { kind: 'text', read: (film) => film.synopsis },
  year: { kind: 'number', read: (film) => film.year },
  rating: { kind: 'number', read: average },
  reviews: { kind: 'number', read: (film) => film.reviews.length },
};

/**
 * A film's fields for `films list`, with yours: `you` is asked only when a query names one of them
 * (so a list that does not never reads the config file).
 */
export function filmFields(you: () => string): Fields<Film> {
  return {
    ...FILM_FIELDS,
    tag: { kind: 'list', read: (film) => yourFilm(film, you()).tags },
    watched: { kind: 'days', read: (film) => watchDays(film, you()), any: (film) => yourFilm(film, you()).watched },
    rewatch: { kind: 'flag', read: (film) => film.reviews.some((review) => review.author === you() && review.rewatch === true) },
    liked: { kind: 'flag', read: (film) => yourFilm(film, you()).liked },
    watchlist: { kind: 'flag', read: (film) => yourFilm(film, you()).onWatchlist },
  };
}

export const FILM_SORTS: Record<string, SortKey<Film>> = {
  title: { read: (film) => textKey(film.title) },
  year: { read: (film) => film.year },
  rating: { read: average },
  reviews: { read: (film) => film.reviews.length },
  added: { read: (_film, index) => index },
};

export const REVIEW_FIELDS: Fields<FoundReview> = {
  film: { kind: 'text', read: ({ film }) => film.title },
  author: { kind: 'text', read: ({ review }) => review.author },
  text: { kind: 'text', read: ({ review }) => review.text },
  rating: { kind: 'number', read: ({ review }) => review.rating },
  genre: { kind: 'list', read: ({ film }) => film.genres },
  country: { kind: 'list', read: ({ film }) => film.countries },
  year: { kind: 'number', read: ({ film }) => film.year },
  tag: { kind: 'list', read: ({ review }) => review.tags ?? [] },
  watched: { kind: 'days', read: ({ review }) => (review.watchedDate === undefined ? [] : [review.watchedDate]) },
  rewatch: { kind: 'flag', read: ({ review }) => review.rewatch === true },
  liked: { kind: 'flag', read: ({ review }) => review.liked === true },
};

export const REVIEW_SORTS: Record<string, SortKey<FoundReview>> = {
  date: { read: ({ review }) => review.createdAt },
  rating: { read: ({ review }) => review.rating },
  author: { read: ({ review }) => textKey(review.author) },
  film: { read: ({ film }) => textKey(film.title) },
};

export interface Selection<T> {
  items: T[];
  /** How many matched before --limit. */
  total: number;
}

/** `films list`: films matching every term (bare words: the title, or the film's slug), sorted, limited; `you` for the fields that are yours. */
export function selectFilms(
  films: readonly Film[],
  terms: readonly string[],
  sort: string,
  limit: number | null,
  you: () => string,
): Selection<Film> {
  const matches = parseQuery(terms, filmFields(you), 'title', (film) => film.slug);
  const sorted = sortBy(films.filter(matches), sort, FILM_SORTS);
  return { items: limit === null ? sorted : sorted.slice(0, limit), total: sorted.length };
}
