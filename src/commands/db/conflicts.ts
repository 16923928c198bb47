import type { Deps } from '../../io.js';
import { safeText } from '../../render/safe-text.js';
import { plural } from '../../domain/numbers.js';
import { say } from '../warn.js';
import { clearConflicts, conflictsPath, readConflicts } from '../../store/conflicts.js';

export interface ConflictsOptions {
  store: string;
  /** Remove the record once the conflicts are settled. */
  clear: boolean;
}

const none = (store: string): string => `No conflicts recorded for ${safeText(store)}\n`;

/** `films db conflicts`: what the last merge of the store in use left to settle (git's merge driver keeps it in <store>.conflicts). */
export async function run(options: ConflictsOptions, { io }: Deps): Promise<void> {
  if (options.clear) {
    io.out.write(
      (await clearConflicts(options.store))
        ? `Cleared the conflicts recorded in ${safeText(conflictsPath(options.store))}\n`
        : none(options.store),
    );
    return;
  }
  const lines = await readConflicts(options.store);
  if (lines === null) {
    io.out.write(none(options.store));
    return;
  }
  for (const line of lines) say(io, safeText(line));
  const count = plural(lines.length, 'conflict');
  io.err.write(
    `${safeText(`films: ${count} from the last merge of ${options.store}; the store holds our values — change what you want with films commands, then 'films db conflicts --clear'`)}\n`,
  );
}
