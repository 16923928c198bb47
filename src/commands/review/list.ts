import type { Deps } from '../../io.js';
import type { ReviewFilter } from '../../domain/review-query.js';

export interface ReviewListOptions {
  store: string;
  filter: ReviewFilter;
  sort: string;
  limit: number | null;
  spoilers: boolean;
  output: 'table' | 'json' | 'ndjson';
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
