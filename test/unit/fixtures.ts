import type { IncomingFilm } from '../../src/domain/merge.js';
import type { Film, Review } from '../../src/domain/model.js';
import { readPage } from '../../src/formats/page.js';

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

/** The film of a page as readPage reads it (its bad rows aside), for tests about the film. */
export const parsePage = (raw: string, file?: string): IncomingFilm => readPage(raw, file).films[0] as IncomingFilm;
