import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withMark } from '../../src/domain/marks.js';
import type { Film, FilmMark, Review, StoreData } from '../../src/domain/model.js';
import { addFilm } from '../../src/domain/films.js';
import { newestFirst, rateFilm } from '../../src/domain/reviews.js';
import { textKey } from '../../src/domain/text-key.js';
import { mergeStores } from '../../src/domain/store-merge.js';
import { serializeStore } from '../../src/store/file.js';
import { checkStoreText } from '../../src/store/validate.js';
import { film as filmOf } from './fixtures.js';

/**
 * The property of issue #16: a base and two independent change sets (adds, edits and removals of
 * films, reviews and marks, on disjoint targets or with the same value on both sides) merge to
 * what applying both change sets gives, in either order, with no conflict.
 * Compared in a normal order: films by slug (the merge keeps ours' order, then theirs' additions,
 * which is one of the two orders), reviews newest first with equal times by id (for equal times
 * "the order added" differs between the two orders of application).
 */

type Side = 'ours' | 'theirs' | 'both';
type FilmField = 'title' | 'year' | 'synopsis' | 'genres' | 'localTitle';
type ReviewField = 'createdAt' | 'rating' | 'text' | 'spoiler' | 'tags';
type MarkField = 'watchlistedAt' | 'watched' | 'liked';

type Op =
  | { kind: 'add film'; film: Film }
  | { kind: 'remove film'; slug: string }
  | { kind: 'film field'; slug: string; field: FilmField; value: unknown }
  | { kind: 'add review'; slug: string; review: Review }
  | { kind: 'remove review'; slug: string; id: string }
  | { kind: 'review field'; slug: string; id: string; field: ReviewField; value: unknown }
  | { kind: 'mark field'; slug: string; author: string; field: MarkField; value: unknown };
type SidedOp = Op & { side: Side };

const AUTHORS = ['Ann', 'Bob', 'Cat'] as const;
// Few times, so that equal times (ties) are common.
const time = fc.constantFrom('2024-01-01T00:00:00.000Z', '2024-01-02T00:00:00.000Z', '2024-01-03T00:00:00.000Z');
const side = fc.constantFrom<Side>('ours', 'theirs', 'both');
const text = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 6 });
const valueOf: { [F in FilmField | ReviewField | MarkField]: fc.Arbitrary<unknown> } = {
  title: text,
  year: fc.option(fc.integer({ min: 1900, max: 2030 }), { nil: null }),
  synopsis: fc.string({ maxLength: 6 }),
  genres: fc.array(fc.constantFrom('Drama', 'War', 'Crime'), { maxLength: 2 }),
  localTitle: fc.option(text, { nil: undefined }),
  createdAt: time,
  rating: fc.option(fc.integer({ min: 1, max: 10 }), { nil: null }),
  // Never empty: a review keeps a text, so that no change set can leave one with neither text nor rating.
  text,
  spoiler: fc.boolean(),
  tags: fc.option(fc.array(fc.constantFrom('a', 'b'), { maxLength: 2 }), { nil: undefined }),
  watchlistedAt: fc.option(time, { nil: null }),
  watched: fc.boolean(),
  liked: fc.boolean(),
};

const reviewWith = (id: string): fc.Arbitrary<Review> =>
  fc.record({
    id: fc.constant(id),
    author: fc.constantFrom(...AUTHORS),
    createdAt: time,
    rating: valueOf.rating as fc.Arbitrary<number | null>,
    text,
    spoiler: fc.boolean(),
    tags: valueOf.tags as fc.Arbitrary<string[] | undefined>,
  });

const marks = fc
  .subarray([...AUTHORS])
  .chain((authors) =>
    fc.tuple(
      ...authors.map((author) =>
        fc.record({ author: fc.constant(author), watchlistedAt: valueOf.watchlistedAt, watched: fc.boolean(), liked: fc.constant(true) }),
      ),
    ),
  ) as fc.Arbitrary<FilmMark[]>;

/**
 * Every generated film has an id of its own, so that a changed title or year is an edit of that film.
 * (Without an id, a film whose title or year changed, with none of its reviews left, is another film:
 * store-merge.test.ts covers that.)
 */
const imdbIdOf = (slug: string): string => `tt${Array.from(slug, (char) => char.charCodeAt(0)).join('')}`;

const filmWith = (slug: string, reviewCount: number): fc.Arbitrary<Film> =>
  fc
    .record({
      title: text,
      year: valueOf.year,
      localTitle: valueOf.localTitle,
      reviews: fc.tuple(...Array.from({ length: reviewCount }, (_, r) => reviewWith(`${slug}r${r}`))),
      marks,
    })
    .map(({ title, year, localTitle, reviews, marks }) =>
      filmOf({
        slug,
        imdbId: imdbIdOf(slug),
        title,
        year: year as number | null,
        localTitle: localTitle as string | undefined,
        reviews: newestFirst(reviews),
        marks,
      }),
    );

