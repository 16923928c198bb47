import type { Command } from 'commander';
import type { Deps } from '../io.js';
import { UsageError } from '../errors.js';
import { parseCount } from './flag-values.js';
import { storeFor } from './store-path.js';

export interface ListCommandOptions {
  store: string;
  terms: string[];
  sort: string;
  output: 'table' | 'json' | 'ndjson';
  limit: number | null;
}

export function register(program: Command, deps: Deps): void {
  program
    .command('list')
    .alias('ls')
    .description('list films; filter with a query (films list genre:drama year:1960..1969 -country:usa)')
    .argument('[query...]', 'words of the title, or field:value terms (title, slug, genre, country, cast, synopsis, year, rating, reviews); - negates')
    .allowUnknownOption()
    .option('--sort <key>', 'title, year, rating, reviews or added; - first for descending', 'added')
    .option('--limit <n>', 'list at most N films', parseCount)
    .option('--json', 'print a JSON array of films')
    .option('--ndjson', 'print one JSON film per line')
    .action(async (terms: string[], flags: { sort: string; limit?: number; json?: boolean; ndjson?: boolean }, command: Command) => {
      if (flags.json && flags.ndjson) throw new UsageError('--json and --ndjson cannot be used together', 'choose one');
      const output = flags.json ? 'json' : flags.ndjson ? 'ndjson' : 'table';
      await run({ store: storeFor(command, deps), terms, sort: flags.sort, output, limit: flags.limit ?? null }, deps);
    });
}

export async function run(options: ListCommandOptions, { io }: Deps): Promise<void> {
  const { readStore } = await import('../store/file.js');
  const { selectFilms } = await import('../domain/catalogue-query.js');
  const { films } = await readStore(options.store);
  const { items: shown, total } = selectFilms(films, options.terms, options.sort, options.limit);
  if (options.output !== 'table') {
    const { filmJson, toJson } = await import('../formats/json-export.js');
    const docs = shown.map(filmJson);
    io.out.write(options.output === 'json' ? `${toJson(docs)}\n` : docs.map((doc) => `${toJson(doc, 0)}\n`).join(''));
    return;
  }
  const { renderFilmList } = await import('../render/film-list.js');
  io.out.write(renderFilmList(shown, { total, inStore: films.length }, { width: io.columns, color: io.color }));
}
