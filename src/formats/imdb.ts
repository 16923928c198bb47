import { basename } from 'node:path';
import { IMDB_ID } from '../domain/model.js';
import { readCount, readCTime, readIsoDay, readRating, readYear, reviewProblems, tooLong, type Reading } from '../domain/rules.js';
import { isKnownTitleType, readTitleType } from '../domain/title-types.js';
import { DataError } from '../errors.js';
import { linesIn, readCsv, type CsvRow } from './csv.js';
import { splitList } from './fields.js';
import { badRow, emptyBatch, FilmCollector, take, type ImportBatch } from './import-batch.js';
import { NO_PROGRESS, type ReadOptions } from '../progress.js';

/**
 * IMDb's CSV exports, every layout: ratings (Const, Your Rating, Date Rated, Title, …; since 2024
 * also Original Title, and lately Main Actors), lists and the watchlist (Position, Const, Created,
 * …, Title, …, and Your Rating when rated), and both before 2017 (position, const, created,
 * modified, description, Title, Title type, Directors, You rated, IMDb Rating, Runtime (mins), Year,
 * Genres, Num. Votes, Release Date (month/day/year), URL). Localised exports keep these column
 * names and translate the values (title types, genres).
 */
const COLUMNS = {
  id: ['Const', 'const'],
  rating: ['Your Rating', 'You rated'],
  rated: ['Date Rated'],
  created: ['Created', 'created'],
  type: ['Title Type', 'Title type'],
  votes: ['Num Votes', 'Num. Votes'],
} as const;

export const isImdbHeader = (header: readonly string[]): boolean =>
  COLUMNS.id.some((name) => header.includes(name)) && header.includes('Title');

/** A cell by whichever of its layouts' names the file has. */
const cell = (row: CsvRow, names: readonly string[]): string => names.map((name) => row.get(name)).find((value) => value !== '') ?? '';

/** A day (2024-03-05) or, before 2017, a C time (Sat Dec 31 00:00:00 2016), as an ISO time; null when empty. */
function readWhen(value: string, what: string, now: Date): Reading<string | null> {
  if (!value.trim()) return { ok: true, value: null };
  if (!/^\d{4}-/.test(value.trim())) return readCTime(value, what, now);
  const day = readIsoDay(value, what, now);
  return day.ok ? { ok: true, value: `${day.value}T00:00:00.000Z` } : day;
}

/** Genres before 2017 were written "sci_fi, film_noir": as the later layouts write them, "Sci-Fi, Film-Noir". */
const laterGenre = (genre: string): string =>
  genre
    .split('_')
    .map((word) => (word === 'tv' ? 'TV' : word.charAt(0).toUpperCase() + word.slice(1)))
    .join('-');

/**
 * IMDb's export: each row a title (known by its tt id; the original title when the file has one,
 * the localised one beside it) and, when rated, its author's plain rating. On a watchlist (by the
 * file's name, or when asked) each title goes on the author's watchlist, from when it was added.
 */
export function parseImdbCsv(text: string, file: string, author: string, now: Date, options: ReadOptions = {}): ImportBatch {
  const { watchlist = false, progress = NO_PROGRESS } = options;
  const onWatchlist = watchlist || /watchlist/i.test(file.split(/[\\/]/).pop() ?? '');
  const batch = emptyBatch('partial');
  const collector = new FilmCollector();
  const unknownTypes = new Set<string>();
  // Rows are taken one at a time, their number unknown ahead: the bar counts the file's lines.
  progress.step(`Reading ${basename(file)}`, 'lines', linesIn(text));
  /** A row; `old`: the layout before 2017, with lower-case names and genres. */
  const readRow = (row: CsvRow, old: boolean): void => {
    progress.advance(row.line, collector.found());
    const problems: string[] = [];
    const imdbId = cell(row, COLUMNS.id).trim();
    if (!IMDB_ID.test(imdbId)) problems.push(`"${imdbId}" is not an IMDb id (tt followed by digits)`);
    const local = row.get('Title').trim();
    const original = row.get('Original Title').trim();
    const title = original || local;
    if (!title) problems.push('the film has no title');
    const longTitle = tooLong('title', title);
    if (longTitle) problems.push(longTitle);
    const ratingCell = cell(row, COLUMNS.rating).trim();
    const rating = ratingCell ? take(readRating(ratingCell), null, problems) : null;
    const rated = take(readWhen(row.get('Date Rated'), 'date rated', now), null, problems);
    const created = take(readWhen(cell(row, COLUMNS.created), 'created', now), null, problems);
    const year = take(readYear(row.get('Year')), null, problems);
    const ratingsCount = take(readCount(cell(row, COLUMNS.votes), 'the number of votes'), null, problems);
    const review = { author, createdAt: rated ?? created ?? now.toISOString(), rating, text: '', spoiler: false };
    if (rating !== null) problems.push(...reviewProblems(review).map(({ why }) => why));
    if (problems.length) {
      badRow(batch, `${file}:${row.line}`, problems);
      return;
    }
    const genres = splitList(row.get('Genres'));
    const titleType = readTitleType(cell(row, COLUMNS.type));
    if (titleType && !isKnownTitleType(titleType)) unknownTypes.add(titleType);
    const film = collector.film(
      {
        title,
        year,
        imdbId,
        ...(titleType ? { titleType } : {}),
        ...(original && local && local !== original ? { localTitle: local } : {}),
        genres: old ? genres.map(laterGenre) : genres,
        cast: splitList(row.get('Main Actors')),
        ratingsCount,
      },
      `${file}:${row.line}`,
    );
    if (rating !== null) collector.review(film, { ...review, ...((rated ?? created) ? {} : { undated: true as const }) });
    if (onWatchlist) collector.mark(film, { author, watchlistedAt: created ?? now.toISOString() });
  };
  readCsv(text, file, (header) => {
    if (!isImdbHeader(header)) {
      throw new DataError(
        `${file}: not an IMDb export (it needs the columns Const and Title)`,
        'export your ratings, a list or your watchlist from IMDb again, or pass --format',
      );
    }
    return (row) => readRow(row, header.includes('const'));
  });
  for (const type of unknownTypes) {
    batch.warnings.push(
      `${file}: the title type "${type}" is not one films knows (in English or as an Italian export writes it); kept as written`,
    );
  }
  return { ...batch, films: collector.all() };
}
