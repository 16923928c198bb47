import { describe, expect, it } from 'vitest';
import { findFilm, nearestFilms } from '../../src/domain/lookup.js';
import { NotFoundError } from '../../src/errors.js';
import { film } from './fixtures.js';

const films = [
  film({ slug: 'dear-comrades', title: 'Dear Comrades!', year: null }),
  film({ slug: 'amelie', title: 'Amélie', year: 2001 }),
  film({ slug: 'leviathan', title: 'Leviathan', year: 2014 }),
  film({ slug: 'leviathan-1989', title: 'Leviathan', year: 1989 }),
  film({ slug: 'loveless', title: 'Loveless', year: 2017 }),
];

describe('findFilm', () => {
  it('finds by slug', () => expect(findFilm(films, 'leviathan-1989').year).toBe(1989));
  it('finds by title, ignoring case and accents', () => {
    expect(findFilm(films, 'DEAR COMRADES!').slug).toBe('dear-comrades');
    expect(findFilm(films, 'amelie').slug).toBe('amelie');
  });
  it('finds a title typed without its punctuation', () => expect(findFilm(films, 'Dear Comrades').slug).toBe('dear-comrades'));
  it('finds by a unique prefix of slug or title', () => {
    expect(findFilm(films, 'dear').slug).toBe('dear-comrades');
    expect(findFilm(films, 'Lov').slug).toBe('loveless');
  });
  it('refuses an ambiguous prefix, listing the candidates', () => {
    expect(() => findFilm(films, 'l')).toThrow(/"l" matches 3 films: .*leviathan.*leviathan-1989.*loveless/);
  });
  it('an exact slug wins over a shared title', () => expect(findFilm(films, 'leviathan').year).toBe(2014));
  it('refuses an unknown film and suggests the nearest titles', () => {
    try {
      findFilm(films, 'Levitan');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(NotFoundError);
      expect((error as NotFoundError).message).toBe('no film "Levitan"');
      expect((error as NotFoundError).hint).toMatch(/^did you mean "Leviathan"/);
    }
  });
  it('says so when the store is empty', () => expect(() => findFilm([], 'x')).toThrow(/no films yet/));
});

describe('nearestFilms', () => {
  it('orders by closeness', () => expect(nearestFilms(films, 'lovless', 1)[0]?.slug).toBe('loveless'));
});
