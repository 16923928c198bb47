import { describe, expect, it } from 'vitest';
import type { Film, FilmMark, StoreData } from '../../src/domain/model.js';
import { mergeStores } from '../../src/domain/store-merge.js';
import { conflictLine } from '../../src/render/merge-conflicts.js';
import { serializeStore } from '../../src/store/file.js';
import { checkStoreText } from '../../src/store/validate.js';
import { textKey } from '../../src/domain/text-key.js';
import { film, review } from './fixtures.js';
import { cpuMsSince } from '../helpers/cpu-time.js';

const store = (...films: Film[]): StoreData => ({ version: 2, films });
const mark = (author: string, overrides: Partial<FilmMark> = {}): FilmMark => ({
  author,
  watchlistedAt: null,
  watched: false,
  liked: false,
  ...overrides,
});

const r1 = review({ id: 'r1', author: 'Ann', createdAt: '2024-01-01T00:00:00.000Z', rating: 7, text: 'Good.' });
const r2 = review({ id: 'r2', author: 'Bob', createdAt: '2024-02-01T00:00:00.000Z', rating: null, text: 'Long.' });
const leviathan = film({ reviews: [r2, r1], marks: [mark('Ann', { watchlistedAt: '2024-01-05T00:00:00.000Z' })] });
const base = store(leviathan, film({ slug: 'rain', title: 'Rain', year: 2019 }));

/** The merge, checked to be a valid store whatever else the test looks at. */
function merge(ours: StoreData, theirs: StoreData, from: StoreData = base) {
  const result = mergeStores(from, ours, theirs);
  expect(checkStoreText(serializeStore(result.data)).ok).toBe(true);
  return { ...result, lines: result.conflicts.map(conflictLine) };
}

const withFilm = (data: StoreData, slug: string, change: (film: Film) => Film | null): StoreData => ({
  ...data,
  films: data.films.flatMap((each) => (each.slug === slug ? [change(each)].filter((f): f is Film => f !== null) : [each])),
});
const edit = (data: StoreData, change: (film: Film) => Film | null): StoreData => withFilm(data, 'leviathan', change);
const reviewsOf = (data: StoreData, slug = 'leviathan') => data.films.find((f) => f.slug === slug)?.reviews ?? [];

