import { UsageError } from '../errors.js';
import type { Film, ReviewContent } from './model.js';
import { groupDigits } from './numbers.js';

/**
 * The rulebook: every rule about what data may come in, written once. Flags, prompts, every
 * importer and the store's schema use it: ratings, years, dates and times, text limits, labels.
 */

/** A value read from text, or why it is not one (a sentence without its subject's name, for importers to place). */
export type Reading<T> = { ok: true; value: T } | { ok: false; why: string };
const ok = <T>(value: T): Reading<T> => ({ ok: true, value });
const bad = <T>(why: string): Reading<T> => ({ ok: false, why });

// Ratings: whole numbers from 1 to 10, IMDb's scale; Letterboxd's half stars are doubled.

export const RATING_MIN = 1;
export const RATING_MAX = 10;
const RATING_WORDS = `a whole number from ${RATING_MIN} to ${RATING_MAX}`;

function wholeRating(text: string): number | null {
  const trimmed = text.trim();
  const rating = Number(trimmed);
  return /^\d+$/.test(trimmed) && rating >= RATING_MIN && rating <= RATING_MAX ? rating : null;
}

/** A rating as typed in a flag or an argument: a whole number from 1 to 10, or "none" for no rating. */
export function parseRating(value: string, flag = '--rating'): number | null {
  if (/^none$/i.test(value.trim())) return null;
  const rating = wholeRating(value);
  if (rating === null) throw new UsageError(`${flag} must be ${RATING_WORDS}, not "${value}"`, `for example ${flag} 8`);
  return rating;
}

/** A rating in a CSV cell (IMDb's "Your Rating"). */
export function readRating(value: string): Reading<number> {
  const rating = wholeRating(value);
  return rating === null ? bad(`rating "${value.trim()}" is not ${RATING_WORDS}`) : ok(rating);
}

/** Letterboxd's half stars, 0.5 to 5, as our 1 to 10; an empty cell is no rating. */
export function readStars(value: string): Reading<number | null> {
  const trimmed = value.trim();
  if (!trimmed) return ok(null);
  const rating = Number(trimmed) * 2;
  if (!/^\d(\.\d+)?$/.test(trimmed) || !Number.isInteger(rating) || rating < RATING_MIN || rating > RATING_MAX) {
    return bad(`rating "${value}" is not a Letterboxd rating (0.5 to 5 in half stars)`);
  }
  return ok(rating);
}

/** Half stars as typed in a flag (`--stars 3.5`): 0.5 to 5, doubled to the rating 1 to 10. */
export function parseStars(value: string, flag = '--stars'): number {
  const rating = readStars(value);
  if (!rating.ok || rating.value === null) {
    throw new UsageError(
      `${flag} must be half stars from 0.5 to 5, not "${value}"`,
      `for example ${flag} 3.5 (the rating 7/${RATING_MAX})`,
    );
  }
  return rating.value;
}

/**
 * The rating that --rating (1 to 10, or "none") or --stars (0.5 to 5) gives, wherever a rating is
 * taken; undefined when neither flag was given.
 */
export function parseRatingFlags(flags: { rating?: string; stars?: string }): number | null | undefined {
  if (flags.rating !== undefined && flags.stars !== undefined) {
    throw new UsageError('--rating and --stars cannot be used together', 'give the rating one way: --rating 1–10 or --stars 0.5–5');
  }
  if (flags.stars !== undefined) return parseStars(flags.stars);
  return flags.rating === undefined ? undefined : parseRating(flags.rating);
}

/**
 * A rating as typed at the rating question: a whole number from 1 to 10, or Letterboxd's half
 * stars marked with * or ★ (3.5* is 7); an empty answer or "none" is no rating.
 */
