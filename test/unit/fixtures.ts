import type { Film, Review } from '../../src/domain/model.js';

export function review(overrides: Partial<Review> = {}): Review {
  return { id: 'r1', author: 'Ann', createdAt: '2024-01-01T00:00:00.000Z', rating: null, text: 'Fine.', spoiler: false, ...overrides };
}

export function film(overrides: Partial<Film> = {}): Film {
  return {
    slug: 'leviathan',
    title: 'Leviathan',
    year: 2014,
    countries: ['Russian Federation'],
    genres: ['Drama'],
    synopsis: 'A man fights the town.',
    cast: [],
    castCount: 0,
    ratingsCount: null,
    related: [],
    reviews: [],
    marks: [],
    ...overrides,
  };
}
