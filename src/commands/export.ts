import { writeFile } from 'node:fs/promises';
import { FilmsError } from '../errors.js';
import type { Deps } from '../io.js';
import type { Film } from '../domain/model.js';
import type { ExportFormat } from '../formats/format-names.js';

export interface ExportCommandOptions {
  store: string;
  out: string | null;
  films: string[];
  format: ExportFormat;
}

/** The output a piece at a time: the JSON document of a large store never exists as one string. */
async function render(format: ExportFormat, films: readonly Film[]): Promise<Iterable<string>> {
  const { bySlug, exportChunks, exportNdjson } = await import('../formats/json-export.js');
  if (format === 'json') return exportChunks(films);
  if (format === 'ndjson') return [exportNdjson(films)];
  if (format === 'csv') return [(await import('../formats/csv-export.js')).exportCsv(bySlug(films))];
  return [(await import('../formats/letterboxd-export.js')).exportLetterboxd(bySlug(films))];
}

export async function run(options: ExportCommandOptions, { io, cwd }: Deps): Promise<void> {
  const { readStore } = await import('../store/file.js');
  const { findFilm } = await import('../domain/lookup.js');
  const { films } = await readStore(options.store);
  const chosen = options.films.length ? [...new Set(options.films.map((query) => findFilm(films, query)))] : films;
  const pieces = await render(options.format, chosen);
  if (options.out === null) {
    for (const piece of pieces) io.out.write(piece);
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
  io.err.write(`Exported ${chosen.length} film${chosen.length === 1 ? '' : 's'} to ${target}\n`);
}
