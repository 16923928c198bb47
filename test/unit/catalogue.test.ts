import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addFilm, checkFilm, editFilm, removeFilm } from '../../src/domain/films.js';
import { cleanList } from '../../src/domain/lists.js';
import { parseYear } from '../../src/domain/rules.js';
import { fold, matchRanges, searchFilms, searchWords } from '../../src/domain/search.js';
import { computeStats } from '../../src/domain/stats.js';
import { barChart, renderStats } from '../../src/render/stats.js';
import { snippet } from '../../src/render/search.js';
import { unicodeTerminal } from '../../src/io.js';
import type { StoreData } from '../../src/domain/model.js';
import { Chalk } from 'chalk';
import stringWidth from 'string-width';
import { film, review } from './fixtures.js';
import { ASCII_GLYPHS, UNICODE_GLYPHS } from '../../src/render/glyphs.js';

const plain = new Chalk({ level: 0 });
const input = { title: 'Дорогие товарищи!', year: 2020, countries: ['Russia'], genres: ['Drama'], synopsis: '', cast: [] };
const empty = (): StoreData => ({ version: 2, films: [] });

describe('films add, edit and remove (domain)', () => {
  it('adds a film under a transliterated slug, then the year, then a counter', () => {
    const one = addFilm(empty(), input);
    expect(one.result).toMatchObject({ slug: 'dorogie-tovarishchi', castCount: 0, ratingsCount: null, reviews: [] });
    const two = addFilm(one.data, { ...input, year: 1999 });
    expect(two.result.slug).toBe('dorogie-tovarishchi-1999');
    const three = addFilm(two.data, { ...input, title: 'Dorogie Tovarishchi', year: 1999 });
    expect(three.result.slug).toBe('dorogie-tovarishchi-1999-2');
  });
  it('refuses the same title and year twice', () => {
    expect(() => addFilm(addFilm(empty(), input).data, { ...input, title: 'дорогие товарищи!' })).toThrow(
      /already in the store as dorogie-tovarishchi/,
    );
  });
  it('edit keeps the slug and the reviews; remove takes the reviews along', () => {
    const data: StoreData = { version: 2, films: [film({ reviews: [review()] })] };
    const edited = editFilm(data, 'leviathan', (f) => ({ ...f, title: 'Leviathan (2014)', genres: ['Crime'] }));
    expect(edited.result).toMatchObject({ slug: 'leviathan', title: 'Leviathan (2014)', genres: ['Crime'] });
    expect(edited.result.reviews).toHaveLength(1);
    const removed = removeFilm(edited.data, 'leviathan');
    expect(removed.data.films).toEqual([]);
    expect(removed.result.reviews).toHaveLength(1);
  });
  it('checks and cleans the input', () => {
    expect(checkFilm({ ...input, title: '  A   B ', countries: ['France, Italy', 'france', ' '] })).toMatchObject({
      title: 'A B',
      countries: ['France', 'Italy'],
    });
    expect(() => checkFilm({ ...input, title: ' ' })).toThrow(/the title is empty/);
    expect(() => checkFilm({ ...input, title: 'x'.repeat(501) })).toThrow(/over the limit of 500/);
    expect(cleanList(['a,b', 'B', 'c'])).toEqual(['a', 'b', 'c']);
  });
  it('parses years', () => {
    expect(parseYear('2020')).toBe(2020);
    expect(parseYear('none')).toBeNull();
    for (const bad of ['20', '1700', '2020.5', 'soon', '3000'])
      expect(() => parseYear(bad)).toThrow(/--year must be a year from 1870 to 2200/);
  });
});

