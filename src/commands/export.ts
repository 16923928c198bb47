import { stat, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { findFilm } from '../domain/lookup.js';
import type { Film } from '../domain/model.js';
import { FilmsError } from '../errors.js';
import { exportCsv } from '../formats/csv-export.js';
import type { ExportFormat } from '../formats/format-names.js';
import { bySlug, exportChunks, exportNdjson } from '../formats/json-export.js';
import { exportLetterboxd, exportLetterboxdWatchlist } from '../formats/letterboxd-export.js';
import type { Deps } from '../io.js';
import { holdsUnsafe, safeText, terminalJson } from '../render/safe-text.js';
import { writeFileAtomically } from '../store/atomic-write.js';
import { isDiskFull, reason } from '../store/errno.js';
import { plural } from '../domain/numbers.js';
import { readStore, sameFile } from '../store/file.js';
import { you } from './you.js';

export interface ExportCommandOptions {
  store: string;
  out: string | null;
  films: string[];
  format: ExportFormat;
  /** Whose diary the Letterboxd layouts export; null for you. */
  author: string | null;
}

/** The output a piece at a time: the JSON document of a large store never exists as one string. */
function render(format: ExportFormat, films: readonly Film[], author: () => string): Iterable<string> {
  switch (format) {
    case 'json':
      return exportChunks(films);
    case 'ndjson':
      return [exportNdjson(films)];
    case 'csv':
      return [exportCsv(bySlug(films))];
    case 'letterboxd':
      return [exportLetterboxd(films, author())];
    case 'letterboxd-watchlist':
      return [exportLetterboxdWatchlist(films, author())];
  }
}

function* escaped(pieces: Iterable<string>, escape: (piece: string) => string): Generator<string> {
  for (const piece of pieces) yield escape(piece);
}

/**
 * What a terminal gets: nothing it would act on (escape sequences, bidi controls, hidden text).
 * JSON can say the same data with escapes (\u009b), so it is escaped; CSV has no escapes, and
 * changing its bytes would hand over different data, so a CSV holding such characters is refused,
 * as curl refuses binary output at a terminal. Files and pipes get the exact bytes.
 */
function forTerminal(format: ExportFormat, pieces: Iterable<string>): Iterable<string> {
  if (format === 'json' || format === 'ndjson') return escaped(pieces, terminalJson);
  const document = [...pieces];
  if (document.some(holdsUnsafe)) {
    throw new FilmsError(
      `not printing the ${format === 'csv' ? 'CSV' : 'Letterboxd CSV'} to a terminal: it holds control or invisible characters the terminal would act on`,
      'pass --out FILE or pipe it',
    );
  }
  return document;
}

/**
 * A file is replaced whole or not at all (temp file, every byte, fsync, rename), so a failed export
 * (a full disk) leaves an earlier one as it was; a pipe or a device (/dev/stdout) is written as it is.
 */
async function writeOut(target: string, pieces: Iterable<string>): Promise<void> {
  const stats = await stat(target).catch(() => null);
  if (stats && !stats.isFile()) await writeFile(target, pieces, 'utf8');
  else await writeFileAtomically(target, pieces);
}

export async function run(options: ExportCommandOptions, deps: Deps): Promise<void> {
  const { io, cwd } = deps;
  const { films } = await readStore(options.store);
  const chosen = options.films.length ? [...new Set(options.films.map((query) => findFilm(films, query)))] : films;
  let author = options.author;
  const pieces = render(options.format, chosen, () => (author ??= you(deps)));
  if (options.out === null) {
    for (const piece of io.isStdoutTTY ? forTerminal(options.format, pieces) : pieces) io.out.write(piece);
    return;
  }
  const target = resolve(cwd, options.out);
  if (sameFile(target, options.store)) {
    throw new FilmsError(
      `not exporting over the store ${target} itself`,
      'choose another path with --out (films writes the store only under its lock)',
    );
  }
  try {
    await writeOut(target, pieces);
  } catch (error) {
    const fix = isDiskFull(error) ? 'free some space, or choose another path with --out' : 'choose another path with --out';
    throw new FilmsError(`cannot write ${target} (${reason(error)})`, `nothing was written (an earlier file is unchanged); ${fix}`);
  }
  const what =
    author === null
      ? plural(chosen.length, 'film')
      : `the ${options.format === 'letterboxd' ? 'diary and ratings' : 'watchlist'} of ${author}`;
  io.err.write(`Exported ${safeText(what)} to ${safeText(target)}\n`);
}
