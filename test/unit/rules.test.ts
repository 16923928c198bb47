import { describe, expect, it } from 'vitest';
import { ratingSummary } from '../../src/domain/rating.js';
import {
  holdsAsciiControl,
  filmLabel,
  filmProblems,
  localDay,
  parseGivenYear,
  parseMonth,
  parseRatingFlags,
  parseStars,
  parseWatchedDay,
  parseYear,
  readAuthor,
  readPeriod,
  quoted,
  ratingLabel,
  readIsoDay,
  readPageTime,
  readRating,
  readStars,
  readYear,
  readCount,
  lineBreakProblem,
  reviewLimitProblems,
  reviewProblems,
  tooLong,
} from '../../src/domain/rules.js';
import { computeStats } from '../../src/domain/stats.js';
import { UsageError } from '../../src/errors.js';
import { film, review } from './fixtures.js';

const NOW = new Date('2026-03-10T12:00:00.000Z');

describe('the rulebook: ratings', () => {
  it.each([
    ['0.5', 1],
    ['1', 2],
    ['3.5', 7],
    ['5', 10],
    [' 4.0 ', 8],
    ['', null],
  ])('Letterboxd stars %j → %j', (stars, rating) => expect(readStars(stars)).toEqual({ ok: true, value: rating }));

  it.each(['0', '5.5', '2.75', '-1', 'four', '10'])('refuses %j as stars', (stars) => {
    expect(readStars(stars)).toEqual({ ok: false, why: `rating "${stars}" is not a Letterboxd rating (0.5 to 5 in half stars)` });
  });

  it.each([
    ['0.5', 1],
    ['4.5', 9],
    ['5', 10],
    ['3.0', 6],
  ])('--stars %s is the rating %i', (given, rating) => expect(parseStars(given)).toBe(rating));

  it.each(['0.3', '6', '0', '5.5', '', 'none', '4,5', '½'])('--stars %j is refused with one usage line', (given) => {
    expect(() => parseStars(given)).toThrow(UsageError);
    expect(() => parseStars(given)).toThrow(`--stars must be half stars from 0.5 to 5, not "${given}"`);
  });

  it('takes a rating as --rating or --stars, never both', () => {
    expect(parseRatingFlags({ stars: '3.5' })).toBe(7);
    expect(parseRatingFlags({ rating: '7' })).toBe(7);
    expect(parseRatingFlags({ rating: 'none' })).toBeNull();
    expect(parseRatingFlags({})).toBeUndefined();
    expect(() => parseRatingFlags({ rating: '7', stars: '3.5' })).toThrow('--rating and --stars cannot be used together');
  });

  it('reads a rating cell from 1 to 10, and nothing else', () => {
    expect(readRating(' 8 ')).toEqual({ ok: true, value: 8 });
    for (const bad of ['0', '11', '7.5', '', 'ten'])
      expect(readRating(bad)).toEqual({ ok: false, why: `rating "${bad}" is not a whole number from 1 to 10` });
  });

  it('labels a rating with its stars', () => {
    expect(ratingLabel(8)).toBe('8/10 ★★★★☆');
    expect(ratingLabel(7)).toBe('7/10 ★★★½☆');
    expect(ratingLabel(null)).toBe('—');
  });

  it('computes the average and histogram one way for a film and for stats', () => {
    const reviews = [7, 8, null, 8, 10].map((rating, i) => review({ id: `r${i}`, rating }));
    const summary = ratingSummary(reviews);
    expect(summary).toEqual({
      average: 8.25,
      count: 4,
      histogram: { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0, '6': 0, '7': 1, '8': 2, '9': 0, '10': 1 },
    });
    const stats = computeStats([film({ reviews })]);
    expect({ average: stats.averageRating, count: stats.ratings, histogram: stats.histogram }).toEqual(summary);
  });
});

describe('the rulebook: years', () => {
  it('reads a year cell from 1870 to 2200, or none', () => {
    expect(readYear(' 2020 ')).toEqual({ ok: true, value: 2020 });
    expect(readYear('')).toEqual({ ok: true, value: null });
    for (const bad of ['1869', '2201', '20', 'MMXX']) expect(readYear(bad)).toEqual({ ok: false, why: `year "${bad}" is not a year` });
  });
  it('reads a year flag, "none" clearing it', () => {
    expect(parseYear('1870')).toBe(1870);
    expect(parseYear('none')).toBeNull();
    expect(() => parseYear('2201')).toThrow('--year must be a year from 1870 to 2200, not "2201"');
  });
});

