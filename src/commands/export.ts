import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { FilmsError } from '../errors.js';
import type { Deps } from '../io.js';
import { collect, storeFor } from './options.js';

export interface ExportCommandOptions {
  store: string;
  out: string | null;
  films: string[];
}

export function register(program: Command, deps: Deps): void {
  program
    .command('export')
    .description('print the whole store as a JSON export document')
    .option('--out <file>', 'write to a file instead of stdout')
    .option('--film <film>', 'export only this film (repeatable)', collect, [])
    .action(async (flags: { out?: string; film: string[] }, command: Command) => {
      await run({ store: storeFor(command, deps), out: flags.out ?? null, films: flags.film }, deps);
    });
}

export async function run(options: ExportCommandOptions, { io, cwd }: Deps): Promise<void> {
  const { readStore } = await import('../store/file.js');
  const { findFilm } = await import('../domain/lookup.js');
  const { exportDocument } = await import('../render/json.js');
  const { films } = await readStore(options.store);
  const chosen = options.films.length ? [...new Set(options.films.map((query) => findFilm(films, query)))] : films;
  const document = exportDocument(chosen);
  if (options.out === null) {
    io.out.write(document);
    return;
  }
  const { resolve } = await import('node:path');
  const target = resolve(cwd, options.out);
  try {
    await writeFile(target, document, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new FilmsError(`cannot write ${target} (${code})`, 'choose another path with --out');
  }
  io.err.write(`Exported ${chosen.length} film${chosen.length === 1 ? '' : 's'} to ${target}\n`);
}
