import type { Command } from 'commander';
import type { Deps } from '../io.js';
import { parseCount } from './flag-values.js';
import { storeFor } from './store-path.js';

export interface ShowCommandOptions {
  store: string;
  film: string;
  json: boolean;
  full: boolean;
  spoilers: boolean;
  limit: number | null;
}

export function register(program: Command, deps: Deps): void {
  program
    .command('show')
    .description("print a film's details, ratings and reviews")
    .argument('<film>', 'slug, title or the start of either')
    .option('--limit <n>', 'show at most N reviews', parseCount, 10)
    .option('--all', 'show every review')
    .option('--full', 'show whole review texts')
    .option('--spoilers', 'show the texts of reviews marked as spoilers')
    .option('--json', 'print the film as JSON')
    .action(async (film: string, flags: { limit: number; all?: boolean; full?: boolean; spoilers?: boolean; json?: boolean }, command: Command) => {
      const limit = flags.all ? null : flags.limit;
      await run({ store: storeFor(command, deps), film, json: Boolean(flags.json), full: Boolean(flags.full), spoilers: Boolean(flags.spoilers), limit }, deps);
    });
}

export async function run(options: ShowCommandOptions, { io }: Deps): Promise<void> {
  // Each import is a file to read: start them together, and load the renderer while the store is read.
  const renderer = options.json ? null : import('../render/film.js');
  const [{ readStore }, { findFilm }] = await Promise.all([import('../store/file.js'), import('../domain/lookup.js')]);
  const film = findFilm((await readStore(options.store)).films, options.film);
  if (renderer === null) {
    const { filmJson, toJson } = await import('../formats/json-export.js');
    io.out.write(`${toJson(filmJson(film))}\n`);
    return;
  }
  const { renderFilm } = await renderer;
  io.out.write(renderFilm(film, { limit: options.limit, full: options.full, spoilers: options.spoilers, width: io.columns, color: io.color }));
}
