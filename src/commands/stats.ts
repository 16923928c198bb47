import { lookOf, type Deps } from '../io.js';
import { ASCII_GLYPHS } from '../render/glyphs.js';
import { readStore } from '../store/file.js';
import { computeStats, yearStats } from '../domain/stats.js';
import { findFilm } from '../domain/lookup.js';
import { renderStats, renderYear } from '../render/stats.js';
import { you } from './you.js';

export interface StatsOptions {
  store: string;
  film: string | null;
  /** --year: a person's year in films instead of the store's numbers. */
  year: number | null;
  /** Whose year; null for yours. */
  author: string | null;
  /** --ascii: plain ASCII whatever the locale (which alone may already ask for it). */
  ascii: boolean;
  json: boolean;
}

export async function run(options: StatsOptions, deps: Deps): Promise<void> {
  const { io } = deps;
  const look = { ...lookOf(io), ...(options.ascii ? { glyphs: ASCII_GLYPHS } : {}) };
  const { films } = await readStore(options.store);
  if (options.year !== null) {
    const year = yearStats(films, options.author ?? you(deps), options.year);
    io.out.write(options.json ? `${JSON.stringify(year, null, 2)}\n` : renderYear(year, look));
    return;
  }
  const scope = options.film === null ? films : [findFilm(films, options.film)];
  const stats = computeStats(scope);
  if (options.json) {
    io.out.write(`${JSON.stringify(options.film === null ? stats : { film: scope[0]?.slug, ...stats }, null, 2)}\n`);
    return;
  }
  const title = options.film === null ? 'All films' : (scope[0]?.title ?? '');
  io.out.write(renderStats(stats, { ...look, title, oneFilm: options.film !== null }));
}
