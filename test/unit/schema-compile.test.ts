import { readFileSync } from 'node:fs';
import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { filmParser, filmSchema } from '../../src/store/schema.js';
import { BUNDLED } from '../helpers/cli.js';

const seed = JSON.parse(readFileSync(BUNDLED, 'utf8')).films[0];
const withReview = (change: Record<string, unknown>) => ({
  ...seed,
  reviews: [{ ...seed.reviews[0], ...change }, ...seed.reviews.slice(1)],
});

/** Films the parsers must treat alike: valid ones (with optional and unknown keys) and broken ones. */
const CASES: Record<string, unknown> = {
  'the seed film': seed,
  'optional keys set': {
    ...seed,
    imdbId: 'tt0123456',
    letterboxdUri: 'https://boxd.it/x',
    reviews: [{ ...seed.reviews[0], watchedDate: '2024-01-02', rewatch: true, tags: ['a', 'б'] }],
  },
  'unknown keys, dropped': { extra: 1, ...seed, reviews: [{ ...seed.reviews[0], more: 'x' }] },
  'keys in another order': Object.fromEntries(Object.entries(seed).reverse()),
  'rating 11': withReview({ rating: 11 }),
  'rating 7.5': withReview({ rating: 7.5 }),
  'a date that is no ISO time': withReview({ createdAt: '11/09/2024 08:43' }),
  'an empty author': withReview({ author: '' }),
  'tags that are not texts': withReview({ tags: [1] }),
  'a bad slug and year': { ...seed, slug: 'Dear Comrades', year: 1800 },
  'a missing title': Object.fromEntries(Object.entries(seed).filter(([key]) => key !== 'title')),
  'reviews that are no list': { ...seed, reviews: {} },
  'not an object': 'dear-comrades',
};

describe('the compiled film schema (z.compile)', () => {
  const compiled = z.compile(filmSchema, { strict: true });

  it('compiles: a zod upgrade that stops compiling our schema fails here, not silently slower', () => {
    expect(compiled).not.toBe(filmSchema);
  });

  it.each(Object.entries(CASES))('parses %s exactly as the runtime parser does', (_name, value) => {
    const fast = compiled.safeParse(value);
    const runtime = filmSchema.safeParse(value);
    expect(fast.success).toBe(runtime.success);
    // JSON text, so the key order counts too: the store keeps the parsed JSON only when it equals zod's copy.
    expect(JSON.stringify(fast.data)).toBe(JSON.stringify(runtime.data));
    expect(fast.error?.issues).toEqual(runtime.error?.issues);
  });

  // The store keeps a valid film as parsed when z.validate (no copy) accepts it.
  it.each(Object.entries(CASES))('validates %s without a copy exactly as the runtime parser accepts it', (_name, value) => {
    expect(z.validate(compiled, value)).toBe(filmSchema.safeParse(value).success);
    expect(z.validate(filmSchema, value)).toBe(filmSchema.safeParse(value).success);
  });

  it('filmParser starts on the runtime parser and switches to the compiled one once enough films were checked', () => {
    expect(filmParser()).toBe(filmSchema);
    const later = Array.from({ length: 30 }, () => filmParser());
    const switched = later.findIndex((schema) => schema !== filmSchema);
    expect(switched).toBeGreaterThan(0);
    expect(later.slice(switched).every((schema) => schema === later[switched])).toBe(true);
    expect(JSON.stringify(later[switched]?.safeParse(seed).data)).toBe(JSON.stringify(filmSchema.safeParse(seed).data));
  });
});
