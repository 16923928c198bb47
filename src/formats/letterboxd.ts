import { basename } from 'node:path';
import { readIsoDay, readStars, readYear, reviewLimitProblems, tooLong } from '../domain/rules.js';
import { DataError } from '../errors.js';
import { readCsv, type CsvRow } from './csv.js';
import { emptyBatch, FilmCollector, take, type ImportBatch } from './import-batch.js';
import { htmlToText, splitList } from './fields.js';
import { readZip } from './zip.js';
import { NO_PROGRESS, type Progress } from '../io.js';

/** The CSV files of Letterboxd's export, told apart by their columns. */
export type LetterboxdFile = 'reviews' | 'diary' | 'ratings' | 'watched';

export function letterboxdFile(header: readonly string[]): LetterboxdFile | null {
  const has = (name: string): boolean => header.includes(name);
  if (!has('Name') || !has('Date')) return null;
  if (has('Review')) return 'reviews';
  if (has('Watched Date')) return 'diary';
  if (has('Rating')) return 'ratings';
  return 'watched';
}

interface Context {
  file: string;
  author: string;
  /** Dates after it are refused: an entry logs what has happened. */
  now: Date;
  collector: FilmCollector;
  batch: ImportBatch;
  /** Films (by collector identity) that already have a rated entry from this import, and their watched days. */
  rated: Set<object>;
  watched: Map<object, Set<string>>;
}

function readRow(row: CsvRow, kind: LetterboxdFile, context: Context): void {
  const problems: string[] = [];
  const title = row.get('Name').trim();
  if (!title) problems.push('the film has no name');
  const longTitle = tooLong('title', title);
  if (longTitle) problems.push(longTitle);
  const year = take(readYear(row.get('Year')), null, problems);
  const day = take(readIsoDay(row.get('Date'), 'date', context.now), '', problems);
  const rating = kind === 'watched' ? null : take(readStars(row.get('Rating')), null, problems);
  const watchedCell = row.get('Watched Date').trim();
  const watchedDate =
    kind === 'reviews' || kind === 'diary'
      ? watchedCell
        ? take(readIsoDay(watchedCell, 'watched date', context.now), '', problems)
        : ''
      : '';
  const text = kind === 'reviews' ? htmlToText(row.get('Review')) : '';
  if (kind !== 'watched') problems.push(...reviewLimitProblems({ author: context.author, text }).map(({ why }) => why));
  if (problems.length) {
    context.batch.problems.push(...problems.map((why) => `${context.file}:${row.line}: ${why}`));
    return;
  }
  const uri = row.get('Letterboxd URI').trim();
  // Diary and review rows link to the entry, not the film: only the other files name the film's URI.
  const film = context.collector.film({
    title,
    year,
    ...((kind === 'ratings' || kind === 'watched') && uri ? { letterboxdUri: uri } : {}),
  });
  if (kind === 'watched') return;
  const days = context.watched.get(film) ?? new Set<string>();
  if (kind === 'diary' && watchedDate && days.has(watchedDate)) {
    context.batch.ignored.push(`${context.file}:${row.line}: the diary entry is the review already read`);
    return;
  }
  if (kind === 'ratings' && context.rated.has(film)) {
    context.batch.ignored.push(`${context.file}:${row.line}: the rating is already in a review or diary entry`);
    return;
  }
  if (rating === null && !text) {
    context.batch.ignored.push(`${context.file}:${row.line}: no rating and no review (the film is added)`);
    return;
  }
  const tags = splitList(row.get('Tags'));
  context.collector.review(film, {
    author: context.author,
    createdAt: `${day}T00:00:00.000Z`,
    rating,
    text,
    spoiler: false,
    ...(watchedDate ? { watchedDate } : {}),
    ...(row.get('Rewatch').trim().toLowerCase() === 'yes' ? { rewatch: true } : {}),
    ...(tags.length ? { tags } : {}),
  });
  if (watchedDate) context.watched.set(film, days.add(watchedDate));
  if (rating !== null) context.rated.add(film);
}

function readFile(text: string, file: string, context: Omit<Context, 'file'>, progress: Progress): void {
  progress.step(`Reading ${basename(file)}`, 'rows');
  const table = readCsv(text, file);
  const kind = letterboxdFile(table.header);
  if (!kind) {
    throw new DataError(
      `${file}: not a Letterboxd export file (its columns are ${table.header.join(',')})`,
      'import diary.csv, reviews.csv, ratings.csv, watched.csv, watchlist.csv or the export .zip',
    );
  }
  progress.step(`Reading ${basename(file)}`, 'rows', table.rows.length);
  for (const [index, row] of table.rows.entries()) {
    readRow(row, kind, { ...context, file });
    progress.advance(index + 1, context.collector.found());
  }
}

const newContext = (author: string, now: Date): Omit<Context, 'file'> => ({
  author,
  now,
  collector: new FilmCollector(),
  batch: emptyBatch('partial'),
  rated: new Set(),
  watched: new Map(),
});

/** One of Letterboxd's CSV files; dates after `now` are bad rows. */
export function parseLetterboxdCsv(text: string, file: string, author: string, now: Date, progress = NO_PROGRESS): ImportBatch {
  const context = newContext(author, now);
  readFile(text, file, context, progress);
  return { ...context.batch, films: context.collector.all() };
}

/** The order that lets each file skip what an earlier one already said. */
const ZIP_FILES = ['reviews.csv', 'diary.csv', 'ratings.csv', 'watched.csv', 'watchlist.csv'] as const;

const wanted = (name: string): boolean =>
  /(^|\/)(reviews|diary|ratings|watched|watchlist|profile)\.csv$/.test(name) && !/(^|\/)(deleted|orphaned|likes|lists)\//.test(name);

/**
 * Letterboxd's whole export .zip: the author is the profile's username unless one is given.
 * Its CSV files may inflate to `maxBytes` in all: more text than the largest store could not become one.
 */
export function parseLetterboxdZip(
  zip: Uint8Array,
  file: string,
  author: string | null,
  fallbackAuthor: string,
  now: Date,
  maxBytes: number,
  progress = NO_PROGRESS,
): ImportBatch {
  const entries = readZip(zip, file, wanted, maxBytes);
  const byName = new Map([...entries].map(([name, bytes]) => [name.split('/').pop() as string, new TextDecoder().decode(bytes)]));
  const profile = byName.get('profile.csv');
  const username = profile ? readCsv(profile, `${file}/profile.csv`).rows[0]?.get('Username').trim() : undefined;
  const context = newContext(author ?? (username || fallbackAuthor), now);
  const found = ZIP_FILES.filter((name) => byName.has(name));
  if (found.length === 0)
    throw new DataError(`${file}: no Letterboxd files in the zip`, 'it should hold diary.csv, reviews.csv, ratings.csv, watched.csv');
  for (const name of found) readFile(byName.get(name) as string, `${file}/${name}`, context, progress);
  return { ...context.batch, films: context.collector.all() };
}
