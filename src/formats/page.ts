import { DataError } from '../errors.js';
import type { ReviewContent } from '../domain/model.js';
import { PAGE_TIME, readPageTime, reviewProblems, tooLong } from '../domain/rules.js';
import { badRow, emptyBatch, type ImportBatch } from './import-batch.js';

const RATED = /^([\d][\d,.\u00a0\u202f ]*)\s+(?:people|person) rated(?:\s+(.*))?$/i;
const CAST = /^Cast \((\d+)\)$/i;
const RELATED = /^You May Also Like$/i;
const REVIEWS = /^User Reviews$/i;

interface Line {
  number: number;
  text: string;
}

/** Day-first page time, read as UTC; null when the line is not shaped like a date. */
function pageTime(line: Line, file: string): string | null {
  const time = readPageTime(line.text);
  if (time !== null && !time.ok) throw new DataError(`${file}:${line.number}: ${time.why}`, 'dates are DD/MM/YYYY HH:mm, day first');
  return time?.value ?? null;
}

/**
 * The review blocks: an author line followed by a date line starts each one. A review that breaks
 * a rule (no text, an author or text over its limit) is a bad row at its author's line.
 */
function parseReviews(lines: readonly Line[], file: string, batch: ImportBatch): ReviewContent[] {
  const startsReview = (i: number): boolean => {
    const author = lines[i];
    const date = lines[i + 1];
    return Boolean(author?.text && date && PAGE_TIME.test(date.text));
  };
  const reviews: ReviewContent[] = [];
  let i = 0;
  while (i < lines.length && !lines[i]?.text) i++;
  while (i < lines.length) {
    const author = lines[i] as Line;
    if (!startsReview(i)) {
      throw new DataError(
        `${file}:${author.number}: expected a review's author followed by a DD/MM/YYYY HH:mm line`,
        'check the text below "User Reviews"',
      );
    }
    const createdAt = pageTime(lines[i + 1] as Line, file) as string;
    let end = i + 2;
    while (end < lines.length && !startsReview(end)) end++;
    const text = lines
      .slice(i + 2, end)
      .map((line) => line.text)
      .join('\n')
      .replace(/^\n+|\n+$/g, '');
    const review = { author: author.text.trim(), createdAt, rating: null, text, spoiler: false };
    const broken = reviewProblems(review);
    badRow(
      batch,
      `${file}:${author.number}`,
      broken.map(({ why }) => why),
    );
    if (!broken.length) reviews.push(review);
    i = end;
  }
  return reviews;
}

/**
 * A film page copied from a film site (ARCHITECTURE.md, "The page format"), as an import batch:
 * the film with its reviews, and the reviews that break a rule as bad rows. A page that is not a
 * film page, or a film that breaks a rule, is refused whole.
 */
export function readPage(raw: string, file = 'page'): ImportBatch {
  const lines: Line[] = raw
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .map((text, index) => ({ number: index + 1, text: text.trimEnd() }));
  const header = lines.filter((line) => line.text.trim() !== '');
  const [title, country, rated] = header;
  if (!title || !country || !rated) {
    throw new DataError(`${file}: a film page needs a title, a country and an "N people rated" line`, 'copy the whole film page');
  }
  const refuse = (line: Line, why: string | null): void => {
    if (why !== null) throw new DataError(`${file}:${line.number}: ${why}`, 'is this a film page?');
  };
  refuse(title, tooLong('title', title.text.trim()));
  const ratedMatch = RATED.exec(rated.text.trim());
  if (!ratedMatch) {
    throw new DataError(`${file}:${rated.number}: expected "<N> people rated <synopsis>"`, 'check the third line of the page');
  }
  const synopsis = (ratedMatch[2] ?? '').trim();
  refuse(rated, tooLong('synopsis', synopsis));
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
  const batch = emptyBatch('snapshot');
  batch.films.push({
    title: title.text.trim(),
    year: null,
    countries: country.text
      .split(',')
      .map((name) => name.trim())
      .filter(Boolean),
    genres: names(3, castIndex),
    synopsis,
    cast,
    castCount: Math.max(Number((CAST.exec(castLine.text.trim()) as RegExpExecArray)[1]), cast.length),
    ratingsCount: Number((ratedMatch[1] as string).replace(/\D/g, '')),
    related: relatedIndex >= 0 ? names(relatedIndex + 1, afterCast) : [],
    reviews: parseReviews(reviewLines, file, batch),
    marks: [],
  });
  return batch;
}