export function readRatingAnswer(value: string): Reading<number | null> {
  const trimmed = value.trim();
  if (/^(none|)$/i.test(trimmed)) return ok(null);
  const starred = /^(\S+?)\s*(?:\*|★|stars?)$/iu.exec(trimmed);
  if (starred) return readStars(starred[1] as string);
  const rating = wholeRating(trimmed);
  return rating === null ? bad(`type ${RATING_WORDS}, stars such as 3.5*, or none`) : ok(rating);
}

// Years: four digits from 1870 (the first films) to 2200, or unknown (null).

export const YEAR_MIN = 1870;
export const YEAR_MAX = 2200;

function wholeYear(text: string): number | null {
  const trimmed = text.trim();
  const year = Number(trimmed);
  return /^\d{4}$/.test(trimmed) && year >= YEAR_MIN && year <= YEAR_MAX ? year : null;
}

/** A year as typed in a flag or a prompt: 1870 to 2200, or "none" (or nothing) for unknown. */
export function parseYear(value: string, flag = '--year'): number | null {
  if (/^(none|)$/i.test(value.trim())) return null;
  const year = wholeYear(value);
  if (year === null)
    throw new UsageError(`${flag} must be a year from ${YEAR_MIN} to ${YEAR_MAX}, not "${value}"`, `for example ${flag} 2020`);
  return year;
}

/** A year in a CSV cell; an empty cell is an unknown year. */
export function readYear(value: string): Reading<number | null> {
  if (!value.trim()) return ok(null);
  const year = wholeYear(value);
  return year === null ? bad(`year "${value}" is not a year`) : ok(year);
}

/**
 * A count such as a number of votes, empty for none: digits, or digits grouped in threes by commas,
 * dots or spaces as exports write them in each language ("1,234", "2.100.000", "1 234").
 */
export function readCount(value: string, what: string): Reading<number | null> {
  const text = value.trim();
  if (!text) return ok(null);
  const grouped = /^\d{1,3}(?:([,.\u00a0\u202f ])\d{3})(?:\1\d{3})*$/.test(text);
  const count = Number(grouped ? text.replace(/[^\d]/g, '') : text);
  return (grouped || /^\d+$/.test(text)) && Number.isSafeInteger(count) ? ok(count) : bad(`${what} "${text}" is not a whole number`);
}

// Dates and times: the store holds ISO 8601 UTC times; what a person logs cannot be in the future.

/** The UTC time of these parts, or null when they name no real day and time (31 February, 24:00). */
function utcTime(year: number, month: number, day: number, hour = 0, minute = 0, second = 0, millis = 0): Date | null {
  const time = new Date(Date.UTC(year, month - 1, day, hour, minute, second, millis));
  const real =
    time.getUTCFullYear() === year &&
    time.getUTCMonth() === month - 1 &&
    time.getUTCDate() === day &&
    hour < 24 &&
    minute < 60 &&
    second < 60;
  return real ? time : null;
}

