import type { Film } from './model.js';
import { RatingTally, type Histogram } from './rating.js';
import { countedRatings } from './ratings.js';
import { textKey } from './text-key.js';

export interface Count {
  name: string;
  count: number;
}

export interface Stats {
  films: number;
  reviews: number;
  ratings: number;
  authors: number;
  averageRating: number | null;
  histogram: Histogram;
  reviewsPerYear: Count[];
  genres: Count[];
  countries: Count[];
  topAuthors: Count[];
}

/** Most first; equal counts by name, so the same store always gives the same order. */
function ranked(counts: Map<string, number>, limit: number | null): Count[] {
  const sorted = [...counts].map(([name, count]) => ({ name, count })).sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : 1));
  return limit === null ? sorted : sorted.slice(0, limit);
}

const bump = (counts: Map<string, number>, key: string): void => void counts.set(key, (counts.get(key) ?? 0) + 1);

/** Genres and countries typed in different cases count as one, under the first spelling seen. */
function bumpLabel(counts: Map<string, number>, spellings: Map<string, string>, label: string): void {
  const key = textKey(label);
  if (!spellings.has(key)) spellings.set(key, label);
  bump(counts, spellings.get(key) as string);
}

/** The numbers behind `films stats`: genres and countries count films; authors count reviews. */
export function computeStats(films: readonly Film[], top = 10): Stats {
  const ratings = new RatingTally();
  const years = new Map<string, number>();
  const genres = new Map<string, number>();
  const countries = new Map<string, number>();
  const authors = new Map<string, number>();
  const genreSpellings = new Map<string, string>();
  const countrySpellings = new Map<string, string>();
  let reviews = 0;
  for (const film of films) {
    for (const genre of film.genres) bumpLabel(genres, genreSpellings, genre);
    for (const country of film.countries) bumpLabel(countries, countrySpellings, country);
    for (const review of film.reviews) {
      reviews += 1;
      bump(years, review.createdAt.slice(0, 4));
      bump(authors, review.author);
    }
    for (const { rating } of countedRatings(film.reviews)) ratings.add(rating);
  }
  const { average, count, histogram } = ratings.summary();
  return {
    films: films.length,
    reviews,
    ratings: count,
    authors: authors.size,
    averageRating: average,
    histogram,
    reviewsPerYear: [...years].sort(([a], [b]) => (a < b ? -1 : 1)).map(([name, count]) => ({ name, count })),
    genres: ranked(genres, top),
    countries: ranked(countries, top),
    topAuthors: ranked(authors, top),
  };
}

/** `films stats --year`: a person's year in films, from their diary entries watched that year. */
export interface YearStats {
  year: number;
  author: string;
  /** Diary entries (watches) that year. */
  entries: number;
  /** Different films watched. */
  films: number;
  firstWatches: number;
  rewatches: number;
  /** Films watched that year that you liked: their heart (likes/films.csv, `log --liked`), or a liked entry that year. */
  liked: number;
  averageRating: number | null;
  /** Rated entries. */
  ratings: number;
  histogram: Histogram;
  /** Watches per month, all twelve, January first: `name` is YYYY-MM. */
  months: Count[];
  /** Most used tags, on that year's entries. */
  tags: Count[];
}

export function yearStats(films: readonly Film[], author: string, year: number, top = 10): YearStats {
  const prefix = `${year}-`;
  const months = Array.from({ length: 12 }, (_, i) => ({ name: `${year}-${String(i + 1).padStart(2, '0')}`, count: 0 }));
  const ratings = new RatingTally();
  const tags = new Map<string, number>();
  const tagSpellings = new Map<string, string>();
  const watched = new Set<string>();
  let entries = 0;
  let rewatches = 0;
  const liked = new Set<string>();
  for (const film of films) {
    for (const review of film.reviews) {
      if (review.author !== author || !review.watchedDate?.startsWith(prefix)) continue;
      entries += 1;
      watched.add(film.slug);
      const month = months[Number(review.watchedDate.slice(5, 7)) - 1];
      if (month) month.count += 1;
      if (review.rewatch) rewatches += 1;
      if (review.liked || film.marks.some((mark) => mark.author === author && mark.liked)) liked.add(film.slug);
      ratings.add(review.rating);
      for (const tag of review.tags ?? []) bumpLabel(tags, tagSpellings, tag);
    }
  }
  const { average, count, histogram } = ratings.summary();
  return {
    year,
    author,
    entries,
    films: watched.size,
    firstWatches: entries - rewatches,
    rewatches,
    liked: liked.size,
    averageRating: average,
    ratings: count,
    histogram,
    months,
    tags: ranked(tags, top),
  };
}
