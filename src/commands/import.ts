import { mergeFilms, type AmbiguousFilm, type ImportSummary } from '../domain/merge.js';
import type { StoreData } from '../domain/model.js';
import { readAuthor } from '../domain/rules.js';
import { DataError, UsageError } from '../errors.js';
import { headerOf } from '../formats/csv.js';
import { IMPORT_FORMATS, type ImportFormat } from '../formats/format-names.js';
import { isImdbHeader, parseImdbCsv } from '../formats/imdb.js';
import { importText } from '../formats/import-text.js';
import type { ImportBatch } from '../formats/import-batch.js';
import { parseExportJson } from '../formats/json-import.js';
import { letterboxdFile, parseLetterboxdCsv, parseLetterboxdZip } from '../formats/letterboxd.js';
import { readPage } from '../formats/page.js';
import type { Deps } from '../io.js';
import type { Progress } from '../progress.js';
import { groupDigits, plural } from '../domain/numbers.js';
import { safeText } from '../render/safe-text.js';
import { readStore, updateStore } from '../store/file.js';
import { MAX_STORE_BYTES } from '../store/schema.js';
import { checkImportedFilm } from '../store/validate.js';
import { you } from './you.js';
import { readInput, type InputLimit } from './read-input.js';
import { storeWriter } from './store-writer.js';
import { say, warn } from './warn.js';