const ISO_INPUT = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** An ISO 8601 date (2024-09-11) or time (2024-09-11T08:43, zone optional, UTC when left out), as the store's ISO time. */
function readIsoTime(value: string): Reading<string> {
  const match = ISO_INPUT.exec(value.trim());
  if (!match) return bad('is not an ISO date');
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map((part: string | undefined) => Number(part ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const time = utcTime(year, month, day, hour, minute, second, Number((match[7] ?? '0').padEnd(3, '0')));
  if (time === null) return bad('is not a real date');
  const zone = match[8];
  const offsetMinutes =
    !zone || zone === 'Z' ? 0 : (zone.startsWith('-') ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(-2)));
  return ok(new Date(time.getTime() - offsetMinutes * 60_000).toISOString());
}

/** An ISO date or time as typed in a flag (see readIsoTime), not after `notAfter` when given. */
export function parseDate(value: string, { flag = '--date', notAfter }: { flag?: string; notAfter?: Date } = {}): string {
  const refuse = (why: string): never => {
    throw new UsageError(`${flag} "${value}" ${why}`, 'use an ISO date such as 2024-09-11 or 2024-09-11T08:43');
  };
  const time = readIsoTime(value);
  if (!time.ok) return refuse(time.why);
  if (notAfter && Date.parse(time.value) > notAfter.getTime()) return refuse('is in the future');
  return time.value;
}

/**
 * Whether a day (YYYY-MM-DD) lies in the future: later than today anywhere on Earth (UTC+14),
 * so that a day logged in the far east is never refused while it is still yesterday in UTC.
 */
const dayInTheFuture = (day: string, now: Date): boolean => day > new Date(now.getTime() + 14 * 3_600_000).toISOString().slice(0, 10);

/** A day in a CSV cell (YYYY-MM-DD) that exists and is not in the future; `what` names the column. */
export function readIsoDay(value: string, what: string, now: Date): Reading<string> {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (!match) return bad(`${what} "${value}" is not a date (YYYY-MM-DD)`);
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  if (utcTime(year, month, day) === null) return bad(`${what} "${value}" is not a real date`);
  if (dayInTheFuture(value.trim(), now)) return bad(`${what} "${value}" is in the future`);
  return ok(value.trim());
}

/** A watched day as typed in a flag (YYYY-MM-DD): a real day, not in the future. */
export function parseWatchedDay(value: string, now: Date, flag = '--date'): string {
  const day = readIsoDay(value, flag, now);
  if (!day.ok) throw new UsageError(day.why, 'give the day it was watched, such as 2024-09-11 (default: today)');
  return day.value;
}

/** "Today" as the person's clock says it: the local calendar day of `now` (YYYY-MM-DD). */
export function localDay(now: Date): string {
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
}

/** The days a year, a month or a day covers, first and last (YYYY-MM-DD): what `watched:2024-03` and `--month` mean. */
export interface Period {
  first: string;
  last: string;
}

/** A year (2024), a month (2024-03) or a day (2024-03-14) as the period it covers. */
export function readPeriod(value: string): Reading<Period> {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value.trim());
  if (!match) return bad(`"${value}" is not a year, a month or a day (2024, 2024-03, 2024-03-14)`);
  const year = Number(match[1]);
  const month = match[2] === undefined ? null : Number(match[2]);
  const day = match[3] === undefined ? null : Number(match[3]);
  if (month === null) return ok(yearPeriod(year));
  if (month < 1 || month > 12) return bad(`"${value}" is not a real month`);
  const monthText = `${match[1]}-${match[2]}`;
  if (day === null) {
    const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
    return ok({ first: `${monthText}-01`, last: `${monthText}-${String(lastDay).padStart(2, '0')}` });
  }
  if (utcTime(year, month, day) === null) return bad(`"${value}" is not a real date`);
  return ok({ first: value.trim(), last: value.trim() });
}

/** A year that must be given (`films diary --year 2024`, `films stats --year 2024`): 1870 to 2200. */
export function parseGivenYear(value: string, flag = '--year'): number {
  const year = parseYear(value, flag);
  if (year === null) throw new UsageError(`${flag} needs a year`, `for example ${flag} 2024`);
  return year;
}

/** The days a year covers. */
export const yearPeriod = (year: number): Period => ({ first: `${year}-01-01`, last: `${year}-12-31` });

