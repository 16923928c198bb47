import { DataError } from '../errors.js';
import { MAX_TITLE_LENGTH } from '../domain/limits.js';
import type { IncomingFilm } from '../domain/merge.js';
import type { ReviewContent } from '../domain/model.js';

const RATED = /^([\d][\d,.\u00a0\u202f ]*)\s+(?:people|person) rated(?:\s+(.*))?$/i;
const CAST = /^Cast \((\d+)\)$/i;
const RELATED = /^You May Also Like$/i;
const REVIEWS = /^User Reviews$/i;
const DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4}) (\d{1,2}):(\d{2})$/;

interface Line {
  number: number;
  text: string;
}

/** Day-first page time, read as UTC; null when the line is not shaped like a date. */
function pageTime(line: Line, file: string): string | null {
  const match = DATE.exec(line.text);
  if (!match) return null;
  const [day, month, year, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  const time = new Date(Date.UTC(year, month - 1, day, hour, minute));
  if (time.getUTCDate() !== day || time.getUTCMonth() !== month - 1 || hour > 23 || minute > 59) {
    throw new DataError(`${file}:${line.number}: "${line.text}" is not a real date and time`, 'dates are DD/MM/YYYY HH:mm, day first');
  }
  return time.toISOString();
}

/** The review blocks: an author line followed by a date line starts each one. */
function parseReviews(lines: readonly Line[], file: string): ReviewContent[] {
  const startsReview = (i: number): boolean => {
    const author = lines[i];
    const date = lines[i + 1];
    return Boolean(author?.text && date && DATE.test(date.text));
  };
  const reviews: ReviewContent[] = [];
  let i = 0;
  while (i < lines.length && !lines[i]?.text) i++;
  while (i < lines.length) {
    const author = lines[i] as Line;
    if (!startsReview(i)) {
      throw new DataError(`${file}:${author.number}: expected a review's author followed by a DD/MM/YYYY HH:mm line`, 'check the text below "User Reviews"');
    }
    const createdAt = pageTime(lines[i + 1] as Line, file) as string;
    let end = i + 2;
    while (end < lines.length && !startsReview(end)) end++;
    const text = lines.slice(i + 2, end).map((line) => line.text).join('\n').replace(/^\n+|\n+$/g, '');
    reviews.push({ author: author.text.trim(), createdAt, rating: null, text, spoiler: false });
    i = end;
  }
  return reviews;
}

/** Parses a film page copied from a film site (ARCHITECTURE.md, "The page format"). */
export function parsePage(raw: string, file = 'page'): IncomingFilm {
  const lines: Line[] = raw
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .map((text, index) => ({ number: index + 1, text: text.trimEnd() }));
  const header = lines.filter((line) => line.text.trim() !== '');
  const [title, country, rated] = header;
  if (!title || !country || !rated) {
    throw new DataError(`${file}: a film page needs a title, a country and an "N people rated" line`, 'copy the whole film page');
  }
  if (title.text.trim().length > MAX_TITLE_LENGTH) {
    throw new DataError(`${file}:${title.number}: the title is ${title.text.trim().length} characters, over the limit of ${MAX_TITLE_LENGTH}`, 'is this a film page?');
  }
  const ratedMatch = RATED.exec(rated.text.trim());
  if (!ratedMatch) {
    throw new DataError(`${file}:${rated.number}: expected "<N> people rated <synopsis>"`, 'check the third line of the page');
  }
  const castIndex = header.findIndex((line) => CAST.test(line.text.trim()));
  if (castIndex < 3) {
    throw new DataError(`${file}: no "Cast (N)" line after the genres`, 'copy the whole film page, down to its reviews');
  }
  const castLine = header[castIndex] as Line;
  const relatedIndex = header.findIndex((line, i) => i > castIndex && RELATED.test(line.text.trim()));
  const reviewsIndex = header.findIndex((line, i) => i > castIndex && REVIEWS.test(line.text.trim()));
  const afterCast = reviewsIndex >= 0 ? reviewsIndex : header.length;
  const castEnd = relatedIndex >= 0 ? relatedIndex : afterCast;
  const names = (from: number, to: number): string[] => header.slice(from, to).map((line) => line.text.trim());
  const cast = names(castIndex + 1, castEnd);
  const reviewLines = reviewsIndex >= 0 ? lines.slice((header[reviewsIndex] as Line).number) : [];
  return {
    title: title.text.trim(),
    year: null,
    countries: country.text.split(',').map((name) => name.trim()).filter(Boolean),
    genres: names(3, castIndex),
    synopsis: (ratedMatch[2] ?? '').trim(),
    cast,
    castCount: Math.max(Number((CAST.exec(castLine.text.trim()) as RegExpExecArray)[1]), cast.length),
    ratingsCount: Number((ratedMatch[1] as string).replace(/\D/g, '')),
    related: relatedIndex >= 0 ? names(relatedIndex + 1, afterCast) : [],
    reviews: parseReviews(reviewLines, file),
    marks: [],
  };
}
