import { basename } from 'node:path';
import { IMDB_ID, TMDB_ID } from '../domain/model.js';
import { normaliseText, readIsoDay, readRating, readStars, readYear, reviewProblems, tooLong, type Reading } from '../domain/rules.js';
import { DataError } from '../errors.js';
import { headerOf, linesIn, readCsv, type CsvRow } from './csv.js';
import { htmlToText, readFlag, splitList } from './fields.js';
import { badRow, emptyBatch, FilmCollector, take, type FilmDetails, type ImportBatch } from './import-batch.js';
import { importText } from './import-text.js';
import { readZip } from './zip.js';
import { NO_PROGRESS, type Progress, type ReadOptions } from '../progress.js';

/**
 * Letterboxd's files. Its export: diary.csv (a row per diary entry), reviews.csv (the entries and
 * reviews with text, as HTML), ratings.csv (each film's current rating), and the lists of films
 * watched.csv, watchlist.csv and likes/films.csv. Its import layout (Title, Year, imdbID, tmdbID,
 * LetterboxdURI, Directors, Rating or Rating10, WatchedDate, Rewatch, Tags, Review), which
 * `films export --format letterboxd` writes.
 */
export type LetterboxdFile = 'reviews' | 'diary' | 'ratings' | 'films' | 'import';

/** What a list of films marks: watched.csv, watchlist.csv and likes/films.csv have the same columns, so their names tell. */
export type FilmList = 'watched' | 'watchlist' | 'liked';

const IMPORT_IDS = ['Title', 'LetterboxdURI', 'imdbID', 'tmdbID'];

export function letterboxdFile(header: readonly string[]): LetterboxdFile | null {
  const has = (name: string): boolean => header.includes(name);
  if (has('Name') && has('Date')) {
    if (has('Review')) return 'reviews';
    if (has('Watched Date')) return 'diary';
    if (has('Rating')) return 'ratings';
    return 'films';
  }
  return IMPORT_IDS.some(has) && !has('Name') && !has('Const') ? 'import' : null;
}

/** The list a file of films is, by its name (…watchlist…, likes/films.csv, …likes…), or the watchlist when asked. */
export function filmListOf(file: string, watchlist: boolean): FilmList {
  const name = file.split(/[\\/]/).pop() ?? file;
  if (watchlist || /watchlist/i.test(name)) return 'watchlist';
  return /likes/i.test(name) || /(^|[\\/])likes[\\/]films\.csv$/i.test(file) ? 'liked' : 'watched';
}

interface Context {
  file: string;
  author: string;
  /** Dates after it are refused: an entry logs what has happened. */
  now: Date;
  list: FilmList;
  collector: FilmCollector;
  batch: ImportBatch;
}

/** An older export's entry link names its film: letterboxd.com/<member>/film/<film>/[n/] is letterboxd.com/film/<film>/. */
function filmOfEntryLink(link: string): string | undefined {
  const match = /^https?:\/\/(?:www\.)?letterboxd\.com\/[^/]+\/film\/([^/]+)\/(?:\d+\/)?$/i.exec(link);
  return match ? `https://letterboxd.com/film/${match[1] as string}/` : undefined;
}

const midnight = (day: string): string => `${day}T00:00:00.000Z`;

/** Whether the row broke no rule; if it did, it is a bad row. */
function rowOk(row: CsvRow, problems: readonly string[], context: Context): boolean {
  badRow(context.batch, `${context.file}:${row.line}`, problems);
  return problems.length === 0;
}

function titleProblems(title: string, problems: string[], column = 'name'): void {
  if (!title) problems.push(`the film has no ${column}`);
  const long = tooLong('title', title);
  if (long) problems.push(long);
}

