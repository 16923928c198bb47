import { describe, expect, it } from 'vitest';
import { FilmIndex, idKeys, idsConflict, type FilmIdentity } from '../../src/domain/film-identity.js';
import type { Film, Review } from '../../src/domain/model.js';
import { countedRatings, currentRating, isRedundantRating } from '../../src/domain/ratings.js';
import { ratingSummary } from '../../src/domain/rating.js';
import { readTitleType, titleTypeLabel } from '../../src/domain/title-types.js';
import { film, review as fixtureReview } from './fixtures.js';

/** The shared rules of imports and the diary: which film is which, a person's current rating, title types. */
describe('film identity', () => {
  const rain = { title: 'Rain', year: 2019 };
  /** Whether an import's film is taken for a film of the store, as every importer asks the index. */
  const areOneFilm = (incoming: FilmIdentity, stored: FilmIdentity): boolean =>
    new FilmIndex([film({ slug: 'stored', ...stored })]).find({ ...incoming, reviews: [], marks: [] }).at === 0;

  it('an id of one kind that differs makes two films, whatever the titles; an id in common makes one', () => {
    expect(areOneFilm({ ...rain, imdbId: 'tt1' }, { ...rain, imdbId: 'tt2' })).toBe(false);
    expect(areOneFilm({ ...rain, imdbId: 'tt1' }, { title: 'Pluie', year: 1950, imdbId: 'tt1' })).toBe(true);
    expect(areOneFilm({ ...rain, imdbId: 'tt1', tmdbId: '5' }, { ...rain, imdbId: 'tt1', tmdbId: '6' })).toBe(false);
    expect(areOneFilm({ ...rain, imdbId: 'tt1' }, { ...rain, letterboxdUri: 'https://boxd.it/x' })).toBe(true);
  });

  it('a Letterboxd URI is compared with one of its own form only, however it is written', () => {
    expect(idKeys({ ...rain, letterboxdUri: 'http://www.letterboxd.com/film/Rain-2019' })).toEqual(['letterboxd.com/film:rain-2019']);
    expect(
      idsConflict({ ...rain, letterboxdUri: 'https://boxd.it/aB' }, { ...rain, letterboxdUri: 'https://letterboxd.com/film/rain/' }),
    ).toBe(false);
    expect(idsConflict({ ...rain, letterboxdUri: 'https://boxd.it/aB' }, { ...rain, letterboxdUri: 'https://boxd.it/ab' })).toBe(true);
  });

  it('a film without a year is another dated film only when one of the two has no id', () => {
    expect(areOneFilm({ title: 'Rain', year: null }, { ...rain, imdbId: 'tt1' })).toBe(true);
    expect(areOneFilm({ title: 'Rain', year: null, tmdbId: '9' }, { ...rain, imdbId: 'tt1' })).toBe(false);
    expect(areOneFilm({ title: 'Rain', year: 2018 }, rain)).toBe(false);
    expect(
      areOneFilm({ title: 'Dorogie tovarishchi!', localTitle: 'Dear Comrades!', year: 2020 }, { title: 'dear comrades!', year: 2020 }),
    ).toBe(true);
  });

  it('the index finds by id, then by title and year; of twins told apart by ids, it guesses neither', () => {
    const films = [
      film({ slug: 'rain-2019', title: 'Rain', year: 2019, letterboxdUri: 'https://boxd.it/b' }),
      film({ slug: 'rain', title: 'Rain', year: 2019, letterboxdUri: 'https://boxd.it/a' }),
      film({ slug: 'pluie', title: 'Pluie', year: 2019, imdbId: 'tt7' }),
    ];
    const index = new FilmIndex(films);
    const find = (identity: FilmIdentity) => index.find({ ...identity, reviews: [], marks: [] });
    expect(find({ title: 'Rain', year: 2019 })).toEqual({ at: -1, ambiguous: [0, 1] });
    expect(find({ title: 'Rain', year: 2019, letterboxdUri: 'https://boxd.it/b' })).toEqual({ at: 0 });
    expect(find({ title: 'Rain', year: 2019, letterboxdUri: 'https://boxd.it/c' })).toEqual({ at: -1 });
    expect(find({ title: 'Rain', year: 2019, imdbId: 'tt9' })).toEqual({ at: -1, ambiguous: [0, 1] });
    expect(find({ title: 'Anything', year: null, imdbId: 'tt7' })).toEqual({ at: 2 });
    expect(find({ title: 'Pluie', year: 2019, imdbId: 'tt8' })).toEqual({ at: -1 });
    expect(find({ title: 'Pluie', year: 2019 })).toEqual({ at: 2 });
  });

  it('of twins, an id-less row takes the one its entry link is on, the one without ids, or the one not merely on its watchlist', () => {
    const entry = fixtureReview({ id: 'e1', author: 'me', letterboxdUri: 'https://boxd.it/e1', watchedDate: '2024-01-01' });
    const twins = (extra: Partial<Film>): Film[] => [
      film({ slug: 'rain', title: 'Rain', year: 2019, imdbId: 'tt1' }),
      film({ slug: 'rain-2019', title: 'Rain', year: 2019, imdbId: 'tt2', ...extra }),
    ];
    const row = { title: 'Rain', year: 2019, marks: [], reviews: [{ author: 'me', letterboxdUri: 'https://boxd.it/e1' }] };
    expect(new FilmIndex(twins({ reviews: [entry] })).find(row)).toEqual({ at: 1 });
    const watchlisted = { marks: [{ author: 'me', watchlistedAt: '2024-01-01T00:00:00.000Z', watched: false, liked: false }] };
    expect(new FilmIndex(twins(watchlisted)).find(row)).toEqual({ at: 0 });
    expect(new FilmIndex(twins(watchlisted)).find({ ...row, reviews: [{ author: 'you', letterboxdUri: undefined }] })).toEqual({
      at: -1,
      ambiguous: [0, 1],
    });
    // A watchlist row is no one's watch: it is not steered off the watchlist film.
    const mark = { author: 'me', watchlistedAt: '2024-02-01T00:00:00.000Z', watched: false, liked: false };
    const onWatchlist = { title: 'Rain', year: 2019, reviews: [], marks: [mark] };
    expect(new FilmIndex(twins(watchlisted)).find(onWatchlist)).toEqual({ at: -1, ambiguous: [0, 1] });
    expect(new FilmIndex(twins(watchlisted)).find({ ...onWatchlist, marks: [{ ...mark, watched: true }] })).toEqual({
      at: 0,
    });
    const kept = [...twins({}), film({ slug: 'rain-2', title: 'Rain', year: 2019 })];
    expect(new FilmIndex(kept).find(row)).toEqual({ at: 2 });
  });
});

