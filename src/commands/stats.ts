import type { Deps } from '../io.js';
import { readStore } from '../store/file.js';
import { computeStats } from '../domain/stats.js';
import { findFilm } from '../domain/lookup.js';
import { renderStats } from '../render/stats.js';

export interface StatsOptions {
  store: string;
  film: string | null;
  ascii: boolean;
  json: boolean;
}

export async function run(options: StatsOptions, { io }: Deps): Promise<void> {
  const { films } = await readStore(options.store);
  const scope = options.film === null ? films : [findFilm(films, options.film)];
  const stats = computeStats(scope);
  if (options.json) {
    io.out.write(`${JSON.stringify(options.film === null ? stats : { film: scope[0]?.slug, ...stats }, null, 2)}\n`);
    return;
  }
  const title = options.film === null ? 'All films' : (scope[0]?.title ?? '');
  io.out.write(renderStats(stats, { width: io.columns, color: io.color, ascii: options.ascii, title }));
}
