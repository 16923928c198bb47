import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkStoreText } from '../../src/store/validate.js';
import { storeSchema } from '../../src/store/schema.js';
import { BUNDLED } from '../helpers/cli.js';

const problems = (text: string): string[] => {
  const check = checkStoreText(text);
  return check.ok ? [] : check.problems;
};

describe('checkStoreText', () => {
  it('accepts the bundled catalogue', () => expect(checkStoreText(readFileSync(BUNDLED, 'utf8')).ok).toBe(true));
  it('refuses an empty file', () => expect(problems('')).toEqual(['the file is empty']));
  it('gives line and column of invalid JSON', () =>
    expect(problems('{\n  "version": 1,\n  "films": [,]\n}')[0]).toMatch(/^invalid JSON at line 3:13/));
  it('refuses null and arrays', () => {
    expect(problems('null')[0]).toMatch(/found null/);
    expect(problems('[]')[0]).toMatch(/found an array/);
  });
  it('refuses a future version with advice', () =>
    expect(problems('{"version":3,"films":[]}')[0]).toMatch(/version 3 is newer .* upgrade films/));
  it('names the path of every wrong field', () => {
    const text = JSON.stringify({
      version: 1,
      films: [
        {
          slug: 'a',
          title: '',
          year: null,
          countries: [],
          genres: [],
          synopsis: '',
          cast: [],
          castCount: 0,
          ratingsCount: null,
          related: [],
          reviews: [{ id: 'x', author: 'A', createdAt: 'yesterday', rating: 11, text: '', spoiler: false }],
        },
      ],
    });
    const found = problems(text);
    expect(found).toContain('films[0].title: must not be empty');
    expect(found).toContain('films[0].reviews[0].rating: expected at most 10, found 11');
    expect(found.some((p) => p.startsWith('films[0].reviews[0].createdAt:'))).toBe(true);
    expect(found.some((p) => p.startsWith('films[0].reviews[0].rating:'))).toBe(true);
  });
  it('refuses duplicate slugs and review ids', () => {
    const doc = JSON.parse(readFileSync(BUNDLED, 'utf8'));
    doc.films.push(doc.films[0]);
    expect(problems(JSON.stringify(doc))[0]).toMatch(/films\[1\]\.slug: "dear-comrades" is used by another film/);
    doc.films.unshift({ ...doc.films[0], slug: 'broken', title: '' });
    // Every problem at once: a broken film, and the duplicates among the others, named by their places in the file.
    const found = problems(JSON.stringify(doc));
    expect(found.slice(0, 2)).toEqual(['films[0].title: must not be empty', 'films[2].slug: "dear-comrades" is used by another film']);
  });
  it('gives what zod gives for the whole store, unknown keys dropped at every level', () => {
    const doc = JSON.parse(readFileSync(BUNDLED, 'utf8'));
    doc.films.push({
      ...doc.films[0],
      slug: 'copy',
      notes: 'added by hand',
      reviews: doc.films[0].reviews.map((review: object, index: number) => ({
        ...review,
        id: `copy${index}`,
        ...(index === 1 ? { mood: 'x' } : {}),
      })),
    });
    doc.films.push({
      ...doc.films[0],
      slug: 'marked',
      reviews: [],
      marks: [{ author: 'Ann', watchlistedAt: null, watched: true, liked: false, mood: 'x' }],
    });
    doc.addedLater = true;
    const check = checkStoreText(JSON.stringify(doc));
    expect(check.ok && check.data).toEqual(storeSchema.parse(doc));
    expect(check.ok && Object.keys(check.data.films[1] ?? {})).not.toContain('notes');
    expect(check.ok && Object.keys(check.data.films[1]?.reviews[1] ?? {})).not.toContain('mood');
    expect(check.ok && Object.keys(check.data.films[2]?.marks[0] ?? {})).toEqual(['author', 'watchlistedAt', 'watched', 'liked']);
    expect(check.ok && Object.keys(check.data)).toEqual(['version', 'films']);
  });
  it("puts a hand-edited film's keys back in the schema's order, as --json prints them", () => {
    const doc = JSON.parse(readFileSync(BUNDLED, 'utf8'));
    const reversed = (value: object): object => Object.fromEntries(Object.entries(value).reverse());
    doc.films[0] = { ...reversed(doc.films[0]), reviews: doc.films[0].reviews.map(reversed) };
    const check = checkStoreText(JSON.stringify(doc));
    const expected = storeSchema.parse(doc);
    expect(check.ok && Object.keys(check.data.films[0] ?? {})).toEqual(Object.keys(expected.films[0] ?? {}));
    expect(check.ok && Object.keys(check.data.films[0]?.reviews[0] ?? {})).toEqual(Object.keys(expected.films[0]?.reviews[0] ?? {}));
  });
  it('refuses keys that could reach a prototype at any level, naming where', () => {
    const doc = JSON.parse(readFileSync(BUNDLED, 'utf8'));
    const film = JSON.stringify(doc.films[0]).replace('"author":', '"constructor":{"prototype":{}},"author":');
    const text = `{"version":1,"films":[${film}],"x":{"__proto__":{"polluted":true}}}`;
    expect(problems(text)).toEqual([
      'x.__proto__: a key named "__proto__" is not allowed',
      'films[0].reviews[0].constructor: a key named "constructor" is not allowed',
    ]);
    const marked = JSON.stringify({
      ...doc.films[0],
      marks: [{ author: 'Ann', watchlistedAt: null, watched: true, liked: false }],
    }).replace('"watched":', '"__proto__":{"polluted":true},"watched":');
    expect(problems(`{"version":2,"films":[${marked}]}`)).toEqual(['films[0].marks[0].__proto__: a key named "__proto__" is not allowed']);
  });
});