describe('mergeStores: films', () => {
  it('takes a film added on either side; ours first, then theirs', () => {
    const ours = store(...base.films, film({ slug: 'stalker', title: 'Stalker', year: 1979 }));
    const theirs = store(...base.films, film({ slug: 'mirror', title: 'Mirror', year: 1975 }));
    const { data, conflicts } = merge(ours, theirs);
    expect(conflicts).toEqual([]);
    expect(data.films.map((f) => f.slug)).toEqual(['leviathan', 'rain', 'stalker', 'mirror']);
  });

  it('removes a film removed on one side and unchanged on the other, on either side', () => {
    const without = store(base.films[1] as Film);
    expect(merge(without, base).data.films.map((f) => f.slug)).toEqual(['rain']);
    expect(merge(base, without).data.films.map((f) => f.slug)).toEqual(['rain']);
    expect(merge(without, without).conflicts).toEqual([]);
  });

  it('keeps a film removed on one side and changed on the other, as a conflict', () => {
    const changed = edit(base, (f) => ({ ...f, year: 2015 }));
    const removed = edit(base, () => null);
    const theirsRemoved = merge(changed, removed);
    expect(theirsRemoved.data.films.find((f) => f.slug === 'leviathan')?.year).toBe(2015);
    expect(theirsRemoved.lines).toEqual(['film leviathan: removed by theirs, changed by ours; kept ours']);
    const oursRemoved = merge(removed, changed);
    expect(oursRemoved.data.films.find((f) => f.slug === 'leviathan')?.year).toBe(2015);
    expect(oursRemoved.lines).toEqual(['film leviathan: removed by ours, changed by theirs; kept theirs']);
  });

  it('a change inside a film (a review removed) counts as changing it', () => {
    const { lines } = merge(
      edit(base, (f) => ({ ...f, reviews: [r1] })),
      edit(base, () => null),
    );
    expect(lines).toEqual(['film leviathan: removed by theirs, changed by ours; kept ours']);
  });

  it('takes a field changed on one side, and the same change on both once', () => {
    const ours = edit(base, (f) => ({ ...f, year: 2015, genres: ['Drama', 'Crime'] }));
    const theirs = edit(base, (f) => ({ ...f, synopsis: 'New.', genres: ['Drama', 'Crime'] }));
    const { data, conflicts } = merge(ours, theirs);
    expect(conflicts).toEqual([]);
    expect(data.films[0]).toMatchObject({ year: 2015, synopsis: 'New.', genres: ['Drama', 'Crime'] });
  });

  it('a field changed differently on both sides keeps ours and lists both values; a list is one value', () => {
    const ours = edit(base, (f) => ({ ...f, year: 2015, genres: ['Drama', 'Crime'] }));
    const theirs = edit(base, (f) => ({ ...f, year: 2016, genres: ['Drama', 'War'] }));
    const { data, lines } = merge(ours, theirs);
    expect(data.films[0]).toMatchObject({ year: 2015, genres: ['Drama', 'Crime'] });
    expect(lines).toEqual([
      'film leviathan: year: ours 2015, theirs 2016',
      'film leviathan: genres: ours ["Drama","Crime"], theirs ["Drama","War"]',
    ]);
  });

  it('an optional field added or removed on one side is taken', () => {
    const withId = edit(base, (f) => ({ ...f, imdbId: 'tt2802154' }));
    expect(merge(withId, base).data.films[0]?.imdbId).toBe('tt2802154');
    expect(merge(base, withId).data.films[0]?.imdbId).toBe('tt2802154');
    const merged = merge(
      withId,
      edit(withId, (f) => ({ ...f, imdbId: undefined })),
      withId,
    ).data.films[0] as Film;
    expect('imdbId' in merged).toBe(false);
  });

  it('one field removed on one side and changed on the other is a conflict that names the absent value', () => {
    const withTitle = edit(base, (f) => ({ ...f, localTitle: 'Левиафан' }));
    const { lines } = merge(
      edit(withTitle, (f) => ({ ...f, localTitle: undefined })),
      edit(withTitle, (f) => ({ ...f, localTitle: 'Leviafan' })),
      withTitle,
    );
    expect(lines).toEqual(['film leviathan: localTitle: ours (none), theirs "Leviafan"']);
  });

  it('the same film added on both sides (same title and year) is merged field by field with an empty base', () => {
    const added = film({ slug: 'stalker', title: 'Stalker', year: 1979, countries: [], synopsis: '', reviews: [review({ id: 'a1' })] });
    const ours = store(...base.films, { ...added, genres: ['Drama'], imdbId: 'tt0079944', countries: ['USSR'] });
    const theirs = store(...base.films, {
      ...added,
      genres: ['Sci-Fi'],
      synopsis: 'The Zone.',
      reviews: [...added.reviews, review({ id: 'b1', createdAt: '2023-01-01T00:00:00.000Z' })],
    });
    const { data, lines } = merge(ours, theirs);
    expect(data.films.map((f) => f.slug)).toEqual(['leviathan', 'rain', 'stalker']);
    // A value beside nothing is taken; two values conflict.
    expect(data.films[2]).toMatchObject({ imdbId: 'tt0079944', countries: ['USSR'], synopsis: 'The Zone.', genres: ['Drama'] });
    expect(reviewsOf(data, 'stalker').map((r) => r.id)).toEqual(['a1', 'b1']);
    expect(lines).toEqual(['film stalker: genres: ours ["Drama"], theirs ["Sci-Fi"]']);
  });

  it('films added on both sides under one slug with one id in common are one film, whatever the titles', () => {
    const ours = store(...base.films, film({ slug: 'stalker', title: 'Stalker', year: 1979, imdbId: 'tt0079944' }));
    const theirs = store(...base.films, film({ slug: 'stalker', title: 'Сталкер', year: 1979, imdbId: 'tt0079944' }));
    const { data, lines } = merge(ours, theirs);
    expect(data.films.map((f) => f.slug)).toEqual(['leviathan', 'rain', 'stalker']);
    expect(lines).toEqual(['film stalker: title: ours "Stalker", theirs "Сталкер"']);
  });

  it('two different films added under one slug are both kept, the later in film order under a new slug, their reviews apart', () => {
    // Same review content on both: the ids (derived from slug and content) are the same too.
    const shared = review({ id: 'c0ffee00', author: 'Ann', text: 'Wet.' });
    const ours = store(...base.films, film({ slug: 'storm', title: 'Storm', year: 2009, imdbId: 'tt1', reviews: [shared] }));
    const theirs = store(...base.films, film({ slug: 'storm', title: 'Storm', year: 2009, imdbId: 'tt2', reviews: [shared] }));
    const { data, conflicts } = merge(ours, theirs);
    expect(conflicts).toEqual([]);
    expect(data.films.map((f) => [f.slug, f.imdbId])).toEqual([
      ['leviathan', undefined],
      ['rain', undefined],
      ['storm', 'tt1'],
      ['storm-2009', 'tt2'],
    ]);
    const ids = data.films.flatMap((f) => f.reviews.map((r) => r.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(reviewsOf(data, 'storm-2009')[0]).toMatchObject({ author: 'Ann', text: 'Wet.' });
  });

  it('two films of the same title but different years added under one slug are different films', () => {
    const ours = store(...base.films, film({ slug: 'solaris', title: 'Solaris', year: 1972 }));
    const theirs = store(...base.films, film({ slug: 'solaris', title: 'Solaris', year: 2002 }));
    expect(merge(ours, theirs).data.films.map((f) => `${f.slug} ${f.year}`)).toEqual([
      'leviathan 2014',
      'rain 2019',
      'solaris 1972',
      'solaris-2002 2002',
    ]);
  });

  it('a store merged with itself is itself', () => {
    const { data } = merge(base, base);
    expect(data).toEqual(base);
    expect(data.version).toBe(2);
  });
});

describe('mergeStores: which films are one', () => {
  const rain1932 = film({ slug: 'rain', title: 'Rain', year: 1932, genres: [], reviews: [] });
  const rainReview = review({ id: 'j1', author: 'Ann', createdAt: '2024-03-01T00:00:00.000Z', rating: 9, text: 'Joan Crawford, 1932' });
  const slugsAndYears = (data: StoreData) => data.films.map((f) => `${f.slug} ${f.year}`).sort();
  /** Both directions: what does not conflict is the same whichever side is ours. */
  const both = (from: StoreData, a: StoreData, b: StoreData) => [merge(a, b, from), merge(b, a, from)] as const;

  it('a film removed and another added under its slug is another film: a review of the old one stays with it, as a conflict', () => {
    const from = store(leviathan, rain1932);
    const reviewed = withFilm(from, 'rain', (f) => ({ ...f, reviews: [rainReview] }));
    const replaced = withFilm(from, 'rain', () => film({ slug: 'rain', title: 'Rain', year: 2019, genres: ['Horror'], reviews: [] }));
    const [ab, ba] = both(from, reviewed, replaced);
    for (const { data } of [ab, ba]) {
      expect(slugsAndYears(data)).toEqual(['leviathan 2014', 'rain 1932', 'rain-2019 2019']);
      expect(reviewsOf(data, 'rain').map((r) => r.text)).toEqual(['Joan Crawford, 1932']);
      expect(reviewsOf(data, 'rain-2019')).toEqual([]);
      expect(data.films.find((f) => f.slug === 'rain-2019')?.genres).toEqual(['Horror']);
    }
    expect(ab.lines).toEqual(['film rain: removed by theirs, changed by ours; kept ours']);
    expect(ba.lines).toEqual(['film rain: removed by ours, changed by theirs; kept theirs']);
  });

  it('a film removed and another added under its slug, the old one unchanged on the other side: the new one, no conflict', () => {
    const from = store(leviathan, rain1932);
    const replaced = withFilm(from, 'rain', () => film({ slug: 'rain', title: 'Rain', year: 2019, reviews: [] }));
    for (const { data, conflicts } of both(from, from, replaced)) {
      expect(conflicts).toEqual([]);
      expect(slugsAndYears(data)).toEqual(['leviathan 2014', 'rain 2019']);
    }
  });

  it('a corrected title or year is an edit while the film keeps an id or one of its reviews', () => {
    const reviewed = store(leviathan, { ...rain1932, reviews: [rainReview] });
    const corrected = withFilm(reviewed, 'rain', (f) => ({ ...f, year: 1933 }));
    const marked = withFilm(reviewed, 'rain', (f) => ({ ...f, marks: [mark('Bob', { liked: true })] }));
    const { data, conflicts } = merge(corrected, marked, reviewed);
    expect(conflicts).toEqual([]);
    expect(data.films.find((f) => f.slug === 'rain')).toMatchObject({ year: 1933, marks: [mark('Bob', { liked: true })] });

    const withId = store(leviathan, { ...rain1932, imdbId: 'tt0023369' });
    const retitled = merge(
      withFilm(withId, 'rain', (f) => ({ ...f, title: 'Sadie Thompson' })),
      withFilm(withId, 'rain', (f) => ({ ...f, genres: ['Drama'] })),
      withId,
    );
    expect(retitled.conflicts).toEqual([]);
    expect(retitled.data.films.find((f) => f.slug === 'rain')).toMatchObject({ title: 'Sadie Thompson', genres: ['Drama'] });
  });

  it('another id of one kind is another film, whatever its title', () => {
    const from = store(leviathan, { ...rain1932, imdbId: 'tt0023369', reviews: [rainReview] });
    const otherId = withFilm(from, 'rain', (f) => ({ ...f, imdbId: 'tt8000000' }));
    const reviewed = withFilm(from, 'rain', (f) => ({
      ...f,
      reviews: [...f.reviews, { ...rainReview, id: 'j2', createdAt: '2024-04-01T00:00:00.000Z' }],
    }));
    for (const { data, conflicts } of both(from, otherId, reviewed)) {
      expect(conflicts).toHaveLength(1);
      expect(data.films.map((f) => [f.slug, f.imdbId]).sort()).toEqual([
        ['leviathan', undefined],
        ['rain', 'tt0023369'],
        ['rain-1932', 'tt8000000'],
      ]);
    }
  });

  it('the same film added on both sides under different slugs is one film, its reviews joined', () => {
    const rating = review({ id: 'b6', author: 'Bob', createdAt: '2024-05-01T00:00:00.000Z', rating: 6, text: '' });
    const from = store(leviathan);
    const ours = store(
      leviathan,
      film({ slug: 'rain', title: 'Rain', year: 2019, reviews: [] }),
      film({ slug: 'rain-1932', title: 'Rain', year: 1932, reviews: [] }),
    );
    const theirs = store(leviathan, film({ slug: 'rain', title: 'RAIN ', year: 1932, reviews: [rating] }));
    for (const { data, conflicts } of both(from, ours, theirs)) {
      expect(
        data.films
          .filter((f) => textKey(f.title) === 'rain')
          .map((f) => `${f.year} ${f.reviews.length}`)
          .sort(),
      ).toEqual(['1932 1', '2019 0']);
      expect(conflicts).toEqual([{ film: 'rain-1932', field: 'title', ours: expect.any(String), theirs: expect.any(String) }]);
      expect(data.films.find((f) => f.year === 1932)?.slug).toBe('rain-1932');
    }
    // Matched by an id first, whatever the titles; the same film's ids may be known on one side only.
    const byId = merge(
      store(film({ slug: 'stalker', title: 'Stalker', year: 1979, imdbId: 'tt0079944' })),
      store(film({ slug: 'stalker-1979', title: 'Сталкер', year: 1979, imdbId: 'tt0079944', tmdbId: '1398' })),
      store(),
    );
    expect(byId.data.films.map((f) => [f.slug, f.tmdbId])).toEqual([['stalker', '1398']]);
  });

  it('two different films added under one slug: the one that sorts first (year, title, ids) keeps it, whichever side is ours', () => {
    const from = store(leviathan);
    const ours = store(leviathan, film({ slug: 'rain', title: 'Rain', year: 2019, reviews: [] }));
    const theirs = store(leviathan, film({ slug: 'rain', title: 'Rain', year: 1932, reviews: [] }));
    const [ab, ba] = both(from, ours, theirs);
    for (const { data, conflicts } of [ab, ba]) {
      expect(conflicts).toEqual([]);
      expect(slugsAndYears(data)).toEqual(['leviathan 2014', 'rain 1932', 'rain-2019 2019']);
    }
    // Our film that lost its slug is named, so that the person merging can say so.
    expect(ab.renamed).toEqual([{ from: 'rain', to: 'rain-2019', title: 'Rain', year: 2019 }]);
    expect(ba.renamed).toEqual([]);
  });

  it('pairs the films both sides added in time that grows linearly: 40,000 a side, all of one title and year', () => {
    // Indexing them once copied the list of each title for every film: about 20 s here, quadratic.
    const side = (prefix: string): StoreData =>
      store(...Array.from({ length: 40_000 }, (_, i) => film({ slug: `${prefix}${i}`, title: 'Rain', year: 2019, reviews: [] })));
    const [ours, theirs] = [side('a'), side('b')];
    const started = process.cpuUsage();
    const { data } = mergeStores(store(), ours, theirs);
    expect(cpuMsSince(started)).toBeLessThan(8_000);
    // Many candidates on each side: none is paired, all are kept.
    expect(data.films).toHaveLength(80_000);
  });

  it('the base film keeps its slug against a film added under it', () => {
    const from = store(leviathan, { ...rain1932, year: 2019, reviews: [rainReview] });
    const changed = withFilm(from, 'rain', (f) => ({ ...f, genres: ['Horror'] }));
    const replaced = withFilm(from, 'rain', () => film({ slug: 'rain', title: 'Rain', year: 1932, reviews: [] }));
    for (const { data } of both(from, changed, replaced))
      expect(slugsAndYears(data)).toEqual(['leviathan 2014', 'rain 2019', 'rain-1932 1932']);
  });
});

describe('mergeStores: reviews', () => {
  const addReview = (data: StoreData, added: typeof r1) =>
    edit(data, (f) => ({
      ...f,
      reviews: [...f.reviews, added].sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0)),
    }));
  const setReview = (data: StoreData, id: string, change: Partial<typeof r1> | null) =>
    edit(data, (f) => ({ ...f, reviews: f.reviews.flatMap((r) => (r.id !== id ? [r] : change === null ? [] : [{ ...r, ...change }])) }));

  it('takes reviews added on both sides (two people reviewing the same film), newest first', () => {
    const ours = addReview(base, review({ id: 'o1', author: 'Ann', createdAt: '2024-03-01T00:00:00.000Z', text: 'Again.' }));
    const theirs = addReview(base, review({ id: 't1', author: 'Cat', createdAt: '2024-01-15T00:00:00.000Z', text: 'Cold.' }));
    const { data, conflicts } = merge(ours, theirs);
    expect(conflicts).toEqual([]);
    expect(reviewsOf(data).map((r) => r.id)).toEqual(['o1', 'r2', 't1', 'r1']);
  });

  it('reviews of equal times keep the order added: ours first, then theirs', () => {
    const at = '2024-01-01T00:00:00.000Z';
    const ours = addReview(addReview(base, review({ id: 'o1', createdAt: at, text: 'A' })), review({ id: 'o2', createdAt: at, text: 'B' }));
    const theirs = addReview(base, review({ id: 't1', createdAt: at, text: 'C' }));
    expect(reviewsOf(merge(ours, theirs).data).map((r) => r.id)).toEqual(['r2', 'r1', 'o1', 'o2', 't1']);
    expect(reviewsOf(merge(theirs, ours).data).map((r) => r.id)).toEqual(['r2', 'r1', 't1', 'o1', 'o2']);
  });

  it('removes a review removed on one side and unchanged on the other', () => {
    expect(reviewsOf(merge(setReview(base, 'r1', null), base).data).map((r) => r.id)).toEqual(['r2']);
    expect(reviewsOf(merge(base, setReview(base, 'r1', null)).data).map((r) => r.id)).toEqual(['r2']);
  });

  it('keeps a review removed on one side and changed on the other, as a conflict', () => {
    const { data, lines } = merge(setReview(base, 'r1', null), setReview(base, 'r1', { rating: 9 }));
    expect(reviewsOf(data).find((r) => r.id === 'r1')?.rating).toBe(9);
    expect(lines).toEqual(['film leviathan review r1 by Ann: removed by ours, changed by theirs; kept theirs']);
    expect(merge(setReview(base, 'r1', { text: 'Better.' }), setReview(base, 'r1', null)).lines).toEqual([
      'film leviathan review r1 by Ann: removed by theirs, changed by ours; kept ours',
    ]);
  });

  it('merges the fields of one review: changes on different fields both taken, the same change once', () => {
    const ours = setReview(base, 'r1', { rating: 8, spoiler: true });
    const theirs = setReview(base, 'r1', { text: 'Very good.', spoiler: true, tags: ['russia'] });
    const { data, conflicts } = merge(ours, theirs);
    expect(conflicts).toEqual([]);
    expect(reviewsOf(data).find((r) => r.id === 'r1')).toEqual({ ...r1, rating: 8, text: 'Very good.', spoiler: true, tags: ['russia'] });
  });

  it("the same review's rating changed on both sides keeps ours and lists film, review, field and both values", () => {
    const { data, lines } = merge(setReview(base, 'r1', { rating: 8 }), setReview(base, 'r1', { rating: 9 }));
    expect(reviewsOf(data).find((r) => r.id === 'r1')?.rating).toBe(8);
    expect(lines).toEqual(['film leviathan review r1 by Ann: rating: ours 8, theirs 9']);
  });

  it('a changed time moves the review to its place', () => {
    const { data } = merge(setReview(base, 'r1', { createdAt: '2024-05-01T00:00:00.000Z' }), base);
    expect(reviewsOf(data).map((r) => r.id)).toEqual(['r1', 'r2']);
  });

  it('a review left with neither text nor rating is a conflict on both fields, our review kept', () => {
    const { data, lines } = merge(setReview(base, 'r1', { rating: null, spoiler: true }), setReview(base, 'r1', { text: '' }));
    expect(reviewsOf(data).find((r) => r.id === 'r1')).toMatchObject({ rating: null, text: 'Good.', spoiler: true });
    expect(lines).toEqual([
      'film leviathan review r1 by Ann: rating: ours null, theirs 7',
      'film leviathan review r1 by Ann: text: ours "Good.", theirs ""',
    ]);
  });

  it('the same review added on both sides is one review; a value beside none is taken, two values conflict', () => {
    const added = review({ id: 'n1', createdAt: '2024-04-01T00:00:00.000Z', text: 'Same.' });
    expect(reviewsOf(merge(addReview(base, added), addReview(base, added)).data).map((r) => r.id)).toEqual(['n1', 'r2', 'r1']);
    const taken = merge(addReview(base, added), addReview(base, { ...added, rating: 5 }));
    expect(taken.conflicts).toEqual([]);
    expect(reviewsOf(taken.data)[0]?.rating).toBe(5);
    const { lines } = merge(addReview(base, { ...added, rating: 4 }), addReview(base, { ...added, rating: 5 }));
    expect(lines).toEqual(['film leviathan review n1 by Ann: rating: ours 4, theirs 5']);
  });

  it('a plain rating added by one person on each side: the newer stays, as a new rating replaces the old', () => {
    const plain = (id: string, createdAt: string, rating: number) => review({ id, author: 'Dan', createdAt, rating, text: '' });
    const ours = addReview(base, plain('p1', '2024-03-01T00:00:00.000Z', 6));
    const theirs = addReview(base, plain('p2', '2024-03-02T00:00:00.000Z', 8));
    for (const [a, b] of [
      [ours, theirs],
      [theirs, ours],
    ] as const) {
      const { data, conflicts } = merge(a, b);
      expect(conflicts).toEqual([]);
      expect(
        reviewsOf(data)
          .filter((r) => r.author === 'Dan')
          .map((r) => r.id),
      ).toEqual(['p2']);
    }
    // Different people's plain ratings, and a diary entry, all stay.
    const entry = review({
      id: 'e1',
      author: 'Dan',
      createdAt: '2024-03-03T00:00:00.000Z',
      rating: 7,
      text: '',
      watchedDate: '2024-03-03',
    });
    const others = addReview(addReview(base, { ...plain('p3', '2024-03-02T00:00:00.000Z', 8), author: 'Eve' }), entry);
    expect(reviewsOf(merge(ours, others).data).map((r) => r.id)).toEqual(['e1', 'p3', 'p1', 'r2', 'r1']);
  });

  it('a plain rating added by one person on each side at the same time: the higher stays, whichever side is ours', () => {
    const at = '2024-06-01T00:00:00.000Z';
    const ours = addReview(base, review({ id: 'a8', author: 'Alice', createdAt: at, rating: 8, text: '' }));
    const theirs = addReview(base, review({ id: 'b4', author: 'Alice', createdAt: at, rating: 4, text: '' }));
    for (const [a, b] of [
      [ours, theirs],
      [theirs, ours],
    ] as const) {
      const { data, conflicts } = merge(a, b);
      expect(conflicts).toEqual([]);
      expect(
        reviewsOf(data)
          .filter((r) => r.author === 'Alice')
          .map((r) => r.rating),
      ).toEqual([8]);
    }
  });

  it('a plain rating rated again on both sides is one rating: the newer stays, at the same time the higher, no conflict', () => {
    const rated = addReview(base, review({ id: 'p1', author: 'Alice', createdAt: '2024-01-01T00:00:00.000Z', rating: 7, text: '' }));
    const again = (createdAt: string, rating: number) => setReview(rated, 'p1', { createdAt, rating });
    for (const [a, b] of [
      [again('2024-02-01T00:00:00.000Z', 8), again('2024-03-01T00:00:00.000Z', 9)],
      [again('2024-03-01T00:00:00.000Z', 9), again('2024-02-01T00:00:00.000Z', 8)],
    ] as const) {
      const { data, conflicts } = merge(a, b, rated);
      expect(conflicts).toEqual([]);
      expect(reviewsOf(data).find((r) => r.id === 'p1')).toMatchObject({ createdAt: '2024-03-01T00:00:00.000Z', rating: 9 });
    }
    const sameTime = [again('2024-02-01T00:00:00.000Z', 3), again('2024-02-01T00:00:00.000Z', 5)] as const;
    for (const [a, b] of [sameTime, [sameTime[1], sameTime[0]]] as const)
      expect(reviewsOf(merge(a, b, rated).data).find((r) => r.id === 'p1')?.rating).toBe(5);
    // A rating that gained a text on one side is a review, no longer a plain rating: its fields merge as any review's.
    expect(
      merge(setReview(rated, 'p1', { rating: 8, text: 'Now with words.' }), again('2024-03-01T00:00:00.000Z', 9), rated).lines,
    ).toEqual(['film leviathan review p1 by Alice: rating: ours 8, theirs 9']);
  });

  it('the review in one film wins the id when the other side added a review of another film with it', () => {
    const clash = review({ id: 'dup', createdAt: '2023-01-01T00:00:00.000Z', text: 'Here.' });
    const ours = addReview(base, clash);
    const theirs = withFilm(base, 'rain', (f) => ({ ...f, reviews: [{ ...clash, text: 'There.' }] }));
    const { data } = merge(ours, theirs);
    expect(reviewsOf(data).find((r) => r.text === 'Here.')?.id).toBe('dup');
    expect(reviewsOf(data, 'rain')[0]?.id).toMatch(/^[0-9a-f]{8}$/);
  });
});