/** Edits of distinct fields, each by one side or by both with the same value. */
function fieldEdits<F extends FilmField | ReviewField | MarkField>(
  fields: readonly F[],
): fc.Arbitrary<{ field: F; value: unknown; side: Side }[]> {
  return fc
    .subarray([...fields])
    .chain((chosen) => fc.tuple(...chosen.map((field) => fc.record({ field: fc.constant(field), value: valueOf[field], side }))));
}

/** What may happen to one base film: removed (by one side or both), or kept and changed inside. */
function filmOps(base: Film): fc.Arbitrary<SidedOp[]> {
  const slug = base.slug;
  const removed = side.map((s): SidedOp[] => [{ kind: 'remove film', slug, side: s }]);
  const reviewOps = base.reviews.map((review) =>
    fc.oneof(
      side.map((s): SidedOp[] => [{ kind: 'remove review', slug, id: review.id, side: s }]),
      fieldEdits<ReviewField>(['createdAt', 'rating', 'text', 'spoiler', 'tags']).map((edits) =>
        edits.map((e): SidedOp => ({ kind: 'review field', slug, id: review.id, ...e })),
      ),
    ),
  );
  const added = fc
    .array(fc.tuple(side, fc.nat(99)), { maxLength: 2 })
    .chain((adds) =>
      fc.tuple(
        ...adds.map(([s, n], k) =>
          reviewWith(`${slug}n${k}x${n}`).map((review): SidedOp => ({ kind: 'add review', slug, review, side: s })),
        ),
      ),
    );
  const markOps = AUTHORS.map((author) =>
    fieldEdits<MarkField>(['watchlistedAt', 'watched', 'liked']).map((edits) =>
      edits.map((e): SidedOp => ({ kind: 'mark field', slug, author, ...e })),
    ),
  );
  const kept = fc
    .tuple(
      fieldEdits<FilmField>(['title', 'year', 'synopsis', 'genres', 'localTitle']),
      fc.tuple(...reviewOps),
      added,
      fc.tuple(...markOps),
    )
    .map(([edits, reviews, adds, marks]) => [
      ...edits.map((e): SidedOp => ({ kind: 'film field', slug, ...e })),
      ...reviews.flat(),
      ...adds,
      ...marks.flat(),
    ]);
  return fc.oneof({ arbitrary: kept, weight: 4 }, { arbitrary: removed, weight: 1 });
}

const scenario = fc
  .array(fc.nat(3), { minLength: 1, maxLength: 4 })
  .chain((reviewCounts) => fc.tuple(...reviewCounts.map((count, f) => filmWith(`f${f}`, count))))
  .chain((films) => {
    const newFilms = fc
      .array(fc.tuple(side, fc.nat(3)), { maxLength: 3 })
      .chain((adds) =>
        fc.tuple(...adds.map(([s, count], k) => filmWith(`new${k}`, count).map((film): SidedOp => ({ kind: 'add film', film, side: s })))),
      );
    return fc.record({
      base: fc.constant<StoreData>({ version: 2, films }),
      ops: fc.tuple(fc.tuple(...films.map(filmOps)), newFilms).map(([perFilm, adds]) => [...perFilm.flat(), ...adds]),
    });
  });

/** Applies one change, as the CLI's commands would; applying it twice changes nothing more. */
function apply(data: StoreData, op: Op): StoreData {
  const change = (slug: string, update: (film: Film) => Film): StoreData => ({
    ...data,
    films: data.films.map((f) => (f.slug === slug ? update(f) : f)),
  });
  const changeReview = (slug: string, id: string, update: (review: Review) => Review | null): StoreData =>
    change(slug, (f) => ({
      ...f,
      reviews: newestFirst(f.reviews.flatMap((r) => (r.id === id ? [update(r)].filter((x): x is Review => x !== null) : [r]))),
    }));
  switch (op.kind) {
    case 'add film':
      return data.films.some((f) => f.slug === op.film.slug) ? data : { ...data, films: [...data.films, op.film] };
    case 'remove film':
      return { ...data, films: data.films.filter((f) => f.slug !== op.slug) };
    case 'film field':
      return change(op.slug, (f) => ({ ...f, [op.field]: op.value }));
    case 'add review':
      return change(op.slug, (f) =>
        f.reviews.some((r) => r.id === op.review.id) ? f : { ...f, reviews: newestFirst([...f.reviews, op.review]) },
      );
    case 'remove review':
      return changeReview(op.slug, op.id, () => null);
    case 'review field':
      return changeReview(op.slug, op.id, (r) => ({ ...r, [op.field]: op.value }));
    case 'mark field':
      return change(op.slug, (f) => ({ ...f, marks: withMark(f.marks, op.author, (m) => ({ ...m, [op.field]: op.value })) }));
  }
}

const applyAll = (data: StoreData, ops: readonly Op[]): StoreData => ops.reduce(apply, data);

