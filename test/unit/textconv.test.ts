import { describe, expect, it } from 'vitest';
import type { Film, StoreData } from '../../src/domain/model.js';
import { mergeStores } from '../../src/domain/store-merge.js';
import { storeFacts } from '../../src/formats/textconv.js';
import { film, review } from './fixtures.js';

const facts = (films: Film[], version = 2): string => [...storeFacts(version, films)].join('');

describe('the textconv text of a store', () => {
  const leviathan = film({
    imdbId: 'tt2802154',
    reviews: [
      review({ id: 'bb', author: 'Ann', createdAt: '2024-01-01T00:00:00.000Z', rating: 7, text: 'Two\nlines.', tags: ['russia'] }),
      review({
        id: 'aa',
        author: 'Bob',
        createdAt: '2024-01-01T00:00:00.000Z',
        rating: null,
        text: 'Same time.',
        watchedDate: '2023-12-31',
      }),
      review({ id: 'cc', author: 'Cat', createdAt: '2023-01-01T00:00:00.000Z', rating: 3, text: '' }),
    ],
    marks: [{ author: 'Ann', watchlistedAt: null, watched: true, liked: false }],
  });

  it('is a line per fact: the film, its fields, its reviews newest first (equal times by id), then its marks', () => {
    expect(facts([leviathan])).toBe(
      [
        'films store version 2',
        'film leviathan',
        '  title "Leviathan"',
        '  year 2014',
        '  countries ["Russian Federation"]',
        '  genres ["Drama"]',
        '  synopsis "A man fights the town."',
        '  cast []',
        '  castCount 0',
        '  ratingsCount null',
        '  related []',
        '  imdbId "tt2802154"',
        '  review aa by Bob: createdAt "2024-01-01T00:00:00.000Z"',
        '  review aa by Bob: rating null',
        '  review aa by Bob: text "Same time."',
        '  review aa by Bob: spoiler false',
        '  review aa by Bob: watchedDate "2023-12-31"',
        '  review bb by Ann: createdAt "2024-01-01T00:00:00.000Z"',
        '  review bb by Ann: rating 7',
        '  review bb by Ann: text "Two\\nlines."',
        '  review bb by Ann: spoiler false',
        '  review bb by Ann: tags ["russia"]',
        '  review cc by Cat: createdAt "2023-01-01T00:00:00.000Z"',
        '  review cc by Cat: rating 3',
        '  review cc by Cat: text ""',
        '  review cc by Cat: spoiler false',
        '  mark by Ann: watchlistedAt null',
        '  mark by Ann: watched true',
        '  mark by Ann: liked false',
        '',
      ].join('\n'),
    );
  });

  it('is the same whatever the order of films and of equal-time reviews in the file', () => {
    const other = film({ slug: 'aelita', title: 'Aelita' });
    const shuffled = { ...leviathan, reviews: [leviathan.reviews[1], leviathan.reviews[0], leviathan.reviews[2]] as Film['reviews'] };
    expect(facts([leviathan, other])).toBe(facts([other, shuffled]));
    expect(facts([leviathan, other]).indexOf('film aelita')).toBeLessThan(facts([leviathan, other]).indexOf('film leviathan'));
  });

  it('a changed rating changes exactly one line', () => {
    const before = facts([leviathan]).split('\n');
    const after = facts([{ ...leviathan, reviews: leviathan.reviews.map((r) => (r.id === 'bb' ? { ...r, rating: 8 } : r)) }]).split('\n');
    const changed = before.flatMap((line, i) => (line === after[i] ? [] : [[line, after[i]]]));
    expect(changed).toEqual([['  review bb by Ann: rating 7', '  review bb by Ann: rating 8']]);
  });

  it('keeps every fact on its line and shows hostile text safely', () => {
    const hostile = film({
      title: 'Evil\u001b]0;owned\u0007',
      reviews: [review({ id: 'x', author: 'Ma\nllory\u202e', text: 'a\r\nb\u009bc' })],
    });
    const text = facts([hostile]);
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/);
    expect(text).toContain('  title "Evil\\u001b]0;owned\\u0007"');
    expect(text).toContain('  review x by Ma\\x0allory\\u202e: text "a\\r\\nb\\x9bc"');
  });
});

describe('large stores: cost grows with the store', () => {
  /** 2,000 films of 50 reviews: 100,000 reviews. */
  const big = (tag: string): StoreData => ({
    version: 2,
    films: Array.from({ length: 2000 }, (_, f) =>
      film({
        slug: `film-${f}`,
        title: `Film ${f}`,
        reviews: Array.from({ length: 50 }, (_, r) =>
          review({
            id: `${tag}${f}x${r}`,
            createdAt: `2024-01-01T00:00:${String(r % 60).padStart(2, '0')}.000Z`,
            text: `Review ${r} of ${f}.`,
          }),
        ).reverse(),
      }),
    ),
  });

  it('textconv and merge of 100,000 reviews take well under a minute (a quadratic walk would take hours)', () => {
    const base = big('b');
    const ours = {
      ...base,
      films: base.films.map((f, i) =>
        i % 2 ? { ...f, reviews: [review({ id: `o${i}`, createdAt: '2025-01-01T00:00:00.000Z' }), ...f.reviews] } : f,
      ),
    };
    const theirs = { ...base, films: base.films.map((f, i) => (i % 3 ? f : { ...f, year: 2000 })) };
    const started = Date.now();
    let lines = 0;
    for (const piece of storeFacts(2, ours.films)) lines += piece.split('\n').length - 1;
    const { data, conflicts } = mergeStores(base, ours, theirs);
    const elapsed = Date.now() - started;
    expect(lines).toBe(1 + 2000 * 10 + 101_000 * 4);
    expect(conflicts).toEqual([]);
    expect(data.films.reduce((sum, f) => sum + f.reviews.length, 0)).toBe(101_000);
    expect(data.films.filter((f) => f.year === 2000)).toHaveLength(667);
    expect(elapsed).toBeLessThan(30_000);
  });
});
