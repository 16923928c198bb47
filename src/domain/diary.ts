import { NotFoundError } from '../errors.js';
import { markOf, withMark } from './marks.js';
import type { Change, Film, Review, ReviewContent, StoreData } from './model.js';
import { RatingTally, type RatingSummary } from './rating.js';
import { currentRatings } from './ratings.js';
import { cleanList } from './lists.js';
import { addReview, replaceFilm, type FoundReview } from './reviews.js';
import { textKey } from './text-key.js';

/**
 * A person's diary and watchlist, and what they make of a film apart from everyone else (MODEL-V2):
 * a diary entry is a review with the day it was watched; the watchlist and likes are marks.
 */

export type DiaryEntry = Review & { watchedDate: string };

export const isDiaryEntry = (review: Review): review is DiaryEntry => review.watchedDate !== undefined;

/** What one person made of a film: derived from their reviews and mark, never stored. */
export interface YourFilm {
  author: string;
  /** Their current rating, or null. */
  rating: number | null;
  /** How many diary entries (watches with a day) they have. */
  watches: number;
  /** The latest day they watched it (YYYY-MM-DD), or null. */
  lastWatched: string | null;
  /** Watched at all: a diary entry, a review or rating (as Letterboxd has it: rating a film says you saw it), or marked watched without a day. */
  watched: boolean;
  onWatchlist: boolean;
  /** ISO time it went on their watchlist, or null. */
  watchlistedAt: string | null;
  /** Liked: the film's heart, or a liked diary entry. */
  liked: boolean;
  /** Their tags on the film, newest entry's first, each once (any case). */
  tags: string[];
}

export function yourFilm(film: Film, author: string): YourFilm {
  const yours = film.reviews.filter((review) => review.author === author);
  const days = yours.filter(isDiaryEntry).map((entry) => entry.watchedDate);
  const mark = markOf(film.marks, author);
  const lastWatched = days.reduce<string | null>((last, day) => (last === null || day > last ? day : last), null);
  return {
    author,
    rating: currentRatings(yours).get(author) ?? null,
    watches: days.length,
    lastWatched,
    watched: yours.length > 0 || mark.watched,
    onWatchlist: mark.watchlistedAt !== null,
    watchlistedAt: mark.watchlistedAt,
    liked: mark.liked || yours.some((review) => review.liked === true),
    tags: cleanList(yours.flatMap((review) => review.tags ?? [])),
  };
}

/** The crowd's rating of a film: every other person's current rating, once each (everyone's, with no `author`). */
export function othersRating(film: Film, author: string | null): RatingSummary {
  const tally = new RatingTally();
  for (const [person, rating] of currentRatings(film.reviews)) if (person !== author) tally.add(rating);
  return tally.summary();
}

/** The days `author` watched the film, from their diary entries. */
export const watchDays = (film: Film, author: string): string[] =>
  film.reviews.filter((review): review is DiaryEntry => review.author === author && isDiaryEntry(review)).map((entry) => entry.watchedDate);

/** Newest watch first; entries of one day newest logged first (the store's order). */
export const byWatchedDate = (a: FoundReview, b: FoundReview): number => {
  const dayA = a.review.watchedDate ?? '';
  const dayB = b.review.watchedDate ?? '';
  if (dayA !== dayB) return dayA < dayB ? 1 : -1;
  return a.review.createdAt < b.review.createdAt ? 1 : a.review.createdAt > b.review.createdAt ? -1 : 0;
};

/** A diary entry being logged: a review with its watched day. */
export type EntryContent = ReviewContent & { watchedDate: string };

export interface Logged extends FoundReview {
  /** Whether logging took the film off the author's watchlist. */
  leftWatchlist: boolean;
}

/**
 * `films log`: adds a diary entry of `entry.author`. As on Letterboxd, logging a film takes it off
 * their watchlist, and a liked entry likes the film.
 */
export function logEntry(data: StoreData, slug: string, entry: EntryContent): Change<Logged> {
  const added = addReview(data, slug, entry);
  const { film } = added.result;
  const before = markOf(film.marks, entry.author);
  const marks = withMark(film.marks, entry.author, (mark) => ({ ...mark, watchlistedAt: null, liked: mark.liked || entry.liked === true }));
  const updated = { ...film, marks };
  return {
    data: replaceFilm(added.data, updated),
    result: { film: updated, review: added.result.review, leftWatchlist: before.watchlistedAt !== null },
  };
}

// The watchlist: per person, the films they mean to watch, since when.

export interface WatchlistItem {
  film: Film;
  /** ISO time it went on the watchlist. */
  addedAt: string;
}

/** A person's watchlist, latest added first (ties by title). */
export function watchlistOf(films: readonly Film[], author: string): WatchlistItem[] {
  return films
    .flatMap((film) => {
      const { watchlistedAt } = markOf(film.marks, author);
      return watchlistedAt === null ? [] : [{ film, addedAt: watchlistedAt }];
    })
    .sort((a, b) => (a.addedAt !== b.addedAt ? (a.addedAt < b.addedAt ? 1 : -1) : textKey(a.film.title) < textKey(b.film.title) ? -1 : 1));
}

/** What a change to a watchlist did: the films it changed, and those that already were as asked. */
export interface WatchlistChange {
  changed: Film[];
  unchanged: Film[];
}

/** Puts each film (once, whatever the repeats) on or off a person's watchlist; films already so are left as they are. */
function changeWatchlist(data: StoreData, slugs: readonly string[], author: string, watchlistedAt: string | null): Change<WatchlistChange> {
  const result: WatchlistChange = { changed: [], unchanged: [] };
  const films = [...data.films];
  const places = new Map(films.map((film, index) => [film.slug, index]));
  for (const slug of new Set(slugs)) {
    const place = places.get(slug);
    const film = place === undefined ? undefined : films[place];
    if (place === undefined || !film) throw new NotFoundError(`no film "${slug}"`, 'it was removed meanwhile; check with films list');
    if ((markOf(film.marks, author).watchlistedAt !== null) === (watchlistedAt !== null)) {
      result.unchanged.push(film);
      continue;
    }
    const updated = { ...film, marks: withMark(film.marks, author, (mark) => ({ ...mark, watchlistedAt })) };
    films[place] = updated;
    result.changed.push(updated);
  }
  return { data: result.changed.length ? { ...data, films } : data, result };
}

/** `films watchlist add`: on the watchlist since `at` (ISO time). */
export const addToWatchlist = (data: StoreData, slugs: readonly string[], author: string, at: string): Change<WatchlistChange> =>
  changeWatchlist(data, slugs, author, at);

/** `films watchlist remove`. */
export const removeFromWatchlist = (data: StoreData, slugs: readonly string[], author: string): Change<WatchlistChange> =>
  changeWatchlist(data, slugs, author, null);
