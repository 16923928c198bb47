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
  selectFilms(films, terms, sort, limit, () => 'me').items.map((f) => f.slug);

describe('the film query language', () => {
  it('bare words match the title, ignoring case and accents', () => {
    expect(slugs(['comrades'])).toEqual(['dear-comrades']);
    expect(slugs(['AMELIE'])).toEqual(['amelie']);
  });
  it("a bare word that is a film's slug matches that film, and its negation excludes it", () => {
    expect(slugs(['dear-comrades'])).toEqual(['dear-comrades']);
    expect(slugs(['Come-And-See'])).toEqual(['come-and-see']);
    expect(slugs(['-dear-comrades'])).toEqual(['come-and-see', 'amelie', 'solaris']);
    // A field names that field alone: title:dear-comrades is about the title.
    expect(slugs(['title:dear-comrades'])).toEqual([]);
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
    expect(selectFilms(films, [], 'added', 2, () => 'me').total).toBe(4);
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
      selectFilms(films, terms, 'added', null, () => 'me');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(UsageError);
      expect((error as UsageError).message).toMatch(message);
      expect((error as UsageError).hint).toMatch(hint);
    }
  });
  it('refuses an unknown sort key', () => expect(() => slugs([], 'length')).toThrow(/cannot sort by "length"/));
  it('names the one nearest sort key or field of a mistyped one', () => {
    expect(() => slugs([], 'ratng')).toThrow(
      expect.objectContaining({ hint: expect.stringMatching(/^did you mean 'rating'\? \(sort by one of: /) }),
    );
    expect(() => slugs(['genr:drama'])).toThrow(
      expect.objectContaining({ hint: expect.stringMatching(/^did you mean 'genre'\? \(known fields: /) }),
    );
  });
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
  it("a bare word that is a film's slug matches that film's reviews", () => {
    expect(ids(['come-and-see'])).toEqual(['b1', 'b2']);
    expect(ids(['-come-and-see'])).toEqual(['a1', 'c1']);
  });
  it('--author matches as author: does, any part of the name in any case: one rule', () => {
    const byAuthor = (author: string) =>
      selectReviews(films, { terms: [], author, minRating: null, since: null }).items.map(({ review }) => review.id);
    expect(byAuthor('angel')).toEqual(ids(['author:angel']));
    expect(byAuthor('angel')).toEqual(['a1']);
    expect(byAuthor('ANN')).toEqual(['b1', 'c1']);
    expect(byAuthor('Mark Angel')).toEqual(['a1']);
    expect(byAuthor('zed')).toEqual([]);
  });
  it('sorts by rating or author', () => {
    expect(ids([], '-rating')).toEqual(['b1', 'a1', 'c1', 'b2']);
    expect(ids([], 'author')).toEqual(['b1', 'c1', 'b2', 'a1']);
  });
  it('refuses an unknown field naming the review fields', () => {
    expect(() => ids(['slug:x'])).toThrow(UsageError);
  });
});

describe('your fields in the film query language', () => {
  const yours = [
    film({
      slug: 'logged-2024',
      title: 'Logged 2024',
      reviews: [
        review({ id: 'x1', author: 'me', watchedDate: '2024-03-10', tags: ['Cinema'], rewatch: true }),
        review({ id: 'x2', author: 'ann', watchedDate: '2022-01-01', tags: ['home'], liked: true }),
      ],
    }),
    film({
      slug: 'logged-2023',
      title: 'Logged 2023',
      reviews: [review({ id: 'y1', author: 'me', watchedDate: '2023-12-31', liked: true })],
    }),
    film({
      slug: 'marked',
      title: 'Marked',
      marks: [{ author: 'me', watchlistedAt: null, watched: true, liked: false }],
    }),
    film({
      slug: 'wanted',
      title: 'Wanted',
      marks: [
        { author: 'me', watchlistedAt: '2026-01-01T00:00:00.000Z', watched: false, liked: false },
        { author: 'ann', watchlistedAt: null, watched: false, liked: true },
      ],
    }),
  ];
  const mine = (terms: string[], you = 'me') => selectFilms(yours, terms, 'added', null, () => you).items.map((f) => f.slug);

  it('watched: a day, a month, a year or a range of them — a day you logged it; yes/no counts films marked watched', () => {
    expect(mine(['watched:2024..'])).toEqual(['logged-2024']);
    expect(mine(['watched:2024-03'])).toEqual(['logged-2024']);
    expect(mine(['watched:2024-03-10'])).toEqual(['logged-2024']);
    expect(mine(['watched:..2023-12-31'])).toEqual(['logged-2023']);
    expect(mine(['watched:2023..2024'])).toEqual(['logged-2024', 'logged-2023']);
    expect(mine(['watched:2022'])).toEqual([]);
    expect(mine(['watched:yes'])).toEqual(['logged-2024', 'logged-2023', 'marked']);
    expect(mine(['watched:no'])).toEqual(['wanted']);
    expect(mine(['-watched:2024'])).toEqual(['logged-2023', 'marked', 'wanted']);
  });

  it('tag, rewatch, liked and watchlist are yours, not anyone else’s', () => {
    expect(mine(['tag:cinema'])).toEqual(['logged-2024']);
    expect(mine(['tag:home'])).toEqual([]);
    expect(mine(['tag:home'], 'ann')).toEqual(['logged-2024']);
    expect(mine(['rewatch:yes'])).toEqual(['logged-2024']);
    expect(mine(['liked:yes'])).toEqual(['logged-2023']);
    expect(mine(['liked:yes'], 'ann')).toEqual(['logged-2024', 'wanted']);
    expect(mine(['watchlist:yes'])).toEqual(['wanted']);
    expect(mine(['watchlist:no', 'watched:no'])).toEqual([]);
  });

  it('asks who you are only when a term is yours', () => {
    let asked = 0;
    const you = () => {
      asked += 1;
      return 'me';
    };
    selectFilms(yours, ['genre:drama', 'year:2014'], 'added', null, you);
    expect(asked).toBe(0);
    selectFilms(yours, ['watchlist:yes'], 'added', null, you);
    expect(asked).toBeGreaterThan(0);
  });

  it.each([
    [['watched:2024-13'], /malformed value "2024-13" for watched: "2024-13" is not a real month/, /watched:2024-03/],
    [['watched:..'], /malformed value "\.\." for watched/, /watched:2024\.\./],
    [['watched:2024..2023'], /the range "2024\.\.2023" for watched is empty/, /earlier day first/],
    [['watched:2024..2025..2026'], /malformed value/, /range/],
    [['watched:last-week'], /malformed value "last-week" for watched/, /watched:yes/],
    [['liked:maybe'], /liked takes yes or no, not "maybe"/, /liked:yes or liked:no/],
    [['watchlist:1'], /watchlist takes yes or no/, /watchlist:yes/],
  ])('refuses %j with a usage error saying what it takes', (terms, message, hint) => {
    try {
      selectFilms(yours, terms, 'added', null, () => 'me');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(UsageError);
      expect((error as UsageError).message).toMatch(message);
      expect((error as UsageError).hint).toMatch(hint);
    }
  });
});

describe('your fields in the review query language', () => {
  const reviewed = [
    film({
      slug: 'a',
      title: 'A',
      reviews: [
        review({ id: 'e1', watchedDate: '2024-05-01', tags: ['cinema', 'friends'], rewatch: true, liked: true }),
        review({ id: 'e2', watchedDate: '2023-05-01' }),
        review({ id: 'r1', text: 'A review, no day.' }),
      ],
    }),
  ];
  const ids = (terms: string[]) =>
    selectReviews(reviewed, { terms, author: null, minRating: null, since: null }).items.map(({ review: r }) => r.id);

  it('are the review’s own: its tags, watched day, rewatch and heart', () => {
    expect(ids(['tag:friends'])).toEqual(['e1']);
    expect(ids(['watched:2024'])).toEqual(['e1']);
    expect(ids(['watched:yes'])).toEqual(['e1', 'e2']);
    expect(ids(['watched:no'])).toEqual(['r1']);
    expect(ids(['rewatch:no'])).toEqual(['e2', 'r1']);
    expect(ids(['liked:yes'])).toEqual(['e1']);
  });
});