describe('search', () => {
  const films = [
    film({
      slug: 'dear-comrades',
      title: 'Dear Comrades!',
      synopsis: 'Workers of Novocherkassk strike.',
      reviews: [
        review({ id: 'r1', author: 'Majo', text: 'Konchalovsky builds his movie slowly.' }),
        review({ id: 'r2', text: 'Nothing here.' }),
      ],
    }),
    film({
      slug: 'amelie',
      title: 'Amélie',
      synopsis: 'A waitress in Montmartre.',
      reviews: [review({ id: 'r3', text: 'Jean-Pierre Jeunet’s CAFÉ scenes.' })],
    }),
  ];
  it('folds case and accents in both directions', () => {
    expect(fold('Café ÉLAN')).toBe('cafe elan');
    expect(searchWords(['  Café  crème '])).toEqual(['cafe', 'creme']);
    expect(searchFilms(films, searchWords(['amelie'])).map((r) => r.film.slug)).toEqual(['amelie']);
    expect(searchFilms(films, searchWords(['café'])).map((r) => r.film.slug)).toEqual(['amelie']);
    expect(searchFilms(films, searchWords(['cafe'])).map((r) => r.film.slug)).toEqual(['amelie']);
  });
  it('finds titles, synopses and reviews, grouped by film, only where every word occurs', () => {
    const [result] = searchFilms(films, searchWords(['comrades', 'konchalovsky']));
    expect(result?.hits.map((h) => [h.field, h.reviewId])).toEqual([
      ['title', null],
      ['review', 'r1'],
    ]);
    expect(searchFilms(films, searchWords(['novocherkassk']))[0]?.hits.map((h) => h.field)).toEqual(['synopsis']);
    expect(searchFilms(films, searchWords(['comrades', 'montmartre']))).toEqual([]);
  });
  it('lists the reviews holding the most words first, each field once', () => {
    const reviews = [
      review({ id: 'one', text: 'A strike.' }),
      review({ id: 'both', text: 'A strike in Novocherkassk.' }),
      review({ id: 'none', text: 'Nothing.' }),
      review({ id: 'other', text: 'Novocherkassk.' }),
    ];
    const [result] = searchFilms([film({ title: 'Strike', synopsis: '', reviews })], searchWords(['strike', 'novocherkassk']));
    expect(result?.hits.map((hit) => hit.reviewId ?? hit.field)).toEqual(['title', 'both', 'one', 'other']);
  });
  // Folding covers the Basic Multilingual Plane and the planes of mathematical and enclosed letters.
  const bmpCharacter = fc
    .integer({ min: 0x20, max: 0xfffd })
    .filter((code) => code < 0xd800 || code > 0xdfff)
    .map((code) => String.fromCharCode(code));
  it('folds a text as NFKD without marks, lower-cased, as a whole', () => {
    const reference = (text: string): string => text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
    // Beyond the BMP: mathematical and enclosed letters that fold, and neighbours of theirs that do not.
    const pieces = fc.constantFrom(
      'ΟΔΟΣ',
      'Σ',
      ' ',
      'ς',
      'İ',
      'ﬁ',
      'Ａ',
      '①',
      'e\u0301',
      '\u0301',
      'é',
      'Й',
      'й',
      'ё',
      '\u212a',
      'ß',
      'ǅ',
      '한',
      '가\u11a8',
      'x',
      '𝐀',
      '\u{1d455}',
      '🄰',
      '🄋',
      '😀',
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.array(pieces, { maxLength: 10 }).map((parts) => parts.join('')),
          fc.string({ unit: bmpCharacter, maxLength: 20 }),
        ),
        (text) => {
          expect(fold(text)).toBe(reference(text));
        },
      ),
      { numRuns: 2000 },
    );
  });
  it('finds a word exactly where folding the text finds it, whatever the characters', () => {
    // Characters whose case or fold is unusual: Kelvin and Ohm signs, dotted and dotless i, final sigma, ß, ligatures, Cherokee,
    // an emoji's variation selector and a no-break space (which fold to nothing and to a space).
    const pieces = fc.constantFrom(
      'k',
      'K',
      '\u212a',
      'Ω',
      '\u2126',
      'ω',
      'İ',
      'ı',
      'i',
      'Σ',
      'ς',
      'σ',
      'ß',
      'ẞ',
      'ﬁ',
      'fi',
      'é',
      'e\u0301',
      'Ꭰ',
      'ꭰ',
      'Ж',
      'ж',
      'й',
      ' ',
      'a',
      'B',
      '\ufe0f',
      '\u00a0',
      'ſ',
      's',
      'S',
    );
    const texts = fc.array(pieces, { maxLength: 8 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(texts, texts, (text, query) => {
        const words = searchWords([query]);
        fc.pre(words.length > 0);
        const expected = words.every((word) => fold(text).includes(word) || 't'.includes(word));
        expect(searchFilms([film({ title: 'T', synopsis: '', reviews: [review({ text })] })], words).length > 0).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });
  it('maps matches back alike whether a text folds in place or a character at a time', () => {
    const pieces = fc.constantFrom('Novo', 'cherkassk', 'NOVOCHERKASSK', 'ΟΔΟΣ', 'οδος', 'ß', '\u212a', 'Ж', '𐐀', '😀', ' ', 'k', 's');
    fc.assert(
      fc.property(
        fc.array(pieces, { maxLength: 12 }),
        fc.array(fc.constantFrom('novocherkassk', 'cherk', 'οδος', 'k', 'ss', '𐐨'), { minLength: 1, maxLength: 2 }),
        (parts, words) => {
          const text = parts.join('');
          // A no-break space folds (to a space, which no word holds): the same text, walked a character at a time.
          const ranges = matchRanges(text, words);
          expect(ranges).toEqual(matchRanges(`${text}\u00a0`, words));
          for (const [start, end] of ranges) expect(words.some((word) => fold(text.slice(start, end)).includes(word))).toBe(true);
        },
      ),
      { numRuns: 1000 },
    );
  });
  it('maps matches back to the original text, accents and all', () => {
    const text = 'Le CAFÉ de Amélie';
    expect(matchRanges(text, ['cafe', 'amelie']).map(([s, e]) => text.slice(s, e))).toEqual(['CAFÉ', 'Amélie']);
    const decomposed = 'Ame\u0301lie';
    expect(matchRanges(decomposed, ['amelie']).map(([s, e]) => decomposed.slice(s, e))).toEqual([decomposed]);
  });
  it('brackets each match where it lands once runs of white space are one space', () => {
    const pieces = fc.constantFrom('a', 'word', 'Word', ' ', '  ', '\n', '\n\n', '\t', ' \n ', 'é');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 20 }), (parts) => {
        const text = parts.join('');
        const ranges = matchRanges(text, ['word']);
        fc.pre(ranges.length > 0);
        const flatten = (part: string): string => part.replace(/\s+/g, ' ');
        let expected = '';
        let at = 0;
        for (const [start, end] of ranges) {
          expected += `${flatten(text.slice(0, start)).slice(flatten(text.slice(0, at)).length)}[${flatten(text.slice(0, end)).slice(flatten(text.slice(0, start)).length)}]`;
          at = end;
        }
        expected += flatten(text).slice(flatten(text.slice(0, at)).length);
        expect(
          snippet({ field: 'review', reviewId: 'r', author: null, spoiler: false, text, ranges }, 200, {
            width: 200,
            color: plain,
            glyphs: UNICODE_GLYPHS,
          }),
        ).toBe(expected);
      }),
      { numRuns: 1000 },
    );
  });
  it('highlights in colour, or with brackets without it, on one line within the width', () => {
    const hit = {
      field: 'review' as const,
      reviewId: 'r',
      author: null,
      spoiler: false,
      text: `${'x '.repeat(60)}Konchalovsky\nbuilds ${'y '.repeat(60)}`,
      ranges: matchRanges(`${'x '.repeat(60)}Konchalovsky\nbuilds ${'y '.repeat(60)}`, ['konchalovsky']),
    };
    const line = snippet(hit, 50, { width: 50, color: plain, glyphs: UNICODE_GLYPHS });
    expect(line).toMatch(/^…x x .*\[Konchalovsky\] builds y/);
    expect(stringWidth(line)).toBeLessThanOrEqual(50);
    expect(snippet(hit, 50, { width: 50, color: new Chalk({ level: 1 }), glyphs: UNICODE_GLYPHS })).toContain(
      '\u001b[1m\u001b[33mKonchalovsky',
    );
  });
});

