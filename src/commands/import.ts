import type { Command } from 'commander';
import { Option } from 'commander';
import { DataError } from '../errors.js';
import type { Deps } from '../io.js';
import type { ImportSummary, IncomingFilm } from '../domain/merge.js';
import { readTextInput, storeFor } from './options.js';

export const FORMATS = ['page'] as const;
export type ImportFormat = (typeof FORMATS)[number];

type Parser = (text: string, file: string) => IncomingFilm[];

/** Each format's parser, loaded only when a file of that format is imported. */
const PARSERS: Record<ImportFormat, () => Promise<Parser>> = {
  page: async () => {
    const { parsePage } = await import('../formats/page.js');
    return (text, file) => [parsePage(text, file)];
  },
};

export interface ImportCommandOptions {
  store: string;
  file: string;
  format: ImportFormat | null;
}

export function register(program: Command, deps: Deps): void {
  program
    .command('import')
    .description('add films and reviews from a file (a copied film page)')
    .argument('<file>', 'the file to read, or - for standard input')
    .addOption(new Option('--format <format>', 'the file format (detected when left out)').choices(FORMATS))
    .action(async (file: string, flags: { format?: ImportFormat }, command: Command) => {
      await run({ store: storeFor(command, deps), file, format: flags.format ?? null }, deps);
    });
}

/** A page is the only format so far: a .txt file, or text with a "Cast (N)" line. */
function detectFormat(file: string, text: string): ImportFormat {
  if (file.toLowerCase().endsWith('.txt') || /^Cast \(\d+\)\s*$/m.test(text)) return 'page';
  throw new DataError(`cannot tell the format of ${file}`, `pass --format (${FORMATS.join(', ')})`);
}

export function describeSummary(summary: ImportSummary): string {
  const films = summary.filmsAdded.length + summary.filmsUpdated.length + summary.filmsUnchanged.length;
  const named = [...summary.filmsAdded, ...summary.filmsUpdated, ...summary.filmsUnchanged].join(', ');
  return (
    `Imported ${films} film${films === 1 ? '' : 's'} (${named}): ` +
    `${summary.filmsAdded.length} added, ${summary.filmsUpdated.length} updated, ${summary.filmsUnchanged.length} unchanged; ` +
    `${summary.reviewsAdded} review${summary.reviewsAdded === 1 ? '' : 's'} added, ${summary.reviewsSkipped} already there\n`
  );
}

export async function run(options: ImportCommandOptions, deps: Deps): Promise<void> {
  const text = await readTextInput(options.file, deps);
  const parse = await PARSERS[options.format ?? detectFormat(options.file, text)]();
  const incoming = parse(text, options.file);
  const { updateStore } = await import('../store/file.js');
  const { mergeFilms } = await import('../domain/merge.js');
  const summary = await updateStore(options.store, { pid: deps.pid }, (data) => mergeFilms(data, incoming));
  deps.io.out.write(describeSummary(summary));
}
