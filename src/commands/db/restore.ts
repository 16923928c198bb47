import type { Deps } from '../../io.js';
import { confirmOrStop } from '../confirm.js';
import { storeWriter } from '../store-writer.js';
import { readBackup, restoreBackup } from '../../store/file.js';
import { safeText } from '../../render/safe-text.js';

export interface RestoreOptions {
  store: string;
  yes: boolean;
}

export async function run(options: RestoreOptions, deps: Deps): Promise<void> {
  const backup = await readBackup(options.store);
  const reviews = backup.data.films.reduce((sum, film) => sum + film.reviews.length, 0);
  const what = `${safeText(backup.path)} (${backup.data.films.length} films, ${reviews} reviews)`;
  if (!options.yes)
    await confirmOrStop(deps, 'not restoring the backup without confirmation', () => `Replace the store with ${what}?`, 'not restored');
  await restoreBackup(options.store, storeWriter(deps));
  deps.io.out.write(`Restored ${what}; the replaced file is now the backup\n`);
}
