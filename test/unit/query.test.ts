import { describe, expect, it } from 'vitest';
import { selectFilms } from '../../src/domain/catalogue-query.js';
import { selectReviews } from '../../src/domain/review-query.js';
import { UsageError } from '../../src/errors.js';
import { film, review } from './fixtures.js';

const films = [
  film({
    slug: 'dear-comrades',
    title: 'Dear Comrades!',
    year: 2020,
    genres: ['Drama', 'History'],
    countries: ['Russian Federation'],
    reviews: [review({ id: 'a1', author: 'Mark Angel', rating: 9, text: 'Lean and stark.' })],
  }),
  film({
    slug: 'come-and-see',
    title: 'Come and See',
    year: 1985,
    genres: ['Drama', 'War'],
    countries: ['Soviet Union'],
    reviews: [review({ id: 'b1', author: 'Ann', rating: 10 }), review({ id: 'b2', author: 'Bob', rating: 6 })],
  }),
  film({ slug: 'amelie', title: 'Amélie', year: 2001, genres: ['Comedy'], countries: ['France'], reviews: [] }),
  film({
    slug: 'solaris',
    title: 'Solaris',
    year: 1972,
    genres: ['Drama', 'Sci-Fi'],
    countries: ['Soviet Union'],
    reviews: [review({ id: 'c1', author: 'Ann', rating: 7 })],
  }),
];
const slugs = (terms: string[], sort = 'added', limit: number | null = null) =>
  selectFilms(films, terms, sort, limit).items.map((f) => f.slug);

describe('the film query language', () => {
  it('bare words match the title, ignoring case and accents', () => {
    expect(slugs(['comrades'])).toEqual(['dear-comrades']);
    expect(slugs(['AMELIE'])).toEqual(['amelie']);
  });
  it('field:value matches that field', () => {
    expect(slugs(['genre:drama'])).toEqual(['dear-comrades', 'come-and-see', 'solaris']);
    expect(slugs(['country:russian'])).toEqual(['dear-comrades']);
    expect(slugs(['genre:"sci-fi"'])).toEqual(['solaris']);
  });
  it('numbers take a value or a range, open on either side', () => {
    expect(slugs(['year:1972'])).toEqual(['solaris']);
    expect(slugs(['year:1960..1989'])).toEqual(['come-and-see', 'solaris']);
    expect(slugs(['rating:8..'])).toEqual(['dear-comrades', 'come-and-see']);
    expect(slugs(['rating:..7'])).toEqual(['solaris']);
    expect(slugs(['reviews:2'])).toEqual(['come-and-see']);
  });
  it('a leading - negates a term, and every term must hold', () => {
    expect(slugs(['genre:drama', '-genre:war'])).toEqual(['dear-comrades', 'solaris']);
    expect(slugs(['-comrades', '-see'])).toEqual(['amelie', 'solaris']);
  });
  it('sorts by title, year, rating, reviews and added, - for descending, unknowns last', () => {
    expect(slugs([], 'title')).toEqual(['amelie', 'come-and-see', 'dear-comrades', 'solaris']);
    expect(slugs([], '-year')).toEqual(['dear-comrades', 'amelie', 'come-and-see', 'solaris']);
    expect(slugs([], '-rating')).toEqual(['dear-comrades', 'come-and-see', 'solaris', 'amelie']);
    expect(slugs([], 'reviews')).toEqual(['amelie', 'dear-comrades', 'solaris', 'come-and-see']);
    expect(slugs([], '-added', 2)).toEqual(['solaris', 'amelie']);
    expect(selectFilms(films, [], 'added', 2).total).toBe(4);
  });
  it.each([
    [
      ['foo:bar'],
      /unknown field "foo" in "foo:bar"/,
      /known fields: title, slug, type, genre, country, cast, synopsis, year, rating, reviews/,
    ],
    [['year:19x'], /malformed value "19x" for year/, /year:1960\.\.1969/],
    [['year:..'], /malformed value "\.\." for year/, /range/],
    [['year:2000..1990'], /the range "2000\.\.1990" for year is empty/, /smaller number first/],
    [['genre:'], /"genre:" has no value/, /genre:value/],
    [['--bogus'], /unknown option '--bogus'/, /films --help/],
  ])('refuses %j with a usage error naming what is known', (terms, message, hint) => {
    try {
      selectFilms(films, terms, 'added', null);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(UsageError);
      expect((error as UsageError).message).toMatch(message);
      expect((error as UsageError).hint).toMatch(hint);
    }
  });
  it('refuses an unknown sort key', () => expect(() => slugs([], 'length')).toThrow(/cannot sort by "length"/));
});

describe('the review query language', () => {
  const ids = (terms: string[], sort = '-date') =>
    selectReviews(films, { terms, author: null, minRating: null, since: null }, sort).items.map(({ review }) => review.id);
  it('bare words match the film title; fields match the review or its film', () => {
    expect(ids(['see'])).toEqual(['b1', 'b2']);
    expect(ids(['author:"Mark Angel"'])).toEqual(['a1']);
    expect(ids(['author:ann', 'rating:8..'])).toEqual(['b1']);
    expect(ids(['genre:war', '-author:bob'])).toEqual(['b1']);
    expect(ids(['text:stark'])).toEqual(['a1']);
  });
  it('sorts by rating or author', () => {
    expect(ids([], '-rating')).toEqual(['b1', 'a1', 'c1', 'b2']);
    expect(ids([], 'author')).toEqual(['b1', 'c1', 'b2', 'a1']);
  });
  it('refuses an unknown field naming the review fields', () => {
    expect(() => ids(['slug:x'])).toThrow(UsageError);
  });
});
