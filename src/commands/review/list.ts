import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import type { Deps } from '../../io.js';
import type { ReviewFilter } from '../../domain/review-query.js';
import { parseCount } from '../flag-values.js';
import { storeFor } from '../store-path.js';

export interface ReviewListOptions {
  store: string;
  filter: ReviewFilter;
  sort: string;
  limit: number | null;
  spoilers: boolean;
  output: 'table' | 'json' | 'ndjson';
}

interface ListFlags {
  author?: string;
  minRating?: string;
  since?: string;
  sort: string;
  limit?: number;
  spoilers?: boolean;
  json?: boolean;
  ndjson?: boolean;
}

export function register(review: Command, deps: Deps): void {
  review
    .command('list')
    .alias('ls')
    .description('list reviews, newest first; filter with a query (films review list dear rating:8.. -author:bob)')
    .argument('[query...]', 'words of the film title, or field:value terms (film, author, text, rating, genre, country, year); - negates')
    .allowUnknownOption()
    .option('--author <name>', 'only this author (any case, accents ignored)')
    .option('--min-rating <n>', 'only reviews rated at least N')
    .option('--since <date>', 'only reviews written on or after this ISO date')
    .option('--sort <key>', 'date, rating, author or film; - first for descending', '-date')
    .option('--limit <n>', 'at most N reviews', parseCount)
    .option('--spoilers', 'show excerpts of spoiler reviews')
    .option('--json', 'print a JSON array of reviews')
    .option('--ndjson', 'print one JSON review per line')
    .action(async (terms: string[], flags: ListFlags, command: Command) => {
      const { parseDate, parseRating } = await import('../../domain/review-input.js');
      if (flags.json && flags.ndjson) throw new UsageError('--json and --ndjson cannot be used together', 'choose one');
      const minRating = flags.minRating === undefined ? null : parseRating(flags.minRating, '--min-rating');
      const filter: ReviewFilter = {
        terms,
        author: flags.author ?? null,
        minRating,
        since: flags.since === undefined ? null : parseDate(flags.since, { flag: '--since' }),
      };
      const output = flags.json ? 'json' : flags.ndjson ? 'ndjson' : 'table';
      await run({ store: storeFor(command, deps), filter, sort: flags.sort, limit: flags.limit ?? null, spoilers: Boolean(flags.spoilers), output }, deps);
    });
}

export async function run(options: ReviewListOptions, { io }: Deps): Promise<void> {
  const { readStore } = await import('../../store/file.js');
  const { selectReviews } = await import('../../domain/review-query.js');
  const { films } = await readStore(options.store);
  const { items, total } = selectReviews(films, options.filter, options.sort, options.limit);
  if (options.output !== 'table') {
    const { reviewJson, toJson } = await import('../../formats/json-export.js');
    const docs = items.map(reviewJson);
    io.out.write(options.output === 'json' ? `${toJson(docs)}\n` : docs.map((doc) => `${toJson(doc, 0)}\n`).join(''));
    return;
  }
  const { renderReviewList } = await import('../../render/review-list.js');
  io.out.write(renderReviewList(items, total, { spoilers: options.spoilers, width: io.columns, color: io.color }));
}
