import { describe, expect, it } from 'vitest';
import { currentRatings } from '../../src/domain/ratings.js';
import {
  addToWatchlist,
  logEntry,
  othersRating,
  removeFromWatchlist,
  watchlistOf,
  yourFilm,
  type EntryContent,
} from '../../src/domain/diary.js';
import type { FilmMark, StoreData } from '../../src/domain/model.js';
import { selectDiary } from '../../src/domain/review-query.js';
import { checkReview, rateFilm } from '../../src/domain/reviews.js';
import { yearStats } from '../../src/domain/stats.js';
import { whoYouAre } from '../../src/domain/you.js';
import { UsageError } from '../../src/errors.js';
import { film, review } from './fixtures.js';
import { cpuMsSince } from '../helpers/cpu-time.js';

const mark = (overrides: Partial<FilmMark>): FilmMark => ({
  author: 'me',
  watchlistedAt: null,
  watched: false,
  liked: false,
  ...overrides,
});
const store = (...films: ReturnType<typeof film>[]): StoreData => ({ version: 2, films });
const entry = (overrides: Partial<EntryContent> = {}): EntryContent => ({
  author: 'me',
  createdAt: '2026-03-15T10:00:00.000Z',
  rating: null,
  text: '',
  spoiler: false,
  watchedDate: '2026-03-14',
  ...overrides,
});

describe('who you are', () => {
  it('is FILMS_AUTHOR, else the config file, else the login name; blanks do not count', () => {
    expect(whoYouAre({ envAuthor: 'Vera', configAuthor: 'Lyuda', loginName: 'tess' })).toBe('Vera');
    expect(whoYouAre({ envAuthor: ' ', configAuthor: 'Lyuda', loginName: 'tess' })).toBe('Lyuda');
    expect(whoYouAre({ envAuthor: undefined, configAuthor: undefined, loginName: 'tess' })).toBe('tess');
  });
  it('is never a placeholder: with no name at all it is a usage error saying how to set one', () => {
    expect(() => whoYouAre({ envAuthor: '', configAuthor: undefined, loginName: null })).toThrow(UsageError);
    expect(() => whoYouAre({ envAuthor: '', configAuthor: undefined, loginName: null })).toThrow(/cannot tell who you are/);
  });
});

describe('current ratings', () => {
  it('are each person’s rated review with the latest createdAt; ties go to the first in store order; unrated ones do not count', () => {
    const reviews = [
      review({ id: 'a', author: 'me', createdAt: '2026-02-01T00:00:00.000Z', rating: null, text: 'later, no rating' }),
      review({ id: 'b', author: 'me', createdAt: '2026-01-01T00:00:00.000Z', rating: 6 }),
      review({ id: 'c', author: 'me', createdAt: '2025-01-01T00:00:00.000Z', rating: 9 }),
      review({ id: 'd', author: 'ann', createdAt: '2025-05-05T00:00:00.000Z', rating: 3 }),
      review({ id: 'e', author: 'ann', createdAt: '2025-05-05T00:00:00.000Z', rating: 4 }),
    ];
    expect(currentRatings(reviews)).toEqual(
      new Map([
        ['me', 6],
        ['ann', 3],
      ]),
    );
  });
});

describe('you and the crowd', () => {
  const subject = film({
    reviews: [
      review({
        id: 'r1',
        author: 'me',
        createdAt: '2026-03-15T00:00:00.000Z',
        rating: 8,
        watchedDate: '2026-03-14',
        tags: ['Cinema', 'strike'],
      }),
      review({
        id: 'r2',
        author: 'me',
        createdAt: '2026-01-02T00:00:00.000Z',
        rating: 6,
        watchedDate: '2025-12-31',
        rewatch: true,
        tags: ['cinema'],
      }),
      review({ id: 'r3', author: 'ann', createdAt: '2026-01-01T00:00:00.000Z', rating: 10 }),
      review({ id: 'r4', author: 'ann', createdAt: '2025-01-01T00:00:00.000Z', rating: 2 }),
      review({ id: 'r5', author: 'bob', createdAt: '2025-01-01T00:00:00.000Z', rating: 5 }),
      review({ id: 'r6', author: 'cy', createdAt: '2025-01-01T00:00:00.000Z', rating: null, text: 'No rating.' }),
    ],
    marks: [
      mark({ author: 'ann', watchlistedAt: '2024-01-01T00:00:00.000Z' }),
      mark({ watchlistedAt: '2026-01-01T00:00:00.000Z', liked: true }),
    ],
  });

  it('your view: current rating, watches and the last day, the watchlist, liked, your tags once each', () => {
    expect(yourFilm(subject, 'me')).toEqual({
      author: 'me',
      rating: 8,
      watches: 2,
      lastWatched: '2026-03-14',
      watched: true,
      onWatchlist: true,
      watchlistedAt: '2026-01-01T00:00:00.000Z',
      liked: true,
      tags: ['Cinema', 'strike'],
    });
  });

  it('a film marked watched without a day is watched, with no watches counted; a liked entry likes the film', () => {
    const marked = film({ marks: [mark({ watched: true })] });
    expect(yourFilm(marked, 'me')).toMatchObject({ watched: true, watches: 0, lastWatched: null, liked: false });
    const hearted = film({ reviews: [review({ author: 'me', watchedDate: '2026-01-01', liked: true })] });
    expect(yourFilm(hearted, 'me')).toMatchObject({ watched: true, watches: 1, liked: true });
    expect(yourFilm(hearted, 'someone else')).toMatchObject({ watched: false, watches: 0, liked: false, rating: null, tags: [] });
  });

  it('the crowd is everyone but you, each person once with their current rating', () => {
    expect(othersRating(subject, 'me')).toEqual({
      average: 7.5,
      count: 2,
      histogram: { '1': 0, '2': 0, '3': 0, '4': 0, '5': 1, '6': 0, '7': 0, '8': 0, '9': 0, '10': 1 },
    });
    expect(othersRating(subject, 'ann').count).toBe(2);
  });
});