describe('mergeStores: marks', () => {
  const setMark = (data: StoreData, author: string, change: Partial<FilmMark> | null) =>
    edit(data, (f) => ({
      ...f,
      marks: [
        ...f.marks.filter((m) => m.author !== author),
        ...(change === null ? [] : [{ ...(f.marks.find((m) => m.author === author) ?? mark(author)), ...change }]),
      ].sort((a, b) => (a.author < b.author ? -1 : 1)),
    }));

  it('marks by author: each side adds its own', () => {
    const { data, conflicts } = merge(setMark(base, 'Bob', { liked: true }), setMark(base, 'Cat', { watched: true }));
    expect(conflicts).toEqual([]);
    expect(data.films[0]?.marks.map((m) => m.author)).toEqual(['Ann', 'Bob', 'Cat']);
  });

  it('a mark removed on one side and another field set on the other merge field by field', () => {
    const { data, conflicts } = merge(setMark(base, 'Ann', null), setMark(base, 'Ann', { liked: true }));
    expect(conflicts).toEqual([]);
    expect(data.films[0]?.marks).toEqual([mark('Ann', { liked: true })]);
  });

  it('a mark cleared on one side and unchanged on the other is gone', () => {
    expect(merge(setMark(base, 'Ann', null), base).data.films[0]?.marks).toEqual([]);
  });

  it('a watchlist time changed on both sides is a conflict naming the mark', () => {
    const { lines } = merge(
      setMark(base, 'Ann', { watchlistedAt: '2024-02-01T00:00:00.000Z' }),
      setMark(base, 'Ann', { watchlistedAt: '2024-03-01T00:00:00.000Z' }),
    );
    expect(lines).toEqual([
      'film leviathan mark by Ann: watchlistedAt: ours "2024-02-01T00:00:00.000Z", theirs "2024-03-01T00:00:00.000Z"',
    ]);
  });
});

