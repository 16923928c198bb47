import type { Command } from 'commander';
import { CancelledError, UsageError } from '../../errors.js';
import type { Deps } from '../../io.js';
import { storeFor, storeWriter } from '../options.js';

export function register(db: Command, deps: Deps): void {
  db.command('restore')
    .description('bring back the previous version of the store (<store>.bak); the current one becomes the backup')
    .option('-y, --yes', 'restore without asking')
    .action(async (flags: { yes?: boolean }, command: Command) => {
      await run({ store: storeFor(command, deps), yes: Boolean(flags.yes) }, deps);
    });
}

export async function run(options: { store: string; yes: boolean }, deps: Deps): Promise<void> {
  const { readBackup, restoreBackup } = await import('../../store/file.js');
  const { safeText } = await import('../../render/safe-text.js');
  const backup = await readBackup(options.store);
  const reviews = backup.data.films.reduce((sum, film) => sum + film.reviews.length, 0);
  const what = `${safeText(backup.path)} (${backup.data.films.length} films, ${reviews} reviews)`;
  if (!options.yes) {
    if (!deps.io.canPrompt) throw new UsageError('not restoring the backup without confirmation', 'pass --yes');
    const prompter = await deps.prompter();
    if (!(await prompter.confirm({ message: `Replace the store with ${what}?`, default: false }))) throw new CancelledError();
  }
  await restoreBackup(options.store, storeWriter(deps));
  deps.io.out.write(`Restored ${what}; the replaced file is now the backup\n`);
}
