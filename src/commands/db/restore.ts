import type { Deps } from '../../io.js';
import { confirmOrStop } from '../confirm.js';
import { storeWriter } from '../store-writer.js';
import { readBackup, restoreBackup } from '../../store/file.js';
import { safeText } from '../../render/safe-text.js';
import { plural } from '../../domain/numbers.js';
import { say } from '../warn.js';

export interface RestoreOptions {
  store: string;
  yes: boolean;
}

export async function run(options: RestoreOptions, deps: Deps): Promise<void> {
  const backup = await readBackup(options.store);
  const reviews = backup.data.films.reduce((sum, film) => sum + film.reviews.length, 0);
  const what = `${safeText(backup.path)} (${plural(backup.data.films.length, 'film')}, ${plural(reviews, 'review')})`;
  if (!options.yes)
    await confirmOrStop(deps, 'not restoring the backup without confirmation', () => `Replace the store with ${what}?`, 'not restored');
  await restoreBackup(options.store, storeWriter(deps));
  say(deps.io, `Restored ${what}; the replaced file is now the backup`);
}
