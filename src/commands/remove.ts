import type { Command } from 'commander';
import { CancelledError, UsageError } from '../errors.js';
import type { Deps } from '../io.js';
import { storeFor } from './store-path.js';
import { storeWriter } from './store-writer.js';

export interface RemoveOptions {
  store: string;
  film: string;
  yes: boolean;
}

export function register(program: Command, deps: Deps): void {
  program
    .command('remove')
    .alias('rm')
    .description('remove a film and its reviews (asks first at a terminal; --yes in a script)')
    .argument('<film>', 'slug, title or the start of either')
    .option('-y, --yes', 'remove without asking')
    .action(async (film: string, flags: { yes?: boolean }, command: Command) => {
      await run({ store: storeFor(command, deps), film, yes: Boolean(flags.yes) }, deps);
    });
}

export async function run(options: RemoveOptions, deps: Deps): Promise<void> {
  const { findFilm } = await import('../domain/lookup.js');
  const { removeFilm } = await import('../domain/films.js');
  const { readStore, updateStore } = await import('../store/file.js');
  const { safeText } = await import('../render/safe-text.js');
  const reviews = (count: number): string => `${count} review${count === 1 ? '' : 's'}`;
  if (!options.yes) {
    const film = findFilm((await readStore(options.store)).films, options.film);
    if (!deps.io.canPrompt) throw new UsageError(`not removing ${film.slug} and its ${reviews(film.reviews.length)} without confirmation`, 'pass --yes');
    const prompter = await deps.prompter();
    const message = `Remove ${safeText(film.title)} and its ${reviews(film.reviews.length)}?`;
    if (!(await prompter.confirm({ message, default: false }))) throw new CancelledError();
  }
  // Confirmed, or --yes: one read of the store, under the lock.
  const removed = await updateStore(options.store, storeWriter(deps), (data) => removeFilm(data, findFilm(data.films, options.film).slug));
  deps.io.out.write(`Removed ${safeText(removed.title)} (${removed.slug}) and its ${reviews(removed.reviews.length)}\n`);
}