describe('mergeStores as the common ancestor of a criss-cross merge (virtualBase)', () => {
  const rate = (data: StoreData, rating: number) =>
    edit(data, (f) => ({ ...f, reviews: f.reviews.map((r) => (r.id === 'r1' ? { ...r, rating } : r)) }));
  const ratingOf = (data: StoreData) => reviewsOf(data).find((r) => r.id === 'r1')?.rating;
  const virtual = (ours: StoreData, theirs: StoreData, from: StoreData = base) => {
    const result = mergeStores(from, ours, theirs, { virtualBase: true });
    expect(checkStoreText(serializeStore(result.data)).ok).toBe(true);
    return result.data;
  };

  it('a field changed differently on both sides keeps the base value; one-sided changes are taken', () => {
    const ours = edit(rate(base, 9), (f) => ({ ...f, synopsis: 'Ours.' }));
    const data = virtual(ours, rate(base, 4));
    expect(ratingOf(data)).toBe(7);
    expect(data.films[0]?.synopsis).toBe('Ours.');
  });

  it('the outer merge then still sees both changes and reports the conflict (each side settled it its own way)', () => {
    const [a1, b1] = [rate(base, 9), rate(base, 4)];
    // Each clone merged the other's commit, and kept its own value.
    const a2 = merge(a1, b1).data;
    const b2 = rate(merge(b1, a1).data, 4);
    const ancestor = virtual(b1, a1);
    const outer = merge(a2, b2, ancestor);
    expect(outer.lines).toEqual(['film leviathan review r1 by Ann: rating: ours 9, theirs 4']);
    expect(ratingOf(outer.data)).toBe(9);
    // With a plain merge of the two bases as the ancestor, one value would win silently.
    expect(merge(a2, b2, merge(b1, a1).data).conflicts).toEqual([]);
  });

  it('a film or review removed on one side and changed on the other stays as the base had it', () => {
    const removed = edit(base, () => null);
    expect(virtual(removed, rate(base, 9)).films.find((f) => f.slug === 'leviathan')).toEqual(leviathan);
    const withoutReview = edit(base, (f) => ({ ...f, reviews: f.reviews.filter((r) => r.id !== 'r1') }));
    expect(ratingOf(virtual(rate(base, 9), withoutReview))).toBe(7);
  });

  it('a film or review both sides added is left out when they differ, kept when they agree', () => {
    const added = (title: string, genres: string[]) =>
      store(...base.films, film({ slug: 'stalker', title, year: 1979, imdbId: 'tt0079944', genres, reviews: [] }));
    expect(virtual(added('Stalker', ['Drama']), added('Сталкер', ['Drama'])).films.map((f) => f.slug)).toEqual(['leviathan', 'rain']);
    expect(virtual(added('Stalker', ['Drama']), added('Stalker', [])).films.find((f) => f.slug === 'stalker')?.genres).toEqual(['Drama']);
    const newReview = (rating: number) =>
      edit(base, (f) => ({
        ...f,
        reviews: [review({ id: 'n1', createdAt: '2024-05-01T00:00:00.000Z', rating, text: 'New.' }), ...f.reviews],
      }));
    expect(reviewsOf(virtual(newReview(3), newReview(5))).map((r) => r.id)).toEqual(['r2', 'r1']);
    expect(reviewsOf(virtual(newReview(3), newReview(3))).map((r) => r.id)).toEqual(['n1', 'r2', 'r1']);
  });

  it('a review both sides left with neither text nor rating keeps the base text and rating', () => {
    const setR1 = (change: Partial<typeof r1>) =>
      edit(base, (f) => ({ ...f, reviews: f.reviews.map((r) => (r.id === 'r1' ? { ...r, ...change } : r)) }));
    expect(reviewsOf(virtual(setR1({ rating: null }), setR1({ text: '' }))).find((r) => r.id === 'r1')).toMatchObject({
      rating: 7,
      text: 'Good.',
    });
  });
});

