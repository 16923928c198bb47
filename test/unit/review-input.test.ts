import { describe, expect, it } from 'vitest';
import { checkReview } from '../../src/domain/reviews.js';
import { normaliseText, parseDate, parseRating } from '../../src/domain/rules.js';
import { UsageError } from '../../src/errors.js';

const NOW = new Date('2026-01-01T12:00:00.000Z');
const base = { author: 'Ann', createdAt: '2025-01-01T00:00:00.000Z', rating: null, text: 'Fine.', spoiler: false };

describe('parseRating', () => {
  it('accepts whole numbers 1 to 10 and "none"', () => {
    expect(parseRating('1')).toBe(1);
    expect(parseRating(' 10 ')).toBe(10);
    expect(parseRating('none')).toBeNull();
  });
  it.each(['0', '11', '7.5', '-3', 'eight', '', '1e1'])('refuses %j, naming the range', (value) => {
    expect(() => parseRating(value)).toThrow(UsageError);
    expect(() => parseRating(value)).toThrow(/--rating must be a whole number from 1 to 10/);
  });
});

describe('parseDate', () => {
  it('reads a date as midnight UTC and a time without zone as UTC', () => {
    expect(parseDate('2024-09-11')).toBe('2024-09-11T00:00:00.000Z');
    expect(parseDate('2024-09-11T08:43')).toBe('2024-09-11T08:43:00.000Z');
    expect(parseDate('2024-09-11 08:43:05.5')).toBe('2024-09-11T08:43:05.500Z');
  });
  it('honours a zone', () => {
    expect(parseDate('2024-09-11T08:43+02:00')).toBe('2024-09-11T06:43:00.000Z');
    expect(parseDate('2024-09-11T08:43Z')).toBe('2024-09-11T08:43:00.000Z');
  });
  it('refuses what is not a date, or not a real one', () => {
    expect(() => parseDate('yesterday')).toThrow(/--date "yesterday" is not an ISO date/);
    expect(() => parseDate('11/09/2024')).toThrow(/not an ISO date/);
    expect(() => parseDate('2023-02-29')).toThrow(/--date "2023-02-29" is not a real date/);
    expect(() => parseDate('2024-01-01T24:00')).toThrow(/not a real date/);
  });
  it('refuses the future when asked to', () => {
    expect(() => parseDate('2026-01-02', { notAfter: NOW })).toThrow(/is in the future/);
    expect(parseDate('2026-01-01', { notAfter: NOW })).toBe('2026-01-01T00:00:00.000Z');
  });
});

describe('checkReview', () => {
  it('trims the author and normalises the text', () => {
    expect(checkReview({ ...base, author: '  Ann  ', text: '\n\nLine one.  \r\n\r\nLine two.\n' })).toEqual({
      ...base,
      text: 'Line one.\n\nLine two.',
    });
  });
  it('accepts a rating alone', () => expect(checkReview({ ...base, text: '  ', rating: 7 }).text).toBe(''));
  it('refuses an empty author', () => expect(() => checkReview({ ...base, author: ' \t ' })).toThrow(/the author is empty/));
  it('refuses a review with neither text nor rating', () =>
    expect(() => checkReview({ ...base, text: '\n' })).toThrow(/needs text or a rating/));
  it('refuses a text over 100,000 characters', () => {
    expect(() => checkReview({ ...base, text: 'x'.repeat(100_001) })).toThrow(/100,001 characters, over the limit of 100,000/);
    expect(checkReview({ ...base, text: 'x'.repeat(100_000) }).text).toHaveLength(100_000);
  });
  it('normaliseText keeps inner blank lines', () => expect(normaliseText('a\n\n\nb')).toBe('a\n\n\nb'));
});