describe("a person's ratings", () => {
  let ids = 0;
  const review = (fields: Partial<Review>): Review => fixtureReview({ id: `r${ids++}`, author: 'me', text: '', ...fields });

  it('the current rating is the latest rated review of any kind; at the same time a plain rating, then store order', () => {
    const entry = review({ createdAt: '2024-05-01T00:00:00.000Z', rating: 6, watchedDate: '2024-04-30' });
    const plain = review({ createdAt: '2024-05-01T00:00:00.000Z', rating: 9 });
    const older = review({ createdAt: '2023-01-01T00:00:00.000Z', rating: 2, text: 'Old.' });
    expect(currentRating([entry, older], 'me')).toBe(6);
    expect(currentRating([entry, plain, older], 'me')).toBe(9);
    expect(currentRating([entry, plain, older], 'someone')).toBeNull();
    expect(currentRating([review({ rating: null, text: 'No rating.' })], 'me')).toBeNull();
  });

  it('a plain rating is redundant once a rated entry or review is newer, or as new with the same rating', () => {
    const plain = review({ createdAt: '2024-05-01T00:00:00.000Z', rating: 9 });
    const same = review({ createdAt: '2024-05-01T00:00:00.000Z', rating: 9, watchedDate: '2024-04-30' });
    const sameTimeOther = review({ createdAt: '2024-05-01T00:00:00.000Z', rating: 5, watchedDate: '2024-04-30' });
    const newer = review({ createdAt: '2024-06-01T00:00:00.000Z', rating: 4, text: 'Less so.' });
    const older = review({ createdAt: '2024-01-01T00:00:00.000Z', rating: 9, watchedDate: '2023-12-31' });
    const unrated = review({ createdAt: '2024-07-01T00:00:00.000Z', watchedDate: '2024-07-01' });
    expect(isRedundantRating([plain, same], plain)).toBe(true);
    expect(isRedundantRating([plain, newer], plain)).toBe(true);
    expect(isRedundantRating([plain, sameTimeOther, older, unrated], plain)).toBe(false);
    expect(isRedundantRating([plain, { ...newer, author: 'someone' }], plain)).toBe(false);
    expect(isRedundantRating([same, newer], same)).toBe(false);
  });

  it('a film counts one rating once: a plain rating its author’s latest rated entry gives, whatever the dates, is not counted (attack 1213 item 6)', () => {
    const plain = review({ createdAt: '2024-05-01T00:00:00.000Z', rating: 9 });
    const older = review({ createdAt: '2024-01-01T00:00:00.000Z', rating: 9, watchedDate: '2023-12-31' });
    const between = review({ createdAt: '2024-03-01T00:00:00.000Z', rating: 2, watchedDate: '2024-02-28' });
    const someone = review({ author: 'someone', createdAt: '2024-01-01T00:00:00.000Z', rating: 9 });
    // ratings.csv dates the rating after the entry that gave it: one rating.
    expect(countedRatings([plain, older, someone])).toEqual([older, someone]);
    // A later entry rated otherwise: the plain rating says the rating again, later: counted.
    expect(countedRatings([plain, between, older])).toEqual([plain, between, older]);
    expect(ratingSummary([plain, older, someone])).toMatchObject({ count: 2, average: 9 });
  });
});

describe('title types', () => {
  it.each([
    ['movie', 'movie'],
    ['Movie', 'movie'],
    ['Feature Film', 'movie'],
    ['Film', 'movie'],
    ['TV Mini Series', 'tvMiniSeries'],
    ['Mini-Series', 'tvMiniSeries'],
    ['Mini serie TV', 'tvMiniSeries'],
    ['tvSeries', 'tvSeries'],
    ['Serie TV', 'tvSeries'],
    ['Short Film', 'short'],
    ['Corto', 'short'],
    ['Documentary', 'Documentary'],
  ])('%s is %s', (written, id) => {
    expect(readTitleType(written)).toBe(id);
  });

  it('an empty cell is no type, and types read as people name them', () => {
    expect(readTitleType('  ')).toBeUndefined();
    expect([titleTypeLabel('tvSeries'), titleTypeLabel('movie'), titleTypeLabel('Documentary')]).toEqual([
      'TV series',
      'film',
      'Documentary',
    ]);
  });
});