describe('conflict lines', () => {
  it('show hostile text safely and cut long values', () => {
    const long = 'x'.repeat(500);
    const line = conflictLine({
      film: 'f',
      review: { id: 'r', author: 'Evil\u001b[2J\nName' },
      field: 'text',
      ours: long,
      theirs: 'a\nb\u202e',
    });
    expect(line).not.toMatch(/[\u0000-\u001f\u202e]/);
    expect(line).toContain('by Evil\\x1b[2J\\x0aName');
    expect(line).toContain(`ours "${'x'.repeat(78)}…, theirs`);
    expect(line).toContain('theirs "a\\nb\\u202e"');
  });

  it('show where two long values differ: both cut from a little before the first difference, … where text is left out', () => {
    const said = 'Dear Comrades! is a stark, beautifully shot account of the Novocherkassk massacre and its cover-up';
    expect(
      conflictLine({
        film: 'dear-comrades',
        review: { id: '4f86c29a', author: 'alice' },
        field: 'text',
        ours: `${said}.`,
        theirs: `${said}?`,
      }),
    ).toBe('film dear-comrades review 4f86c29a by alice: text: ours …cre and its cover-up.", theirs …cre and its cover-up?"');
    const [a, b] = ['a'.repeat(50), 'b'.repeat(200)];
    expect(conflictLine({ film: 'f', field: 'text', ours: `${a}X${b}`, theirs: `${a}Y${b}` })).toBe(
      `film f: text: ours …${'a'.repeat(20)}X${'b'.repeat(58)}…, theirs …${'a'.repeat(20)}Y${'b'.repeat(58)}…`,
    );
    // Short values are shown whole, as they are.
    expect(conflictLine({ film: 'f', field: 'text', ours: 'short', theirs: `${a}${b}` })).toBe(
      `film f: text: ours "short", theirs "${'a'.repeat(50)}${'b'.repeat(28)}…`,
    );
  });

  it('never cut a character in two, at either end of an excerpt', () => {
    const emoji = '😀'.repeat(60);
    const line = conflictLine({ film: 'f', field: 'text', ours: `${emoji}x${emoji}`, theirs: `${emoji}y${emoji}` });
    expect(line).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    expect(line).toMatch(/ours …😀+x😀+…, theirs …😀+y😀+…$/u);
  });

  it('never cut a character in two', () => {
    const line = conflictLine({ film: 'f', field: 'text', ours: `${'x'.repeat(77)}😀😀`, theirs: '' });
    expect(line).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });
});
