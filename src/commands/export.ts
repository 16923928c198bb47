import { writeFile } from 'node:fs/promises';
import { Option, type Command } from 'commander';
import { FilmsError } from '../errors.js';
import type { Deps } from '../io.js';
import type { Film } from '../store/schema.js';
import { collect, storeFor } from './options.js';

export const EXPORT_FORMATS = ['json', 'ndjson', 'csv', 'letterboxd'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportCommandOptions {
  store: string;
  out: string | null;
  films: string[];
  format: ExportFormat;
}

export function register(program: Command, deps: Deps): void {
  program
    .command('export')
    .description('print the whole store: our JSON export document, NDJSON, CSV, or Letterboxd\'s import CSV')
    .addOption(new Option('--format <format>', 'json (the export document), ndjson (a film per line), csv (a review per row), letterboxd').choices(EXPORT_FORMATS).default('json'))
    .option('--out <file>', 'write to a file instead of stdout')
    .option('--film <film>', 'export only this film (repeatable)', collect, [])
    .action(async (flags: { out?: string; film: string[]; format: ExportFormat }, command: Command) => {
      await run({ store: storeFor(command, deps), out: flags.out ?? null, films: flags.film, format: flags.format }, deps);
    });
}

/** The output a piece at a time: the JSON document of a large store never exists as one string. */
async function render(format: ExportFormat, films: readonly Film[]): Promise<Iterable<string>> {
  const { bySlug, exportChunks, exportNdjson } = await import('../render/json.js');
  if (format === 'json') return exportChunks(films);
  if (format === 'ndjson') return [exportNdjson(films)];
  const { exportCsv, exportLetterboxd } = await import('../formats/csv-export.js');
  return [format === 'csv' ? exportCsv(bySlug(films)) : exportLetterboxd(bySlug(films))];
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
async function forTerminal(format: ExportFormat, pieces: Iterable<string>): Promise<Iterable<string>> {
  const { holdsUnsafe, terminalJson } = await import('../render/safe-text.js');
  if (format === 'json' || format === 'ndjson') return escaped(pieces, terminalJson);
  const document = [...pieces];
  if (document.some(holdsUnsafe)) {
    throw new FilmsError(`not printing the ${format === 'csv' ? 'CSV' : 'Letterboxd CSV'} to a terminal: it holds control or invisible characters the terminal would act on`, 'pass --out FILE or pipe it');
  }
  return document;
}

export async function run(options: ExportCommandOptions, { io, cwd }: Deps): Promise<void> {
  const { readStore } = await import('../store/file.js');
  const { findFilm } = await import('../domain/lookup.js');
  const { films } = await readStore(options.store);
  const chosen = options.films.length ? [...new Set(options.films.map((query) => findFilm(films, query)))] : films;
  const pieces = await render(options.format, chosen);
  if (options.out === null) {
    for (const piece of io.isStdoutTTY ? await forTerminal(options.format, pieces) : pieces) io.out.write(piece);
    return;
  }
  const { resolve } = await import('node:path');
  const target = resolve(cwd, options.out);
  try {
    await writeFile(target, pieces, 'utf8');
  } catch (error) {
    const { reason } = await import('../store/errno.js');
    throw new FilmsError(`cannot write ${target} (${reason(error)})`, 'choose another path with --out');
  }
  const { safeText } = await import('../render/safe-text.js');
  io.err.write(`Exported ${chosen.length} film${chosen.length === 1 ? '' : 's'} to ${safeText(target)}\n`);
}
