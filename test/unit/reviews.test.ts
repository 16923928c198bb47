import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addReview, editReview, findReview, insertNewestFirst, rateFilm, removeReview, shortIds } from '../../src/domain/reviews.js';
import { selectReviews } from '../../src/domain/review-query.js';
import type { StoreData } from '../../src/domain/model.js';
import { film, review } from './fixtures.js';

const store = (): StoreData => ({
  version: 2,
  films: [
    film({
      slug: 'a',
      title: 'Alpha',
      reviews: [
        review({ id: 'aaaa1111', author: 'Ann', createdAt: '2024-03-01T00:00:00.000Z', rating: 8 }),
        review({ id: 'aaaa2222', author: 'Bob', createdAt: '2024-02-01T00:00:00.000Z', rating: null, text: 'Meh.' }),
      ],
    }),
    film({
      slug: 'b',
      title: 'Beta',
      reviews: [review({ id: 'bbbb1111', author: 'Ann', createdAt: '2024-02-15T00:00:00.000Z', rating: 5 })],
    }),
  ],
});
const content = { author: 'Cy', createdAt: '2024-02-01T00:00:00.000Z', rating: 9, text: 'Good.', spoiler: false };

describe('addReview', () => {
  it('inserts newest first, after reviews of the same time', () => {
    const { data, result } = addReview(store(), 'a', content);
    expect(data.films[0]?.reviews.map((r) => r.author)).toEqual(['Ann', 'Bob', 'Cy']);
    expect(result.review.id).toMatch(/^[0-9a-f]{8}$/);
  });
  it('gives identical reviews different ids', () => {
    const once = addReview(store(), 'a', content);
    const twice = addReview(once.data, 'a', content);
    expect(twice.result.review.id).not.toBe(once.result.review.id);
  });
  it('does not change the store it was given', () => {
    const before = store();
    const copy = structuredClone(before);
    addReview(before, 'a', content);
    expect(before).toEqual(copy);
  });
});

describe('insertNewestFirst', () => {
  it('puts a newer review first and an older one last', () => {
    const reviews = store().films[0]?.reviews ?? [];
    expect(insertNewestFirst(reviews, review({ id: 'n', createdAt: '2025-01-01T00:00:00.000Z' }))[0]?.id).toBe('n');
    expect(insertNewestFirst(reviews, review({ id: 'o', createdAt: '2000-01-01T00:00:00.000Z' })).at(-1)?.id).toBe('o');
  });
});

describe('findReview', () => {
  it('finds by id and by a unique start of at least 4 characters', () => {
    expect(findReview(store().films, 'bbbb1111').film.slug).toBe('b');
    expect(findReview(store().films, 'bbbb').review.id).toBe('bbbb1111');
  });
  it('finds an imported id with capitals by the short id show lists for it, and by its start in lower case', () => {
    const films = [film({ slug: 'w', reviews: [review({ id: 'ABCDEF12' }), review({ id: 'ABCDEF99' }), review({ id: 'abcd0000' })] })];
    const short = shortIds(films, ['ABCDEF12', 'ABCDEF99']);
    expect([short('ABCDEF12'), short('ABCDEF99')]).toEqual(['ABCDEF1', 'ABCDEF9']);
    expect(findReview(films, 'ABCDEF1').review.id).toBe('ABCDEF12');
    expect(findReview(films, 'ABCDEF9').review.id).toBe('ABCDEF99');
    expect(findReview(films, 'ABCD0').review.id).toBe('abcd0000');
  });
  it('takes an id with spaces around it as that id, and a start that fits ids only in another case as ambiguous', () => {
    const films = [film({ slug: 'w', reviews: [review({ id: 'abcd1234', author: 'Low' }), review({ id: 'ABCD1234', author: 'Up' })] })];
    expect(findReview(films, 'ABCD1234 ').review.author).toBe('Up');
    expect(findReview(films, ' abcd1234').review.author).toBe('Low');
    expect(findReview(films, 'ABCD').review.author).toBe('Up');
    expect(() => findReview(films, 'Abcd')).toThrow(/"Abcd" is the start of 2 review ids/);
    // The nearest ids are named whatever their case.
    expect(() => findReview([film({ reviews: [review({ id: 'ABCDEF12' }), review({ id: 'zzzz0000' })] })], 'abcdx')).toThrow(
      expect.objectContaining({ hint: expect.stringMatching(/^did you mean ABCDEF12, /) }),
    );
  });
  it('never cuts a short id between the halves of a character beyond the BMP', () => {
    const films = [film({ reviews: [review({ id: 'abc🎉zz' }), review({ id: 'zzzz' })] })];
    const short = shortIds(films, ['abc🎉zz'])('abc🎉zz');
    expect(short).toBe('abc🎉');
    expect(findReview(films, short).review.id).toBe('abc🎉zz');
  });
  it('refuses an ambiguous start', () => expect(() => findReview(store().films, 'aaaa')).toThrow(/"aaaa" is the start of 2 review ids/));
  it('refuses an unknown id with the nearest ones', () => {
    expect(() => findReview(store().films, 'bbbb9')).toThrow(/no review "bbbb9"/);
    try {
      findReview(store().films, 'bbbb9');
    } catch (error) {
      expect((error as { hint: string }).hint).toMatch(/^did you mean bbbb1111, /);
    }
  });
});

