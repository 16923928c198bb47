import type { Command } from 'commander';
import { NotFoundError, StoreError } from '../../errors.js';
import type { Deps } from '../../io.js';
import { storeFor } from '../store-path.js';

export function register(db: Command, deps: Deps): void {
  db.command('check')
    .description('validate the store file and list every problem in it')
    .action(async (_flags: object, command: Command) => {
      await run({ store: storeFor(command, deps) }, deps);
    });
}

export async function run(options: { store: string }, { io }: Deps): Promise<void> {
  const { checkStoreFile } = await import('../../store/file.js');
  const { safeText } = await import('../../render/safe-text.js');
  const result = checkStoreFile(options.store);
  if (!result.exists) throw new NotFoundError(`no store at ${options.store} yet`, 'it is created on first use');
  const { check } = result;
  if (check.ok) {
    const reviews = check.data.films.reduce((sum, film) => sum + film.reviews.length, 0);
    const older = check.fileVersion < check.data.version ? ` (version ${check.fileVersion}, upgraded on the next change)` : '';
    io.out.write(`${safeText(options.store)} is a valid films store${older}: ${check.data.films.length} films, ${reviews} reviews\n`);
    return;
  }
  for (const problem of check.problems) io.out.write(`${safeText(problem)}\n`);
  const count = check.problems.length;
  throw new StoreError(`${options.store} has ${count} problem${count === 1 ? '' : 's'} (listed above)`, "fix them by hand, or bring back the previous version with 'films db restore'");
}
