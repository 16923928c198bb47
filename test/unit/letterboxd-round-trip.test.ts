import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeFilms, type IncomingFilm } from '../../src/domain/merge.js';
import type { FilmMark, ReviewContent } from '../../src/domain/model.js';
import { currentRating } from '../../src/domain/ratings.js';
import { normaliseText } from '../../src/domain/rules.js';
import { exportLetterboxd, exportLetterboxdWatchlist } from '../../src/formats/letterboxd-export.js';
import { parseLetterboxdCsv } from '../../src/formats/letterboxd.js';
import { emptyStore } from '../../src/store/schema.js';

/**
 * `films export --format letterboxd` writes what Letterboxd's import layout holds of one person's
 * diary, and films reads it back: export → import into an empty store → export gives the same
 * bytes (#12 item 4), over generated diaries of every shape: entries on the same day, rewatches,
 * tags, reviews without a day, plain ratings that agree with the diary or not, watched marks, a
 * watchlist, and other people's reviews, which are not exported.
 */
const NOW = new Date('2026-03-10T12:00:00.000Z');
const ME = 'me';

const day = fc
  .date({ min: new Date('2015-01-01'), max: new Date('2025-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const time = fc.date({ min: new Date('2015-01-01'), max: new Date('2026-03-01'), noInvalidDate: true }).map((d) => d.toISOString());
const rating = fc.option(fc.integer({ min: 1, max: 10 }), { nil: null });
const words = fc
  .array(
    fc.constantFrom('vast', 'loud', 'Новочеркасск', '千と千尋', '🎬', 'a, "quoted" word', 'line\nbreak', '&amp; not HTML', '<i>not</i>'),
    {
      minLength: 1,
      maxLength: 4,
    },
  )
  .map((parts) => normaliseText(parts.join(' ')))
  .filter((text) => text !== '');

const entry = fc.record({
  createdAt: time,
  rating,
  text: fc.option(words, { nil: '' }),
  watchedDate: day,
  rewatch: fc.boolean(),
  tags: fc.uniqueArray(fc.constantFrom('war', 'русское', 'cinema 🎬', 'rewatch-worthy'), { maxLength: 3 }),
});
const review = fc.record({ createdAt: time, rating, text: words });
const plain = fc.record({ createdAt: time, rating: fc.integer({ min: 1, max: 10 }) });

const filmArb = fc.record({
  title: fc.constantFrom('Rain', 'Dune', 'Дорогие товарищи!', 'Amélie', 'Heat, "the film"', '千と千尋の神隠し'),
  year: fc.option(fc.integer({ min: 1900, max: 2025 }), { nil: null }),
  ids: fc.record({ imdb: fc.boolean(), tmdb: fc.boolean(), letterboxd: fc.constantFrom('none', 'short', 'page') }),
  entries: fc.array(entry, { maxLength: 4 }),
  reviews: fc.array(review, { maxLength: 2 }),
  plains: fc.array(plain, { maxLength: 2 }),
  others: fc.array(entry, { maxLength: 2 }),
  watched: fc.boolean(),
  watchlistedAt: fc.option(time, { nil: null }),
});

/** A store of such films, restored as our own export would (no rule of new entries applied): every shape a store may hold. */
const storeArb = fc.array(filmArb, { maxLength: 6 }).map((films) => {
  const incoming: IncomingFilm[] = films.map((film, n) => {
    const mine = (content: Omit<ReviewContent, 'author' | 'spoiler' | 'text'> & { text?: string }, author = ME): ReviewContent => ({
      author,
      spoiler: false,
      text: '',
      ...content,
    });
    const marks: FilmMark[] =
      film.watched || film.watchlistedAt ? [{ author: ME, watchlistedAt: film.watchlistedAt, watched: film.watched, liked: false }] : [];
    return {
      // Films the layout cannot tell apart are one film to it: each has a title and ids of its own.
      title: `${film.title} ${n}`,
      year: film.year,
      ...(film.ids.imdb ? { imdbId: `tt${String(n + 1).padStart(7, '0')}` } : {}),
      ...(film.ids.tmdb ? { tmdbId: String(1000 + n) } : {}),
      ...(film.ids.letterboxd === 'short' ? { letterboxdUri: `https://boxd.it/f${n}` } : {}),
      ...(film.ids.letterboxd === 'page' ? { letterboxdUri: `https://letterboxd.com/film/film-${n}/` } : {}),
      countries: [],
      genres: [],
      synopsis: '',
      cast: [],
      castCount: 0,
      ratingsCount: null,
      related: [],
      reviews: [
        ...film.entries.map(({ tags, rewatch, ...rest }) =>
          mine({ ...rest, ...(rewatch ? { rewatch } : {}), ...(tags.length ? { tags } : {}) }),
        ),
        ...film.reviews.map((one) => mine(one)),
        ...film.plains.map((one) => mine(one)),
        ...film.others.map(({ tags: _tags, rewatch: _rewatch, ...rest }) => mine(rest, 'someone else')),
      ],
      marks,
    };
  });
  return mergeFilms(emptyStore(), incoming).data;
});

function roundTrip(data: ReturnType<typeof emptyStore>) {
  const diary = exportLetterboxd(data.films, ME);
  const watchlist = exportLetterboxdWatchlist(data.films, ME);
  const read = [parseLetterboxdCsv(diary, 'diary.csv', ME, NOW), parseLetterboxdCsv(watchlist, 'x.csv', ME, NOW, { watchlist: true })];
  for (const batch of read) expect(batch.problems).toEqual([]);
  let again = emptyStore();
  for (const batch of read) again = mergeFilms(again, batch.films, batch.mode).data;
  return { diary, watchlist, again };
}

describe('Letterboxd import layout round trip', () => {
  it('export → import into an empty store → export gives the same bytes, diary and watchlist', () => {
    fc.assert(
      fc.property(storeArb, (data) => {
        const { diary, watchlist, again } = roundTrip(data);
        expect(exportLetterboxd(again.films, ME)).toBe(diary);
        expect(exportLetterboxdWatchlist(again.films, ME)).toBe(watchlist);
      }),
      { numRuns: 400 },
    );
  });

  it('keeps each film’s current rating, every diary entry and the watchlist', () => {
    fc.assert(
      fc.property(storeArb, (data) => {
        const { again } = roundTrip(data);
        const summary = (films: typeof data.films) =>
          films
            .map((film) => ({
              title: film.title,
              rating: currentRating(film.reviews, ME),
              entries: film.reviews
                .filter((one) => one.author === ME && one.watchedDate)
                .map((one) => JSON.stringify([one.watchedDate, one.rating, one.text, one.rewatch ?? false, one.tags ?? []]))
                .sort(),
              watchlist: film.marks.some((mark) => mark.author === ME && mark.watchlistedAt !== null),
            }))
            .filter((film) => film.rating !== null || film.entries.length || film.watchlist)
            .sort((a, b) => (a.title < b.title ? -1 : 1));
        expect(summary(again.films)).toEqual(summary(data.films));
      }),
      { numRuns: 300 },
    );
  });
});