/** Films by slug, reviews newest first with equal times by id; fields left undefined dropped (as the file does). */
function normal(data: StoreData): unknown {
  const films = [...data.films]
    .sort((a, b) => (a.slug < b.slug ? -1 : 1))
    .map((f) => ({
      ...f,
      reviews: [...f.reviews].sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.id < b.id ? -1 : 1)),
    }));
  return JSON.parse(serializeStore({ ...data, films }));
}

describe('the three-way merge of independent change sets', () => {
  it('equals applying both change sets, in either order, with no conflict', () => {
    fc.assert(
      fc.property(scenario, ({ base, ops }) => {
        const oursOps = ops.filter((op) => op.side !== 'theirs');
        const theirsOps = ops.filter((op) => op.side !== 'ours');
        const ours = applyAll(base, oursOps);
        const theirs = applyAll(base, theirsOps);
        const { data, conflicts } = mergeStores(base, ours, theirs);
        expect(conflicts).toEqual([]);
        expect(checkStoreText(serializeStore(data)).ok).toBe(true);
        expect(normal(data)).toEqual(normal(applyAll(ours, theirsOps)));
        expect(normal(data)).toEqual(normal(applyAll(theirs, oursOps)));
      }),
      { numRuns: 500 },
    );
  });

  it('is not vacuous: the generated change sets change both sides', () => {
    const changed = fc
      .sample(scenario, { numRuns: 200, seed: 16 })
      .filter(({ ops }) => ops.some((op) => op.side === 'ours') && ops.some((op) => op.side === 'theirs'));
    expect(changed.length).toBeGreaterThan(100);
  });
});

/**
 * Issue #16's attack: films added on both sides, a few titles and years so that slugs clash, some
 * with ids, some the same film on both sides, each added as `films add` does (a slug of its title,
 * then with its year). Whichever side is ours, the merge is the same store: every clone converges.
 */
describe('films added on both sides', () => {
  const IDENTITIES = [
    { title: 'Rain', year: 1932, imdbId: 'tt0023369' },
    { title: 'Rain', year: 1932 },
    { title: 'Rain', year: 2019 },
    { title: 'Rain', year: 2019, imdbId: 'tt9000001' },
    { title: 'Rain', year: null },
    { title: 'rain', year: 2001 },
    { title: 'Dust', year: 2019 },
  ];
  const films = fc.subarray(IDENTITIES.map((_, i) => i)).chain((picked) => fc.shuffledSubarray(picked, { minLength: picked.length }));
  /** A side: the base plus its additions (one per title and year, as `films add` allows), a rating on some. */
  function side(from: StoreData, picked: readonly number[], author: string, rated: readonly boolean[]): StoreData {
    let data = from;
    picked.forEach((i, k) => {
      const identity = IDENTITIES[i] as (typeof IDENTITIES)[number];
      if (data.films.some((f) => textKey(f.title) === textKey(identity.title) && f.year === identity.year)) return;
      const added = addFilm(
        data,
        { title: identity.title, year: identity.year, countries: [], genres: [], synopsis: '', cast: [] },
        { force: true },
      );
      data = {
        ...added.data,
        films: added.data.films.map((f) => (f === added.result && identity.imdbId ? { ...f, imdbId: identity.imdbId } : f)),
      };
      if (rated[k])
        data = rateFilm(data, added.result.slug, {
          author,
          createdAt: '2024-01-01T00:00:00.000Z',
          rating: k + 1,
          text: '',
          spoiler: false,
        }).data;
    });
    return data;
  }

  it('merge to the same store whichever side is ours, each film once', () => {
    fc.assert(
      fc.property(films, films, films, fc.array(fc.boolean(), { minLength: 7, maxLength: 7 }), (inBase, oursAdded, theirsAdded, rated) => {
        const base = side({ version: 2, films: [] }, inBase, 'Ann', []);
        const ours = side(base, oursAdded, 'Ann', rated);
        const theirs = side(base, theirsAdded, 'Bob', rated);
        const oursFirst = mergeStores(base, ours, theirs);
        const theirsFirst = mergeStores(base, theirs, ours);
        expect(oursFirst.conflicts).toEqual([]);
        expect(checkStoreText(serializeStore(oursFirst.data)).ok).toBe(true);
        expect(normal(oursFirst.data)).toEqual(normal(theirsFirst.data));
        // One film per identity: a film both sides added is one film, its ratings joined.
        const identities = oursFirst.data.films.map((f) => `${textKey(f.title)} ${f.year}`);
        expect(new Set(identities).size).toBe(identities.length);
        const ratings = (data: StoreData) => data.films.reduce((sum, f) => sum + f.reviews.length, 0);
        expect(ratings(oursFirst.data)).toBe(ratings(ours) + ratings(theirs) - ratings(base));
      }),
      { numRuns: 500 },
    );
  });
});
