import { describe, expect, it } from 'vitest';
import type { Film, FilmMark, StoreData } from '../../src/domain/model.js';
import { mergeStores } from '../../src/domain/store-merge.js';
import { conflictLine } from '../../src/render/merge-conflicts.js';
import { serializeStore } from '../../src/store/file.js';
import { checkStoreText } from '../../src/store/validate.js';
import { film, review } from './fixtures.js';

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

  it('two different films added under one slug are both kept, theirs under a new slug, their reviews apart', () => {
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

  it('never cut a character in two', () => {
    const line = conflictLine({ film: 'f', field: 'text', ours: `${'x'.repeat(77)}😀😀`, theirs: '' });
    expect(line).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });
});