/** A row of the export's own files: entries, reviews, ratings, or a film on a list. */
function readExportRow(row: CsvRow, kind: Exclude<LetterboxdFile, 'import'>, context: Context): void {
  const { author, collector } = context;
  const problems: string[] = [];
  const title = row.get('Name').trim();
  titleProblems(title, problems);
  const year = take(readYear(row.get('Year')), null, problems);
  const day = take(readIsoDay(row.get('Date'), 'date', context.now), '', problems);
  const link = row.get('Letterboxd URI').trim();
  // Entries (diary, reviews) link to themselves; only the other files name the film's URI.
  const entry = kind === 'diary' || kind === 'reviews';
  const filmUri = entry ? filmOfEntryLink(link) : link || undefined;
  const details: FilmDetails = { title, year, ...(filmUri ? { letterboxdUri: filmUri } : {}) };
  if (kind === 'films') {
    if (!rowOk(row, problems, context)) return;
    const film = collector.film(details, `${context.file}:${row.line}`);
    if (context.list === 'watchlist') collector.mark(film, { author, watchlistedAt: midnight(day) });
    else collector.mark(film, { author, [context.list]: true });
    return;
  }
  const rating = take(readStars(row.get('Rating')), null, problems);
  if (kind === 'ratings') {
    if (rating === null && !problems.length) problems.push('the rating is empty');
    if (!rowOk(row, problems, context)) return;
    collector.review(collector.film(details, `${context.file}:${row.line}`), {
      author,
      createdAt: midnight(day),
      rating,
      text: '',
      spoiler: false,
    });
    return;
  }
  const watchedCell = row.get('Watched Date').trim();
  const watchedDate = watchedCell ? take(readIsoDay(watchedCell, 'watched date', context.now), '', problems) : undefined;
  const text = kind === 'reviews' ? htmlToText(row.get('Review')) : '';
  const tags = splitList(row.get('Tags'));
  const review = {
    author,
    createdAt: midnight(day),
    rating,
    text,
    spoiler: false,
    ...(watchedDate ? { watchedDate } : {}),
    ...(row.get('Rewatch').trim().toLowerCase() === 'yes' ? { rewatch: true } : {}),
    ...(tags.length ? { tags } : {}),
    ...(link ? { letterboxdUri: link } : {}),
  };
  problems.push(...reviewProblems(review).map(({ why }) => why));
  if (!rowOk(row, problems, context)) return;
  collector.review(collector.film(details, `${context.file}:${row.line}`), review);
}

/** An id cell: empty, or an id of this shape (`what` says which). */
function readId(value: string, shape: RegExp, what: string): Reading<string | undefined> {
  const id = value.trim();
  if (!id) return { ok: true, value: undefined };
  return shape.test(id) ? { ok: true, value: id } : { ok: false, why: `"${id}" is not ${what}` };
}

/**
 * A row of Letterboxd's import layout: with a WatchedDate a diary entry; without one, a review
 * (Review text), a plain rating (Rating or Rating10 alone), or a film watched (nothing else); on a
 * watchlist, a film on the watchlist. The layout has no time a row was logged: entries stand at
 * their day, the rest at the import's time, and are matched without it.
 */
function readImportRow(row: CsvRow, context: Context): void {
  const { author, collector, now } = context;
  const problems: string[] = [];
  const title = row.get('Title').trim();
  titleProblems(title, problems, 'title');
  const year = take(readYear(row.get('Year')), null, problems);
  const imdbId = take(readId(row.get('imdbID'), IMDB_ID, 'an IMDb id (tt followed by digits)'), undefined, problems);
  const tmdbId = take(readId(row.get('tmdbID'), TMDB_ID, 'a TMDB id (digits)'), undefined, problems);
  const letterboxdUri = row.get('LetterboxdURI').trim() || undefined;
  const details: FilmDetails = {
    title,
    year,
    ...(imdbId ? { imdbId } : {}),
    ...(tmdbId ? { tmdbId } : {}),
    ...(letterboxdUri ? { letterboxdUri } : {}),
  };
  if (context.list === 'watchlist') {
    if (!rowOk(row, problems, context)) return;
    collector.mark(collector.film(details, `${context.file}:${row.line}`), { author, watchlistedAt: now.toISOString() });
    return;
  }
  const tenths = row.get('Rating10').trim();
  const rating = take(tenths ? readRating(tenths) : readStars(row.get('Rating')), null, problems);
  const watchedCell = row.get('WatchedDate').trim();
  const watchedDate = watchedCell ? take(readIsoDay(watchedCell, 'WatchedDate', now), '', problems) : undefined;
  const rewatch = take(readFlag(row.get('Rewatch'), 'Rewatch'), false, problems);
  const tags = splitList(row.get('Tags'));
  const text = normaliseText(row.get('Review'));
  const day = watchedDate ? midnight(watchedDate) : now.toISOString();
  const review = {
    author,
    createdAt: day < now.toISOString() ? day : now.toISOString(),
    rating,
    text,
    spoiler: false,
    ...(watchedDate ? { watchedDate } : {}),
    ...(rewatch ? { rewatch } : {}),
    ...(tags.length ? { tags } : {}),
    undated: true as const,
  };
  const says = Boolean(watchedDate ?? text) || rating !== null;
  if (says) problems.push(...reviewProblems(review).map(({ why }) => why));
  if (!rowOk(row, problems, context)) return;
  const film = collector.film(details, `${context.file}:${row.line}`);
  if (says) collector.review(film, review);
  else collector.mark(film, { author, watched: true });
}

