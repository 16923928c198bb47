import type { Command } from 'commander';
import type { Deps, Env } from '../io.js';
import { storeFor } from './store-path.js';

export interface StatsOptions {
  store: string;
  film: string | null;
  ascii: boolean;
  json: boolean;
}

/** By convention a set locale that is not UTF-8 (C, POSIX, en_US.ISO-8859-1) means a terminal without Unicode. */
export function unicodeTerminal(env: Env): boolean {
  const locale = env.LC_ALL || env.LC_CTYPE || env.LANG;
  return !locale || /utf-?8/i.test(locale);
}

export function register(program: Command, deps: Deps): void {
  program
    .command('stats')
    .description('counts and charts: ratings, reviews per year, genres, countries, authors')
    .argument('[film]', 'only this film')
    .option('--ascii', 'draw with plain ASCII')
    .option('--json', 'print the numbers as JSON')
    .action(async (film: string | undefined, flags: { ascii?: boolean; json?: boolean }, command: Command) => {
      await run({ store: storeFor(command, deps), film: film ?? null, ascii: Boolean(flags.ascii) || !unicodeTerminal(deps.env), json: Boolean(flags.json) }, deps);
    });
}

export async function run(options: StatsOptions, { io }: Deps): Promise<void> {
  const { readStore } = await import('../store/file.js');
  const { computeStats } = await import('../domain/stats.js');
  const { films } = await readStore(options.store);
  const { findFilm } = await import('../domain/lookup.js');
  const scope = options.film === null ? films : [findFilm(films, options.film)];
  const stats = computeStats(scope);
  if (options.json) {
    io.out.write(`${JSON.stringify(options.film === null ? stats : { film: scope[0]?.slug, ...stats }, null, 2)}\n`);
    return;
  }
  const { renderStats } = await import('../render/stats.js');
  const title = options.film === null ? 'All films' : (scope[0]?.title ?? '');
  io.out.write(renderStats(stats, { width: io.columns, color: io.color, ascii: options.ascii, title }));
}
