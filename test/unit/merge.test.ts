import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mergeFilms, type IncomingFilm } from '../../src/domain/merge.js';
import { parsePage } from './fixtures.js';
import { emptyStore } from '../../src/store/schema.js';
import { serializeStore } from '../../src/store/file.js';
import { BUNDLED, SEED_PAGE } from '../helpers/cli.js';

const seed = parsePage(readFileSync(SEED_PAGE, 'utf8'));

describe('mergeFilms', () => {
  it('importing the seed page into an empty store gives the bundled catalogue, byte for byte', () => {
    const { data } = mergeFilms(emptyStore(), [seed]);
    expect(serializeStore(data)).toBe(readFileSync(BUNDLED, 'utf8'));
  });

  it('gives every review a short unique id and keeps page order for equal times', () => {
    const { data } = mergeFilms(emptyStore(), [seed]);
    const reviews = data.films[0]?.reviews ?? [];
    expect(new Set(reviews.map((r) => r.id)).size).toBe(10);
    expect(reviews.every((r) => /^[0-9a-f]{8,}$/.test(r.id))).toBe(true);
    expect(reviews.map((r) => r.author)).toEqual(seed.reviews.map((r) => r.author));
  });

  it('changes nothing when the same page is imported again', () => {
    const first = mergeFilms(emptyStore(), [seed]).data;
    const second = mergeFilms(first, [seed]);
    expect(second.data).toBe(first);
    expect(second.result).toMatchObject({ filmsUnchanged: ['dear-comrades'], reviewsAdded: 0, reviewsSkipped: 10 });
  });

  it('adds only the new reviews of an updated page, newest first', () => {
    const first = mergeFilms(emptyStore(), [seed]).data;
    const newer: IncomingFilm = {
      ...seed,
      ratingsCount: 7000,
      reviews: [{ author: 'Zoe', createdAt: '2026-01-02T10:00:00.000Z', rating: null, text: 'New.', spoiler: false }, ...seed.reviews],
    };
    const { data, result } = mergeFilms(first, [newer]);
    expect(result).toMatchObject({ filmsUpdated: ['dear-comrades'], reviewsAdded: 1, reviewsSkipped: 10 });
    expect(data.films[0]?.ratingsCount).toBe(7000);
    expect(data.films[0]?.reviews[0]?.author).toBe('Zoe');
    expect(data.films[0]?.reviews).toHaveLength(11);
  });

  it('creates a second film with the same title but another year under a new slug', () => {
    const a: IncomingFilm = { ...seed, title: 'Leviathan', year: 2014, reviews: [] };
    const b: IncomingFilm = { ...a, year: 1989 };
    const { data } = mergeFilms(emptyStore(), [a, b]);
    expect(data.films.map((f) => f.slug)).toEqual(['leviathan', 'leviathan-1989']);
  });
});