describe('stats', () => {
  const films = [
    film({
      genres: ['Drama', 'History'],
      countries: ['Russia'],
      reviews: [
        review({ id: 'a', author: 'Ann', rating: 8, createdAt: '2024-05-01T00:00:00.000Z' }),
        review({ id: 'b', author: 'Bob', rating: null, createdAt: '2023-01-01T00:00:00.000Z' }),
      ],
    }),
    film({
      slug: 'b',
      genres: ['drama'],
      countries: ['France', 'Russia'],
      reviews: [review({ id: 'c', author: 'Ann', rating: 6, createdAt: '2024-01-01T00:00:00.000Z' })],
    }),
  ];
  it('counts films, reviews, ratings and authors, and ranks the rest', () => {
    const stats = computeStats(films);
    expect(stats).toMatchObject({ films: 2, reviews: 3, ratings: 2, authors: 2, averageRating: 7 });
    expect(stats.histogram).toMatchObject({ '6': 1, '8': 1, '10': 0 });
    expect(stats.reviewsPerYear).toEqual([
      { name: '2023', count: 1 },
      { name: '2024', count: 2 },
    ]);
    expect(stats.genres).toEqual([
      { name: 'Drama', count: 2 },
      { name: 'History', count: 1 },
    ]);
    expect(stats.countries).toEqual([
      { name: 'Russia', count: 2 },
      { name: 'France', count: 1 },
    ]);
    expect(stats.topAuthors).toEqual([
      { name: 'Ann', count: 2 },
      { name: 'Bob', count: 1 },
    ]);
  });
  it('draws charts that fit the width, in Unicode or ASCII', () => {
    for (const width of [30, 60, 100]) {
      const chart = barChart(
        [
          { name: 'Majo💛🍀', count: 4 },
          { name: '千と千尋', count: 2 },
          { name: 'x', count: 0 },
        ],
        { width, color: plain, glyphs: UNICODE_GLYPHS },
      );
      const lines = chart.split('\n');
      expect(new Set(lines.map((line) => stringWidth(line))).size).toBe(1);
      expect(stringWidth(lines[0] as string)).toBeLessThanOrEqual(width);
      expect(lines[1]?.match(/█/g)?.length).toBe(Math.round((lines[0]?.match(/█/g)?.length ?? 0) / 2));
    }
    const ascii = renderStats(computeStats(films), { width: 60, color: plain, glyphs: ASCII_GLYPHS, title: 'All' });
    expect(ascii).toMatch(/^[\x00-\x7f]*$/);
    expect(ascii).toMatch(/^ {2}8 +#+ +1$/m);
  });
  it('knows when the terminal cannot show Unicode', () => {
    expect(unicodeTerminal({ LANG: 'en_US.UTF-8' })).toBe(true);
    expect(unicodeTerminal({})).toBe(true);
    expect(unicodeTerminal({ LANG: 'C' })).toBe(false);
    expect(unicodeTerminal({ LC_ALL: 'en_US.ISO-8859-1', LANG: 'en_US.UTF-8' })).toBe(false);
  });
});
