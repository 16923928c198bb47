import { UsageError } from '../errors.js';
import { MAX_AUTHOR_LENGTH, MAX_TEXT_LENGTH } from './limits.js';
import { RATING_MAX, RATING_MIN } from './rating.js';
import type { ReviewContent } from './model.js';
import { groupDigits } from './numbers.js';


/** A rating as typed: a whole number from 1 to 10, or "none" for no rating. */
export function parseRating(value: string, flag = '--rating'): number | null {
  const trimmed = value.trim();
  if (/^none$/i.test(trimmed)) return null;
  const rating = Number(trimmed);
  if (!/^\d+$/.test(trimmed) || rating < RATING_MIN || rating > RATING_MAX) {
    throw new UsageError(`${flag} must be a whole number from ${RATING_MIN} to ${RATING_MAX}, not "${value}"`, `for example ${flag} 8`);
  }
  return rating;
}

const ISO_INPUT = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** An ISO 8601 date (2024-09-11) or time (2024-09-11T08:43, zone optional, UTC when left out), not after `notAfter`. */
export function parseDate(value: string, { flag = '--date', notAfter }: { flag?: string; notAfter?: Date } = {}): string {
  const match = ISO_INPUT.exec(value.trim());
  const refuse = (why: string): never => {
    throw new UsageError(`${flag} ${why}`, 'use an ISO date such as 2024-09-11 or 2024-09-11T08:43');
  };
  if (!match) return refuse(`"${value}" is not an ISO date`);
  const [year, month, day, hour = 0, minute = 0, second = 0] = match.slice(1, 7).map((part) => Number(part ?? 0)) as number[];
  const millis = Number((match[7] ?? '0').padEnd(3, '0'));
  const probe = new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, day, hour, minute, second, millis));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== (month ?? 1) - 1 || probe.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) {
    return refuse(`"${value}" is not a real date`);
  }
  const zone = match[8];
  const offsetMinutes = !zone || zone === 'Z' ? 0 : (zone.startsWith('-') ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(-2)));
  const time = new Date(probe.getTime() - offsetMinutes * 60_000);
  if (notAfter && time.getTime() > notAfter.getTime()) return refuse(`"${value}" is in the future`);
  return time.toISOString();
}

/** Review text as given: line ends normalised, surrounding blank lines and trailing spaces dropped. */
export function normaliseText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/^\n+|\n+$/g, '');
}

/** The rules every review obeys, whoever wrote it: an author, and text or a rating. */
export function checkReview(review: ReviewContent): ReviewContent {
  const author = review.author.trim();
  if (!author) throw new UsageError('the author is empty', 'pass --author <name>');
  if (author.length > MAX_AUTHOR_LENGTH) throw new UsageError(`the author is longer than ${MAX_AUTHOR_LENGTH} characters`, 'shorten it');
  const text = normaliseText(review.text);
  if (text.length > MAX_TEXT_LENGTH) {
    throw new UsageError(`the review text is ${groupDigits(text.length)} characters, over the limit of ${groupDigits(MAX_TEXT_LENGTH)}`, 'shorten it');
  }
  if (!text && review.rating === null) throw new UsageError('a review needs text or a rating', 'pass --text, --text-file or --rating');
  return { ...review, author, text };
}
