import { DataError } from '../errors.js';
import { readCsv } from './csv.js';
import { isoDay, optionalYear, splitList } from './fields.js';
import { emptyBatch, FilmCollector, type ImportBatch } from './import-batch.js';

/** Both layouts of IMDb's ratings export share these columns (the 2024 one adds "Original Title"). */
const REQUIRED = ['Const', 'Your Rating', 'Date Rated', 'Title'];

export const isImdbHeader = (header: readonly string[]): boolean => REQUIRED.every((name) => header.includes(name));

/** IMDb's ratings export: each row a film (matched by its tt-id) and its author's rating. */
export function parseImdbCsv(text: string, file: string, author: string): ImportBatch {
  const table = readCsv(text, file);
  if (!isImdbHeader(table.header)) {
    throw new DataError(`${file}: not an IMDb ratings export (it needs the columns ${REQUIRED.join(', ')})`, 'export your ratings from IMDb again, or pass --format');
  }
  const batch = emptyBatch('partial');
  const collector = new FilmCollector();
  for (const row of table.rows) {
    const problems: string[] = [];
    const imdbId = row.get('Const').trim();
    if (!/^tt\d+$/.test(imdbId)) problems.push(`"${imdbId}" is not an IMDb id (tt followed by digits)`);
    const title = row.get('Title').trim() || row.get('Original Title').trim();
    if (!title) problems.push('the film has no title');
    const ratingText = row.get('Your Rating').trim();
    const rating = Number(ratingText);
    if (!/^\d+$/.test(ratingText) || rating < 1 || rating > 10) problems.push(`rating "${ratingText}" is not a whole number from 1 to 10`);
    const day = isoDay(row.get('Date Rated'), 'date rated');
    if (!day.ok) problems.push(day.why);
    const year = optionalYear(row.get('Year'));
    if (!year.ok) problems.push(year.why);
    const votesText = row.get('Num Votes').trim().replace(/,/g, '');
    const votes = /^\d+$/.test(votesText) ? Number(votesText) : null;
    if (problems.length || !day.ok || !year.ok) {
      batch.problems.push(...problems.map((why) => `${file}:${row.line}: ${why}`));
      continue;
    }
    const film = collector.film({ title, year: year.value, imdbId, genres: splitList(row.get('Genres')), ratingsCount: votes });
    collector.review(film, { author, createdAt: `${day.value}T00:00:00.000Z`, rating, text: '', spoiler: false });
  }
  return { ...batch, films: collector.all() };
}