describe('the rulebook: dates and times', () => {
  it('reads a CSV day that exists and has come', () => {
    expect(readIsoDay('2026-03-10', 'date', NOW)).toEqual({ ok: true, value: '2026-03-10' });
    expect(readIsoDay('2026-02-29', 'date', NOW)).toEqual({ ok: false, why: 'date "2026-02-29" is not a real date' });
    expect(readIsoDay('10/03/2026', 'date', NOW)).toEqual({ ok: false, why: 'date "10/03/2026" is not a date (YYYY-MM-DD)' });
    expect(readIsoDay('2099-01-01', 'watched date', NOW)).toEqual({ ok: false, why: 'watched date "2099-01-01" is in the future' });
  });
  it('counts a day as come once it has begun anywhere on Earth (UTC+14)', () => {
    // 12:00 UTC on the 10th is 02:00 on the 11th at UTC+14: the 11th has begun there, the 12th nowhere.
    expect(readIsoDay('2026-03-11', 'date', NOW).ok).toBe(true);
    expect(readIsoDay('2026-03-12', 'date', NOW).ok).toBe(false);
  });
  it('reads a watched day as typed: a real day that has come', () => {
    expect(parseWatchedDay(' 2026-03-10 ', NOW)).toBe('2026-03-10');
    expect(() => parseWatchedDay('2026-03-12', NOW)).toThrow('--date "2026-03-12" is in the future');
    expect(() => parseWatchedDay('2026-02-30', NOW)).toThrow('--date "2026-02-30" is not a real date');
    expect(() => parseWatchedDay('yesterday', NOW)).toThrow(UsageError);
  });

  it("takes today as the person's clock says it (the local day)", () => {
    const zone = process.env.TZ;
    try {
      process.env.TZ = 'Pacific/Auckland';
      expect(localDay(new Date('2026-03-14T20:00:00.000Z'))).toBe('2026-03-15');
      process.env.TZ = 'America/Los_Angeles';
      expect(localDay(new Date('2026-03-14T05:00:00.000Z'))).toBe('2026-03-13');
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it('reads a year, a month or a day as the days it covers', () => {
    expect(readPeriod('2024')).toEqual({ ok: true, value: { first: '2024-01-01', last: '2024-12-31' } });
    expect(readPeriod('2024-02')).toEqual({ ok: true, value: { first: '2024-02-01', last: '2024-02-29' } });
    expect(readPeriod('2023-02')).toEqual({ ok: true, value: { first: '2023-02-01', last: '2023-02-28' } });
    expect(readPeriod('2024-03-14')).toEqual({ ok: true, value: { first: '2024-03-14', last: '2024-03-14' } });
    expect(readPeriod('2024-13')).toEqual({ ok: false, why: '"2024-13" is not a real month' });
    expect(readPeriod('2024-02-30')).toEqual({ ok: false, why: '"2024-02-30" is not a real date' });
    expect(readPeriod('24')).toMatchObject({ ok: false });
    expect(parseMonth('2024-04')).toEqual({ first: '2024-04-01', last: '2024-04-30' });
    expect(() => parseMonth('2024')).toThrow('--month must be a month such as 2024-03, not "2024"');
    expect(() => parseMonth('2024-00')).toThrow(UsageError);
    expect(parseGivenYear('2026')).toBe(2026);
    expect(() => parseGivenYear('none')).toThrow('--year needs a year');
  });

  it("reads a page's day-first time as UTC", () => {
    expect(readPageTime('11/09/2024 08:43')).toEqual({ ok: true, value: '2024-09-11T08:43:00.000Z' });
    expect(readPageTime('31/02/2024 08:43')).toEqual({ ok: false, why: '"31/02/2024 08:43" is not a real date and time' });
    expect(readPageTime('24/09/2024 24:00')).toMatchObject({ ok: false });
    expect(readPageTime('Sandra Gyasi')).toBeNull();
  });
});

describe('the rulebook: text limits', () => {
  it.each([
    ['title', 500],
    ['author', 200],
    ['review text', 100_000],
    ['synopsis', 100_000],
    ['tag', 100],
  ] as const)('the %s holds at most %i characters', (field, limit) => {
    expect(tooLong(field, 'x'.repeat(limit))).toBeNull();
    expect(tooLong(field, 'x'.repeat(limit + 1))).toBe(
      `the ${field} is ${(limit + 1).toLocaleString('en')} characters, over the limit of ${limit.toLocaleString('en')}`,
    );
  });

  it('names every rule a film or a review breaks, with what to do', () => {
    expect(filmProblems({ title: ' ', synopsis: 'x'.repeat(100_001) })).toEqual([
      { why: 'the title is empty', fix: 'pass --title <title>' },
      { why: 'the synopsis is 100,001 characters, over the limit of 100,000', fix: 'shorten it' },
    ]);
    expect(reviewProblems({ author: '', text: '', rating: null }).map(({ why }) => why)).toEqual([
      'the author is empty',
      'a review needs text or a rating',
    ]);
    expect(reviewProblems({ author: 'Ann', text: '', rating: 6 })).toEqual([]);
    // A diary entry is a watch on its day: it needs neither text nor a rating.
    expect(reviewProblems({ author: 'Ann', text: '', rating: null, watchedDate: '2026-01-01' })).toEqual([]);
    expect(reviewProblems({ author: 'Ann', text: '', rating: 6, tags: ['ok', 't'.repeat(101)] }).map(({ why }) => why)).toEqual([
      'the tag is 101 characters, over the limit of 100',
    ]);
    // Restoring an export asks only the limits of it: a rating-less, text-less review passes.
    expect(reviewLimitProblems({ author: 'a'.repeat(201), text: '' }).map(({ why }) => why)).toEqual([
      'the author is 201 characters, over the limit of 200',
    ]);
  });
});

describe('the rulebook: authors', () => {
  it('reads an author: trimmed, not empty, within the limit', () => {
    expect(readAuthor('  Vera Kholodnaya ')).toEqual({ ok: true, value: 'Vera Kholodnaya' });
    expect(readAuthor(' ')).toEqual({ ok: false, why: 'the author is empty' });
    expect(readAuthor('a'.repeat(200))).toMatchObject({ ok: true });
    expect(readAuthor('a'.repeat(201))).toEqual({ ok: false, why: 'the author is 201 characters, over the limit of 200' });
  });

  it('a name or tag is one line of plain text: controls, line breaks, bidi controls and the BOM are refused; emoji stay', () => {
    for (const [text, code] of [
      ['a\nb', '000A'],
      ['a\tb', '0009'],
      ['p\u001b[31mq', '001B'],
      ['c1\u009b', '009B'],
      ['l\u2028', '2028'],
      ['b\u202eidi', '202E'],
      ['\ufeffbom', 'FEFF'],
    ]) {
      expect(lineBreakProblem('tag', text as string)).toBe(
        `the tag holds a control character or line break (U+${code as string}): it must be one line of plain text`,
      );
    }
    for (const fine of ['Zoë', '👨‍👩‍👧', '🏴󠁧󠁢󠁳󠁣󠁴󠁿', 'Adérito ❤️', 'soft\u00adhyphen']) expect(lineBreakProblem('author', fine)).toBeNull();
    expect(readAuthor('x\ny')).toEqual({
      ok: false,
      why: 'the author holds a control character or line break (U+000A): it must be one line of plain text',
    });
  });
});

describe('the rulebook: counts', () => {
  it('reads digits, or digits grouped in threes by commas, dots or spaces; anything else is not a count', () => {
    for (const [text, count] of [
      ['', null],
      ['762654', 762654],
      ['1,234', 1234],
      ['1.234', 1234],
      ['2.100.000', 2_100_000],
      ['1 234 567', 1_234_567],
      ['1\u202f234', 1234],
    ] as const) {
      expect(readCount(text, 'votes')).toEqual({ ok: true, value: count });
    }
    for (const bad of ['1.5', '12,34', '1,234.000', '1.234,567', 'abc', '-3', '1e3', '99999999999999999']) {
      expect(readCount(bad, 'votes')).toEqual({ ok: false, why: `votes "${bad}" is not a whole number` });
    }
  });
});

describe('the rulebook: labels', () => {
  it('names a film by its title and year', () => {
    expect(filmLabel({ title: 'Dear Comrades!', year: 2020 })).toBe('Dear Comrades! (2020)');
    expect(filmLabel({ title: 'Dear Comrades!', year: null }, quoted)).toBe('"Dear Comrades!"');
    expect(filmLabel({ title: 'x', year: 1985 }, (title) => `<${title}>`)).toBe('<x> (1985)');
  });
});

describe('holdsAsciiControl (a pager command, a path written into git pattern files)', () => {
  it('finds U+0000–U+001F and DEL anywhere, and nothing else: space, C1 controls, accents, emoji', () => {
    for (const code of [0x00, 0x09, 0x0a, 0x0d, 0x1b, 0x1f, 0x7f]) {
      expect(holdsAsciiControl(`less ${String.fromCharCode(code)}-R`), `U+${code.toString(16)}`).toBe(true);
    }
    for (const text of ['', 'less -R', ' ~', '\u0080\u009f', 'é', '😀', 'дорогие']) expect(holdsAsciiControl(text), text).toBe(false);
  });
});