describe('shortIds', () => {
  /** By definition: the least start, at least 4 characters, longer than what it shares with any other id of the store. */
  const slowly = (all: readonly string[], id: string): string => {
    const shared = (other: string): number => {
      let n = 0;
      while (n < id.length && id[n] === other[n]) n++;
      return n;
    };
    const longest = Math.max(0, ...all.filter((other) => other !== id).map(shared));
    return id.slice(0, Math.max(4, longest + 1));
  };

  it("give a film's reviews the shortest start that tells them apart from every id in the store, other films' too", () => {
    const id = fc.stringMatching(/^(ab|abc|abcd|abcde)[a-c0-2]{0,4}$/);
    fc.assert(
      fc.property(fc.uniqueArray(id, { minLength: 1, maxLength: 40 }), fc.nat(), (ids, cut) => {
        const at = cut % ids.length;
        const films = [ids.slice(0, at), ids.slice(at)].map((group, i) =>
          film({ slug: `f${i}`, reviews: group.map((x) => review({ id: x })) }),
        );
        const wanted = films[1]?.reviews.map((r) => r.id) ?? [];
        const short = shortIds(films, wanted);
        expect(wanted.map(short)).toEqual(wanted.map((x) => slowly(ids, x)));
      }),
    );
  });
});

describe('editReview and removeReview', () => {
  it('keeps the id and moves the review to its new time', () => {
    const { data, result } = editReview(store(), 'aaaa2222', (r) => ({ ...r, createdAt: '2025-01-01T00:00:00.000Z', text: 'Better.' }));
    expect(result.review).toMatchObject({ id: 'aaaa2222', text: 'Better.' });
    expect(data.films[0]?.reviews.map((r) => r.id)).toEqual(['aaaa2222', 'aaaa1111']);
  });
  it('removes only that review', () => {
    const { data } = removeReview(store(), 'aaaa1111');
    expect(data.films[0]?.reviews.map((r) => r.id)).toEqual(['aaaa2222']);
    expect(data.films[1]?.reviews).toHaveLength(1);
  });
});

describe('rateFilm', () => {
  it("adds a rating entry, then replaces the same author's rating", () => {
    const first = rateFilm(store(), 'a', { ...content, text: '', rating: 6 });
    const second = rateFilm(first.data, 'a', { ...content, text: '', rating: 4, createdAt: '2024-05-01T00:00:00.000Z' });
    const reviews = second.data.films[0]?.reviews ?? [];
    expect(reviews.filter((r) => r.author === 'Cy')).toEqual([
      expect.objectContaining({ rating: 4, text: '', id: first.result.review.id }),
    ]);
    expect(reviews[0]?.author).toBe('Cy');
  });
});

describe('selectReviews', () => {
  const ids = (filter: Partial<Parameters<typeof selectReviews>[1]>) =>
    selectReviews(store().films, { terms: [], author: null, minRating: null, since: null, ...filter }).items.map(({ review }) => review.id);
  it('lists every review newest first across films', () => expect(ids({})).toEqual(['aaaa1111', 'bbbb1111', 'aaaa2222']));
  it('filters by film, author, minimum rating and date', () => {
    expect(ids({ terms: ['beta'] })).toEqual(['bbbb1111']);
    expect(ids({ author: 'ANN' })).toEqual(['aaaa1111', 'bbbb1111']);
    expect(ids({ minRating: 6 })).toEqual(['aaaa1111']);
    expect(ids({ since: '2024-02-10T00:00:00.000Z' })).toEqual(['aaaa1111', 'bbbb1111']);
  });
});