export interface ImportCommandOptions {
  store: string;
  file: string;
  format: ImportFormat | null;
  author: string | null;
  dryRun: boolean;
  skipInvalid: boolean;
  /** The file (a list of films) is a watchlist whatever its name. */
  watchlist: boolean;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** Nothing larger than a store could become one: a device or an endless stdin stops at the store's ceiling. */
const IMPORT_LIMIT: InputLimit = {
  maxBytes: MAX_STORE_BYTES,
  tooLarge: (file) =>
    new DataError(`${file} is larger than the ~512 MB a films store can hold`, 'nothing was imported; split it into smaller files'),
};

const isZip = (bytes: Uint8Array): boolean => ZIP_MAGIC.every((byte, i) => bytes[i] === byte);

/** The format a file's content shows: a zip, JSON, a known CSV header, or a film page. `text`: the file's (none for a zip). */
export async function detectFormat(
  file: string,
  bytes: Uint8Array,
  text = isZip(bytes) ? '' : importText(bytes, file),
): Promise<ImportFormat> {
  if (isZip(bytes)) return 'letterboxd';
  const head = text.slice(0, 4096);
  if (/^\s*[[{]/.test(head)) return 'json';
  const header = headerOf(head);
  if (isImdbHeader(header)) return 'imdb';
  if (letterboxdFile(header)) return 'letterboxd';
  if (file.toLowerCase().endsWith('.txt') || /^Cast \(\d+\)\s*$/m.test(head)) return 'page';
  // Excel saves "CSV" with semicolons where the decimal mark is a comma (Italy, France, Germany…), and "Unicode text" with tabs.
  const firstLine = head.split(/\r?\n/, 1)[0] ?? '';
  const separator = firstLine.includes(',') ? undefined : [';', '\t'].find((candidate) => firstLine.includes(candidate));
  if (separator) {
    throw new DataError(
      `cannot tell the format of ${file}: its columns are separated by ${separator === ';' ? 'semicolons' : 'tabs'}, not commas`,
      'save it as CSV with commas (in Excel: "CSV UTF-8 (Comma delimited)"), or export it again from Letterboxd or IMDb',
    );
  }
  throw new DataError(`cannot tell the format of ${file}`, `pass --format (${IMPORT_FORMATS.join(', ')})`);
}

async function readBatch(
  format: ImportFormat,
  bytes: Uint8Array,
  text: string,
  options: ImportCommandOptions,
  author: () => string,
  now: Date,
  progress: Progress,
): Promise<ImportBatch> {
  if (options.watchlist && (format === 'json' || format === 'page')) {
    throw new UsageError(
      `--watchlist is for a list of films (Letterboxd's or IMDb's), not ${format === 'json' ? 'our export' : 'a film page'}`,
      'leave it out',
    );
  }
  switch (format) {
    case 'json':
      return parseExportJson(text, options.file, checkImportedFilm, progress);
    case 'page':
      return readPage(text, options.file);
    case 'imdb':
      return parseImdbCsv(text, options.file, author(), now, { watchlist: options.watchlist, progress });
    case 'letterboxd':
      if (isZip(bytes)) return parseLetterboxdZip(bytes, options.file, author(), now, MAX_STORE_BYTES, progress);
      return parseLetterboxdCsv(text, options.file, author(), now, { watchlist: options.watchlist, progress });
  }
}

const MAX_LISTED = 20;

function describeSummary(summary: ImportSummary, batch: ImportBatch, dryRun: boolean): string {
  const reviews = [
    `${groupDigits(summary.reviewsAdded)} added`,
    ...(summary.reviewsUpdated ? [`${groupDigits(summary.reviewsUpdated)} updated`] : []),
    `${groupDigits(summary.reviewsSkipped)} skipped (already in the store)`,
    ...(summary.reviewsRemoved
      ? [`${plural(summary.reviewsRemoved, 'plain rating')} dropped (diary entries give ${summary.reviewsRemoved === 1 ? 'it' : 'them'})`]
      : []),
  ];
  const { watchlist, watched, liked } = summary.marked;
  const marks = [
    ...(watchlist ? [`${groupDigits(watchlist)} on a watchlist`] : []),
    ...(watched ? [`${groupDigits(watched)} watched`] : []),
    ...(liked ? [`${groupDigits(liked)} liked`] : []),
  ];
  const ambiguousRows = summary.ambiguous.reduce((sum, film) => sum + film.rows.length, 0);
  const lines = [
    `${dryRun ? 'Would import' : 'Imported'}: films ${groupDigits(summary.filmsAdded.length)} added, ${groupDigits(summary.filmsUpdated.length)} updated, ${groupDigits(summary.filmsUnchanged.length)} unchanged; ` +
      `reviews ${reviews.join(', ')}${marks.length ? `; marked ${marks.join(', ')}` : ''}` +
      (ambiguousRows ? `; ${plural(ambiguousRows, 'row')} matched several films and kept apart (see the warnings)` : ''),
  ];
  if (dryRun) {
    for (const [verb, slugs] of [
      ['add', summary.filmsAdded],
      ['update', summary.filmsUpdated],
    ] as const) {
      if (slugs.length)
        lines.push(
          `  would ${verb}: ${slugs.slice(0, MAX_LISTED).join(', ')}${slugs.length > MAX_LISTED ? `, and ${groupDigits(slugs.length - MAX_LISTED)} more` : ''}`,
        );
    }
    lines.push('Nothing was written (--dry-run).');
  }
  if (batch.problems.length) lines.push(`Skipped ${plural(batch.problems.length, 'bad row')} (--skip-invalid):`);
  return lines.join('\n');
}

export async function run(options: ImportCommandOptions, deps: Deps): Promise<void> {
  const { io } = deps;
  if (options.author !== null) {
    const author = readAuthor(options.author);
    if (!author.ok) throw new UsageError(`--author: ${author.why}`, 'pass the name on one line');
  }
  const bytes = await readInput(options.file, deps, IMPORT_LIMIT);
  const text = isZip(bytes) ? '' : importText(bytes, options.file);
  const format = options.format ?? (await detectFormat(options.file, bytes, text));
  // The file is parsed outside the lock (a large one takes seconds), so a dry run comes from one read
  // made before it; a real import re-reads under the lock as every write does.
  let before: Promise<StoreData> | undefined;
  const storeBefore = (): Promise<StoreData> => (before ??= readStore(options.store));
  // A line on stderr at a terminal once the work has taken a second; whatever is printed erases it.
  const progress = io.progress();
  const batch = await readBatch(format, bytes, text, options, () => options.author ?? you(deps), deps.now(), progress);
  for (const warning of batch.warnings) warn(io, warning);
  if (batch.problems.length && !options.skipInvalid) {
    for (const problem of batch.problems.slice(0, MAX_LISTED)) io.err.write(`${safeText(problem)}\n`);
    const more = batch.problems.length > MAX_LISTED ? ` (the first ${MAX_LISTED} are listed)` : '';
    throw new DataError(
      `${options.file} has ${plural(batch.problems.length, 'bad row')}${more}; nothing was imported`,
      'fix them, or pass --skip-invalid to import the rest',
    );
  }
  const merge = (data: StoreData) => {
    progress.step('Merging', 'films', batch.films.length);
    const change = mergeFilms(data, batch.films, batch.mode, (done) => progress.advance(done));
    progress.step('Writing the store', '');
    return change;
  };
  const summary = options.dryRun ? merge(await storeBefore()).result : await updateStore(options.store, storeWriter(deps), merge);
  progress.end();
  for (const film of summary.ambiguous) warnAmbiguous(io, film, options.file);
  say(io, safeText(describeSummary(summary, batch, options.dryRun), { multiline: true }));
  // `file:line: why`, each wrapped under its start (scripts read --json, or the refusal without --skip-invalid).
  for (const problem of batch.problems.slice(0, MAX_LISTED)) say(io, `  ${safeText(problem)}`);
}

/** One line per row (or for the file, when its films have no rows: a page, our export) whose title and year name several films. */
function warnAmbiguous(io: Deps['io'], film: AmbiguousFilm, file: string): void {
  const named = `${film.title}${film.year === null ? '' : ` (${film.year})`}`;
  const byHand = `move it by hand ('films log' or 'films rate' that film, then 'films remove ${film.slug}')`;
  const fix = film.rows.length ? `give the row that film's id (LetterboxdURI or imdbID), or ${byHand}` : byHand;
  for (const row of film.rows.length ? film.rows : [file]) {
    warn(
      io,
      `${row}: ${named} matches ${film.matches.length} films: ${film.matches.join(', ')} — kept as a film of its own, ${film.slug}; to put it on one of them, ${fix}`,
    );
  }
}