/** A month (`--month 2024-03`), as the days it covers. */
export function parseMonth(value: string, flag = '--month'): Period {
  const period: Reading<Period> = /^\d{4}-\d{2}$/.test(value.trim()) ? readPeriod(value) : bad('is not a month');
  if (!period.ok) throw new UsageError(`${flag} must be a month such as 2024-03, not "${value}"`, `for example ${flag} 2024-03`);
  return period.value;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** A C library time (IMDb's exports before 2017: "Sat Dec 31 00:00:00 2016", read as UTC), as the store's ISO time, not in the future. */
export function readCTime(value: string, what: string, now: Date): Reading<string> {
  const match = /^[A-Za-z]{3} ([A-Za-z]{3}) +(\d{1,2}) (\d{2}):(\d{2}):(\d{2}) (\d{4})$/.exec(value.trim());
  const month = match ? MONTHS.indexOf((match[1] as string).toLowerCase()) + 1 : 0;
  const [day, hour, minute, second, year] = (match?.slice(2) ?? []).map(Number) as [number, number, number, number, number];
  const time = month ? utcTime(year, month, day, hour, minute, second) : null;
  if (!time) return bad(`${what} "${value.trim()}" is not a date`);
  if (time.getTime() > now.getTime()) return bad(`${what} "${value.trim()}" is in the future`);
  return ok(time.toISOString());
}

/** A film page's time line: DD/MM/YYYY HH:mm, day first, read as UTC. */
export const PAGE_TIME = /^(\d{1,2})\/(\d{1,2})\/(\d{4}) (\d{1,2}):(\d{2})$/;

/** A line shaped like a page's time, as the store's ISO time; null when it is not shaped like one. */
export function readPageTime(line: string): Reading<string> | null {
  const match = PAGE_TIME.exec(line);
  if (!match) return null;
  const [day, month, year, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  const time = utcTime(year, month, day, hour, minute);
  return time === null ? bad(`"${line}" is not a real date and time`) : ok(time.toISOString());
}

// Text: line ends normalised; sizes past which input is refused, as abuse rather than a review.

export const LIMITS = { title: 500, author: 200, 'review text': 100_000, synopsis: 100_000, tag: 100 } as const;

/** Why a text is too long for its field, or null when it fits. */
export function tooLong(field: keyof typeof LIMITS, text: string): string | null {
  const limit = LIMITS[field];
  return text.length > limit ? `the ${field} is ${groupDigits(text.length)} characters, over the limit of ${groupDigits(limit)}` : null;
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

/** A rule broken, and what the person can do about it (flags and prompts show it; importers list only `why`). */
export interface Problem {
  why: string;
  fix: string;
}

const SHORTEN = 'shorten it';
const lengthProblems = (fields: [keyof typeof LIMITS, string][]): Problem[] =>
  fields.flatMap(([field, text]) => {
    const why = tooLong(field, text);
    return why === null ? [] : [{ why, fix: SHORTEN }];
  });

/** The rules a film's details obey wherever they come from: a title (unless still to be `asked`), and no field over its limit. */
export function filmProblems(film: Pick<Film, 'title' | 'synopsis'>, { asked = false } = {}): Problem[] {
  const empty = asked || film.title.trim() ? [] : [{ why: 'the title is empty', fix: 'pass --title <title>' }];
  return [
    ...empty,
    ...lengthProblems([
      ['title', film.title],
      ['synopsis', film.synopsis],
    ]),
  ];
}

/**
 * What a one-line name (an author, a tag) may not hold: control characters (line breaks, tabs,
 * escapes, C1), line and paragraph separators, bidi controls and the BOM. Joiners and variation
 * selectors stay: names keep their emoji.
 */
export const NOT_IN_A_NAME = /[\p{Cc}\p{Zl}\p{Zp}\p{Bidi_Control}\uFEFF]/u;

/** Whether a text holds an ASCII control character (a line break, a tab, ESC, DEL): one a shell or git's pattern files would act on. */
export function holdsAsciiControl(text: string): boolean {
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

/** Why a name (`field`: author, tag) is not one line of text, or null. */
export function lineBreakProblem(field: 'author' | 'tag', text: string): string | null {
  const found = NOT_IN_A_NAME.exec(text);
  if (!found) return null;
  const code = (found[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
  return `the ${field} holds a control character or line break (U+${code}): it must be one line of plain text`;
}

/** The limits on a review's fields, which every way in obeys, a restored export included. */
export function reviewLimitProblems(review: Pick<ReviewContent, 'author' | 'text' | 'tags'>): Problem[] {
  return lengthProblems([
    ['author', review.author],
    ['review text', review.text],
    ...(review.tags ?? []).map((tag): [keyof typeof LIMITS, string] => ['tag', tag]),
  ]);
}

/** Names and tags on one line: every new review obeys it (a restored export brings back what a store held, as it was). */
const lineProblems = (review: Pick<ReviewContent, 'author' | 'tags'>): Problem[] =>
  [lineBreakProblem('author', review.author), ...(review.tags ?? []).map((tag) => lineBreakProblem('tag', tag))].flatMap((why) =>
    why === null ? [] : [{ why, fix: 'write it on one line, without control characters' }],
  );

/** A review must say something, text or a rating; a diary entry need not: the watch on its day is what it says. */
export const needsText = (review: Pick<ReviewContent, 'rating' | 'watchedDate'>): boolean =>
  review.rating === null && review.watchedDate === undefined;

/**
 * The rules every new review obeys, typed or imported: an author, the limits, and text or a rating
 * (unless it is a diary entry, or they are still to be `asked` at a terminal).
 */
export function reviewProblems(
  review: Pick<ReviewContent, 'author' | 'text' | 'rating' | 'tags' | 'watchedDate'>,
  { asked = false } = {},
): Problem[] {
  const empty = review.author.trim() ? [] : [{ why: 'the author is empty', fix: 'pass --author <name>' }];
  const silent =
    asked || review.text.trim() || !needsText(review)
      ? []
      : [{ why: 'a review needs text or a rating', fix: 'pass --text, --text-file or --rating' }];
  return [...empty, ...lineProblems(review), ...reviewLimitProblems(review), ...silent];
}

/** A person's name as the author of what they write (the config file's `author`, FILMS_AUTHOR, --author): trimmed, not empty, one line, within the limit. */
export function readAuthor(value: string): Reading<string> {
  const name = value.trim();
  if (!name) return bad('the author is empty');
  const wrong = lineBreakProblem('author', name) ?? tooLong('author', name);
  return wrong === null ? ok(name) : bad(wrong);
}

// Labels: how a film and a rating are named to people.

/** "Dear Comrades!" (2020): a film as lists and messages name it; `title` dresses the title (quotes, bold, safeText). */
export function filmLabel(film: Pick<Film, 'title' | 'year'>, title: (text: string) => string = (text) => text): string {
  return `${title(film.title)}${film.year ? ` (${film.year})` : ''}`;
}

export const quoted = (text: string): string => `"${text}"`;

/** How a rating is drawn: the stars (full, half, empty), and the mark of no rating. */
export interface RatingMarks {
  full: string;
  half: string;
  empty: string;
  none: string;
}

export const STAR_MARKS: RatingMarks = { full: '★', half: '½', empty: '☆', none: '—' };

/** 8 → "★★★★☆", 7 → "★★★½☆": five stars of two points each. */
export function stars(rating: number, marks: RatingMarks = STAR_MARKS): string {
  const full = Math.floor(rating / 2);
  const half = rating % 2;
  return marks.full.repeat(full) + marks.half.repeat(half) + marks.empty.repeat(RATING_MAX / 2 - full - half);
}

/** 8 → "8/10 ★★★★☆"; no rating → "—". */
export function ratingLabel(rating: number | null, marks: RatingMarks = STAR_MARKS): string {
  return rating === null ? marks.none : `${rating}/${RATING_MAX} ${stars(rating, marks)}`;
}

/**
 * The limits every way in obeys, for a film and its reviews, as lines like `films[3].reviews[2]:
 * the author is …`: a film an import brings that breaks one is a bad row, and `films db check`
 * lists those a store holds. An export restores what a store held, so the rules of new entries
 * (text or a rating, not in the future) are not asked here.
 */
export function filmLimitProblems(film: Film, path: string): string[] {
  return [
    ...filmProblems(film).map(({ why }) => `${path}: ${why}`),
    ...film.reviews.flatMap((review, r) => reviewLimitProblems(review).map(({ why }) => `${path}.reviews[${r}]: ${why}`)),
  ];
}
