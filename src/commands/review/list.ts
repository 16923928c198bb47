import { lookOf, writeEach, type Deps } from '../../io.js';
import { selectReviews, type ReviewFilter } from '../../domain/review-query.js';
import { readStore } from '../../store/file.js';
import { reviewJson, toJson } from '../../formats/json-export.js';
import { reviewListPieces } from '../../render/review-list.js';

export interface ReviewListOptions {
  store: string;
  filter: ReviewFilter;
  sort: string;
  limit: number | null;
  spoilers: boolean;
  output: 'table' | 'json' | 'ndjson';
}

export async function run(options: ReviewListOptions, { io }: Deps): Promise<void> {
  const { films } = await readStore(options.store);
  const { items, total } = selectReviews(films, options.filter, options.sort, options.limit);
  if (options.output !== 'table') {
    const docs = items.map(reviewJson);
    io.out.write(options.output === 'json' ? `${toJson(docs)}\n` : docs.map((doc) => `${toJson(doc, 0)}\n`).join(''));
    return;
  }
  const storeEmpty = total === 0 && films.every((film) => film.reviews.length === 0);
  await writeEach(io.out, reviewListPieces(items, total, { ...lookOf(io), spoilers: options.spoilers, storeEmpty }));
}
