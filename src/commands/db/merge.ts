import type { StoreData } from '../../domain/model.js';
import { mergeStores } from '../../domain/store-merge.js';
import { ConflictError, FilmsError, UsageError } from '../../errors.js';
import type { Deps } from '../../io.js';
import { conflictLine } from '../../render/merge-conflicts.js';
import { clearConflicts, conflictsPath, writeConflicts } from '../../store/conflicts.js';
import { readStoreFileBytes, writeStoreFile } from '../../store/file.js';
import { emptyStore } from '../../store/schema.js';
import { checkStoreBytes } from '../../store/validate.js';

/** `films db merge <base> <ours> <theirs> [path]`: git's %O %A %B %P, each resolved. */
export interface MergeOptions {
  base: string;
  ours: string;
  theirs: string;
  /** The store's path in the work tree (%P): its conflicts file goes beside it. Null: beside <ours>. */
  path: string | null;
}

type Side = 'base' | 'ours' | 'theirs';

/**
 * A side of the merge, validated (a version-1 store is migrated). An empty base is no base: git
 * gives one when both sides added the store. Anything else that is not a store is refused, exit 2,
 * before anything is written.
 */
function readSide(side: Side, path: string, ours: string): StoreData {
  const untouched = `nothing was merged and ${ours} is as it was`;
  let bytes: Buffer | null;
  try {
    bytes = readStoreFileBytes(path);
  } catch (error) {
    if (error instanceof FilmsError) throw new UsageError(`cannot read the ${side} store: ${error.message}`, untouched);
    throw error;
  }
  if (bytes === null)
    throw new UsageError(
      `the ${side} store ${path} does not exist`,
      `${untouched}; films db merge takes three store files (git's %O %A %B)`,
    );
  if (side === 'base' && bytes.length === 0) return emptyStore();
  const check = checkStoreBytes(bytes);
  if (!check.ok) {
    const more = check.problems.length > 1 ? `; ${check.problems.length - 1} more` : '';
    throw new UsageError(
      `the ${side} store ${path} is not a valid films store (${check.problems[0]}${more})`,
      `${untouched}; 'films --db <file> db check' lists every problem`,
    );
  }
  return check.data;
}

export async function run(options: MergeOptions, { io }: Deps): Promise<void> {
  const base = readSide('base', options.base, options.ours);
  const ours = readSide('ours', options.ours, options.ours);
  const theirs = readSide('theirs', options.theirs, options.ours);
  const { data, conflicts } = mergeStores(base, ours, theirs);
  await writeStoreFile(options.ours, data);
  const store = options.path ?? options.ours;
  // The conflicts file describes the last merge: a clean one leaves none behind.
  if (conflicts.length === 0) {
    await clearConflicts(store);
    return;
  }
  const lines = conflicts.map(conflictLine);
  await writeConflicts(store, lines);
  for (const line of lines) io.out.write(`${line}\n`);
  const count = `${conflicts.length} conflict${conflicts.length === 1 ? '' : 's'}`;
  throw new ConflictError(
    `${count} merging ${store} (listed above, and kept in ${conflictsPath(store)}); the store holds our values`,
    "change what you want with films commands, then 'films db conflicts --clear', 'git add' and 'git commit'",
  );
}
