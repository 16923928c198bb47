import { basename } from 'node:path';
import { IMDB_ID } from '../domain/model.js';
import { readIsoDay, readRating, readYear, reviewProblems, tooLong } from '../domain/rules.js';
import { DataError } from '../errors.js';
import { readCsv } from './csv.js';
import { splitList } from './fields.js';
import { emptyBatch, FilmCollector, take, type ImportBatch } from './import-batch.js';
import { NO_PROGRESS } from '../io.js';

/** Both layouts of IMDb's ratings export share these columns (the 2024 one adds "Original Title"). */
const REQUIRED = ['Const', 'Your Rating', 'Date Rated', 'Title'];

export const isImdbHeader = (header: readonly string[]): boolean => REQUIRED.every((name) => header.includes(name));

/** IMDb's ratings export: each row a film (matched by its tt-id) and its author's rating, rated by `now`. */
export function parseImdbCsv(text: string, file: string, author: string, now: Date, progress = NO_PROGRESS): ImportBatch {
  progress.step(`Reading ${basename(file)}`, 'rows');
  const table = readCsv(text, file);
  if (!isImdbHeader(table.header)) {
    throw new DataError(
      `${file}: not an IMDb ratings export (it needs the columns ${REQUIRED.join(', ')})`,
      'export your ratings from IMDb again, or pass --format',
    );
  }
  const batch = emptyBatch('partial');
  const collector = new FilmCollector();
  progress.step(`Reading ${basename(file)}`, 'rows', table.rows.length);
  for (const [index, row] of table.rows.entries()) {
    progress.advance(index + 1, collector.found());
    const problems: string[] = [];
    const imdbId = row.get('Const').trim();
    if (!IMDB_ID.test(imdbId)) problems.push(`"${imdbId}" is not an IMDb id (tt followed by digits)`);
    const title = row.get('Title').trim() || row.get('Original Title').trim();
    if (!title) problems.push('the film has no title');
    const longTitle = tooLong('title', title);
    if (longTitle) problems.push(longTitle);
    const rating = take(readRating(row.get('Your Rating')), null, problems);
    const day = take(readIsoDay(row.get('Date Rated'), 'date rated', now), '', problems);
    const year = take(readYear(row.get('Year')), null, problems);
    const votesText = row.get('Num Votes').trim().replace(/,/g, '');
    const votes = /^\d+$/.test(votesText) ? Number(votesText) : null;
    const review = { author, createdAt: `${day}T00:00:00.000Z`, rating, text: '', spoiler: false };
    if (rating !== null) problems.push(...reviewProblems(review).map(({ why }) => why));
    if (problems.length) {
      batch.problems.push(...problems.map((why) => `${file}:${row.line}: ${why}`));
      continue;
    }
    collector.review(collector.film({ title, year, imdbId, genres: splitList(row.get('Genres')), ratingsCount: votes }), review);
  }
  return { ...batch, films: collector.all() };
}
