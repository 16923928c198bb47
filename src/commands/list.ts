import type { Command } from 'commander';
import type { Deps } from '../io.js';
import { UsageError } from '../errors.js';
import { parseCount, storeFor } from './options.js';

export interface ListCommandOptions {
  store: string;
  output: 'table' | 'json' | 'ndjson';
  limit: number | null;
}

export function register(program: Command, deps: Deps): void {
  program
    .command('list')
    .alias('ls')
    .description('list the films in the store')
    .option('--limit <n>', 'list at most N films', parseCount)
    .option('--json', 'print a JSON array of films')
    .option('--ndjson', 'print one JSON film per line')
    .action(async (flags: { limit?: number; json?: boolean; ndjson?: boolean }, command: Command) => {
      if (flags.json && flags.ndjson) throw new UsageError('--json and --ndjson cannot be used together', 'choose one');
      const output = flags.json ? 'json' : flags.ndjson ? 'ndjson' : 'table';
      await run({ store: storeFor(command, deps), output, limit: flags.limit ?? null }, deps);
    });
}

export async function run(options: ListCommandOptions, { io }: Deps): Promise<void> {
  const { readStore } = await import('../store/file.js');
  const { films } = await readStore(options.store);
  const shown = options.limit === null ? films : films.slice(0, options.limit);
  if (options.output !== 'table') {
    const { filmJson, toJson } = await import('../render/json.js');
    const docs = shown.map(filmJson);
    io.out.write(options.output === 'json' ? `${toJson(docs)}\n` : docs.map((doc) => `${toJson(doc, 0)}\n`).join(''));
    return;
  }
  const { renderFilmList } = await import('../render/film-list.js');
  io.out.write(renderFilmList(shown, films.length, { width: io.columns, color: io.color }));
}