function readFile(text: string, file: string, context: Omit<Context, 'file'>, progress: Progress): void {
  // Rows are taken one at a time, their number unknown ahead: the bar counts the file's lines.
  progress.step(`Reading ${basename(file)}`, 'lines', linesIn(text));
  readCsv(text, file, (header) => {
    const kind = letterboxdFile(header);
    if (!kind) {
      throw new DataError(
        `${file}: not a Letterboxd file (its columns are ${header.join(',')})`,
        'import diary.csv, reviews.csv, ratings.csv, watched.csv, watchlist.csv, the export .zip, or Letterboxd’s import layout',
      );
    }
    const rowContext = { ...context, file };
    return (row) => {
      if (kind === 'import') readImportRow(row, rowContext);
      else readExportRow(row, kind, rowContext);
      progress.advance(row.line, context.collector.found());
    };
  });
}

const newContext = (author: string, now: Date, list: FilmList): Omit<Context, 'file'> => ({
  author,
  now,
  list,
  collector: new FilmCollector(),
  batch: emptyBatch('partial'),
});

/** One Letterboxd CSV file; `watchlist`: a list of films (or the import layout) is a watchlist whatever its name. */
export function parseLetterboxdCsv(text: string, file: string, author: string, now: Date, options: ReadOptions = {}): ImportBatch {
  const { watchlist = false, progress = NO_PROGRESS } = options;
  const kind = letterboxdFile(headerOf(text));
  if (watchlist && (kind === 'reviews' || kind === 'diary' || kind === 'ratings')) {
    throw new DataError(
      `${file} is Letterboxd's ${kind}.csv, not a list of films: --watchlist does not fit it`,
      'import it without --watchlist',
    );
  }
  const context = newContext(author, now, filmListOf(file, watchlist));
  readFile(text, file, context, progress);
  return { ...context.batch, films: context.collector.all() };
}

/** The files of the export .zip films reads; the others (comments, lists, deleted and orphaned entries) are not a diary. */
const ZIP_FILES = ['reviews.csv', 'diary.csv', 'ratings.csv', 'watched.csv', 'watchlist.csv', 'likes/films.csv'] as const;

/**
 * Letterboxd's whole export .zip, whose entries, ratings and lists are `author`'s. Its CSV files may
 * inflate to `maxBytes` in all: more text than the largest store could not become one.
 */
export function parseLetterboxdZip(
  zip: Uint8Array,
  file: string,
  author: string,
  now: Date,
  maxBytes: number,
  progress = NO_PROGRESS,
): ImportBatch {
  const nameOf = (path: string): string | undefined =>
    /(^|\/)(deleted|orphaned)\//.test(path) ? undefined : ZIP_FILES.find((name) => path === name || path.endsWith(`/${name}`));
  const entries = readZip(zip, file, (path) => nameOf(path) !== undefined, maxBytes);
  const byName = new Map([...entries].map(([path, bytes]) => [nameOf(path) as string, importText(bytes, `${file}/${path}`)]));
  const found = ZIP_FILES.filter((name) => byName.has(name));
  if (found.length === 0)
    throw new DataError(`${file}: no Letterboxd files in the zip`, 'it should hold diary.csv, reviews.csv, ratings.csv, watched.csv');
  const context = newContext(author, now, 'watched');
  for (const name of found)
    readFile(byName.get(name) as string, `${file}/${name}`, { ...context, list: filmListOf(name, false) }, progress);
  return { ...context.batch, films: context.collector.all() };
}
