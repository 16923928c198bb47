import { describe, expect, it } from 'vitest';
import { slugFor, uniqueSlug } from '../../src/domain/slug.js';

describe('slugFor', () => {
  it('lower-cases ASCII words joined by -', () => expect(slugFor('Dear Comrades!')).toBe('dear-comrades'));
  it('transliterates Cyrillic', () => expect(slugFor('Дорогие товарищи!')).toBe('dorogie-tovarishchi'));
  it('drops accents from Latin letters', () => expect(slugFor('Der Himmel über Berlin')).toBe('der-himmel-uber-berlin'));
  it('gives a stable fallback for scripts it cannot romanise', () => {
    expect(slugFor('千と千尋の神隠し')).toMatch(/^film-[0-9a-f]{8}$/);
    expect(slugFor('千と千尋の神隠し')).toBe(slugFor('千と千尋の神隠し'));
    expect(slugFor('千と千尋の神隠し')).not.toBe(slugFor('東京物語'));
  });
});

describe('uniqueSlug', () => {
  it('adds the year, then a counter, on a clash', () => {
    expect(uniqueSlug('Leviathan', 2014, new Set())).toBe('leviathan');
    expect(uniqueSlug('Leviathan', 2014, new Set(['leviathan']))).toBe('leviathan-2014');
    expect(uniqueSlug('Leviathan', 2014, new Set(['leviathan', 'leviathan-2014']))).toBe('leviathan-2014-2');
    expect(uniqueSlug('Leviathan', null, new Set(['leviathan']))).toBe('leviathan-2');
  });
});