describe('logging a film', () => {
  const subject = film({
    slug: 'leviathan',
    marks: [mark({ watchlistedAt: '2026-01-01T00:00:00.000Z' }), mark({ author: 'ann', watchlistedAt: '2026-01-01T00:00:00.000Z' })],
  });

  it('adds a diary entry and takes the film off your watchlist only', () => {
    const { data, result } = logEntry(store(subject), 'leviathan', entry({ rating: 8 }));
    expect(result.leftWatchlist).toBe(true);
    expect(result.review).toMatchObject({ author: 'me', watchedDate: '2026-03-14', rating: 8 });
    expect(data.films[0]?.reviews).toEqual([result.review]);
    // A mark that says nothing is not kept; ann's is untouched.
    expect(data.films[0]?.marks).toEqual([mark({ author: 'ann', watchlistedAt: '2026-01-01T00:00:00.000Z' })]);
  });

  it('a liked entry likes the film; a film not on the watchlist says it did not leave it', () => {
    const { data, result } = logEntry(store(film({ slug: 'leviathan' })), 'leviathan', entry({ liked: true }));
    expect(result.leftWatchlist).toBe(false);
    expect(data.films[0]?.marks).toEqual([mark({ liked: true })]);
  });

  it('a diary entry needs neither text nor a rating, but a review without a day still does', () => {
    expect(checkReview(entry())).toMatchObject({ watchedDate: '2026-03-14', text: '', rating: null });
    const { watchedDate: _day, ...plain } = entry();
    expect(() => checkReview(plain)).toThrow(/a review needs text or a rating/);
  });

  it('tags are cleaned (trimmed, split at commas, each once in any case) and held to their limit', () => {
    expect(checkReview(entry({ tags: [' cinema , Strike', 'CINEMA', ''] })).tags).toEqual(['cinema', 'Strike']);
    expect(checkReview(entry({ tags: [' ', ','] }))).not.toHaveProperty('tags');
    expect(() => checkReview(entry({ tags: ['x'.repeat(101)] }))).toThrow(/the tag is 101 characters, over the limit of 100/);
    expect(checkReview(entry({ tags: ['x'.repeat(100)] })).tags).toEqual(['x'.repeat(100)]);
  });

  it('films rate replaces your plain rating, never a diary entry that has no text', () => {
    const logged = logEntry(store(film({ slug: 'leviathan' })), 'leviathan', entry({ rating: 8 })).data;
    const rated = rateFilm(logged, 'leviathan', {
      author: 'me',
      createdAt: '2026-03-16T00:00:00.000Z',
      rating: 6,
      text: '',
      spoiler: false,
    });
    expect(rated.data.films[0]?.reviews.map((r) => [r.rating, r.watchedDate])).toEqual([
      [6, undefined],
      [8, '2026-03-14'],
    ]);
    const again = rateFilm(rated.data, 'leviathan', {
      author: 'me',
      createdAt: '2026-03-17T00:00:00.000Z',
      rating: 7,
      text: '',
      spoiler: false,
    });
    expect(again.data.films[0]?.reviews.map((r) => [r.rating, r.watchedDate])).toEqual([
      [7, undefined],
      [8, '2026-03-14'],
    ]);
  });
});

describe('the watchlist', () => {
  const films = [film({ slug: 'a', title: 'Alpha' }), film({ slug: 'b', title: 'Beta' }), film({ slug: 'c', title: 'Gamma' })];

  it('adds each film once; adding again changes nothing and says so; it is per person', () => {
    const first = addToWatchlist(store(...films), ['a', 'b', 'a'], 'me', '2026-03-01T00:00:00.000Z');
    expect(first.result.changed.map((f) => f.slug)).toEqual(['a', 'b']);
    const again = addToWatchlist(first.data, ['a'], 'me', '2026-03-02T00:00:00.000Z');
    expect(again).toEqual({ data: first.data, result: { changed: [], unchanged: [first.data.films[0]] } });
    expect(again.data).toBe(first.data);
    expect(watchlistOf(first.data.films, 'ann')).toEqual([]);
    const anns = addToWatchlist(first.data, ['a'], 'ann', '2026-03-03T00:00:00.000Z');
    expect(anns.data.films[0]?.marks.map((m) => m.author)).toEqual(['ann', 'me']);
  });

  it('lists the latest added first, ties by title', () => {
    let data = addToWatchlist(store(...films), ['c', 'a'], 'me', '2026-03-01T00:00:00.000Z').data;
    data = addToWatchlist(data, ['b'], 'me', '2026-03-05T00:00:00.000Z').data;
    expect(watchlistOf(data.films, 'me').map(({ film: f, addedAt }) => [f.slug, addedAt])).toEqual([
      ['b', '2026-03-05T00:00:00.000Z'],
      ['a', '2026-03-01T00:00:00.000Z'],
      ['c', '2026-03-01T00:00:00.000Z'],
    ]);
  });

  it('removes what is there, says what was not, and keeps the rest of the mark (a heart)', () => {
    const liked = film({ slug: 'a', marks: [mark({ watchlistedAt: '2026-03-01T00:00:00.000Z', liked: true })] });
    const removed = removeFromWatchlist(store(liked, films[1] as ReturnType<typeof film>), ['a', 'b'], 'me');
    expect(removed.result.changed.map((f) => f.slug)).toEqual(['a']);
    expect(removed.result.unchanged.map((f) => f.slug)).toEqual(['b']);
    expect(removed.data.films[0]?.marks).toEqual([mark({ liked: true })]);
    const nothing = removeFromWatchlist(removed.data, ['a'], 'me');
    expect(nothing.data).toBe(removed.data);
  });

  it('is linear in the films named: adding all of 50,000 films takes well under a second’s work', () => {
    const many = Array.from({ length: 50_000 }, (_, i) => film({ slug: `f${i}`, title: `F${i}` }));
    const started = process.cpuUsage();
    const { result } = addToWatchlist(
      store(...many),
      many.map((f) => f.slug),
      'me',
      '2026-03-01T00:00:00.000Z',
    );
    expect(result.changed).toHaveLength(50_000);
    // A walk of the store per film named (50,000 × 50,000) takes minutes; the linear one, tens of milliseconds.
    expect(cpuMsSince(started)).toBeLessThan(5_000);
  });
});

describe('the diary', () => {
  const data = [
    film({
      slug: 'leviathan',
      title: 'Leviathan',
      reviews: [
        review({ id: 'l2', author: 'me', createdAt: '2026-03-02T00:00:00.000Z', watchedDate: '2026-03-01', rewatch: true, rating: 7 }),
        review({ id: 'l1', author: 'me', createdAt: '2026-03-01T00:00:00.000Z', watchedDate: '2026-03-01', tags: ['cinema'] }),
        review({ id: 'lx', author: 'ann', createdAt: '2026-03-01T00:00:00.000Z', watchedDate: '2026-03-05' }),
        review({ id: 'lr', author: 'me', createdAt: '2026-03-09T00:00:00.000Z', rating: 9 }),
      ],
    }),
    film({
      slug: 'solaris',
      title: 'Solaris',
      reviews: [
        review({ id: 's1', author: 'me', createdAt: '2025-12-01T00:00:00.000Z', watchedDate: '2026-02-28', liked: true, rating: 10 }),
      ],
    }),
  ];
  const ids = (terms: string[], period: { first: string; last: string } | null = null, author = 'me') =>
    selectDiary(data, author, terms, period).map(({ review: r }) => r.id);

  it('is your entries only (not plain ratings, not others’), newest watch first, same day newest logged first', () => {
    expect(ids([])).toEqual(['l2', 'l1', 's1']);
    expect(ids([], null, 'ann')).toEqual(['lx']);
  });
  it('takes a period and the query language, with tag, watched, rewatch and liked', () => {
    expect(ids([], { first: '2026-02-01', last: '2026-02-28' })).toEqual(['s1']);
    expect(ids(['tag:cinema'])).toEqual(['l1']);
    expect(ids(['rewatch:yes'])).toEqual(['l2']);
    expect(ids(['rewatch:no', 'liked:no'])).toEqual(['l1']);
    expect(ids(['watched:2026-03'])).toEqual(['l2', 'l1']);
    expect(ids(['watched:..2026-02-28'])).toEqual(['s1']);
    expect(ids(['rating:8..'])).toEqual(['s1']);
    expect(ids(['solaris'])).toEqual(['s1']);
  });

  it('gives a year in films: watches per month, first watches and rewatches, ratings, tags', () => {
    const year = yearStats(data, 'me', 2026);
    expect(year).toMatchObject({ year: 2026, author: 'me', entries: 3, films: 2, firstWatches: 2, rewatches: 1, liked: 1, ratings: 2 });
    expect(year.averageRating).toBe(8.5);
    expect(year.months.map((m) => m.count)).toEqual([0, 1, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(year.months[0]?.name).toBe('2026-01');
    expect(year.tags).toEqual([{ name: 'cinema', count: 1 }]);
    expect(year.histogram['7']).toBe(1);
    expect(yearStats(data, 'me', 2025).entries).toBe(0);
  });
});
