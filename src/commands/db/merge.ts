import { dirname, relative } from 'node:path';
import type { StoreData } from '../../domain/model.js';
import { mergeStores, type RenamedFilm } from '../../domain/store-merge.js';
import { ConflictError, FilmsError, UsageError } from '../../errors.js';
import type { Deps } from '../../io.js';
import { conflictLine } from '../../render/merge-conflicts.js';
import { clearConflicts, conflictsPath, writeConflicts } from '../../store/conflicts.js';
import { readStoreFileBytes, removeOrphanedMergeTemps, writeStoreFile } from '../../store/file.js';
import { emptyStore } from '../../store/schema.js';
import { checkStoreBytes } from '../../store/validate.js';
import { storeWriter } from '../store-writer.js';
import { note } from '../warn.js';
import { plural } from '../../domain/numbers.js';

/** `films db merge [--virtual-base] <base> <ours> <theirs> [path]`: git's %O %A %B %P, each resolved. */
export interface MergeOptions {
  base: string;
  ours: string;
  theirs: string;
  /** The store's path in the work tree (%P): its conflicts file goes beside it. Null: beside <ours>. */
  path: string | null;
  /**
   * git's inner merge of the merge bases of a criss-cross merge (merge.films.recursive): it builds
   * their common ancestor, keeping the ancestor's value where they conflict, and says nothing.
   */
  virtualBase: boolean;
}

type Side = 'base' | 'ours' | 'theirs';

/** Each side by what it is to the person merging, and where git keeps it in the index while the merge is unsettled. */
const SIDES: Record<Side, { whose: string; stage: number }> = {
  base: { whose: "the common ancestor's", stage: 1 },
  ours: { whose: 'our', stage: 2 },
  theirs: { whose: 'their', stage: 3 },
};

/**
 * How a refusal names a side: by what it is and the store's path in the work tree when git gave it
 * (git's temp files are gone once git is done), with a way to look at that side that still works then.
 */
function sideNames(options: MergeOptions, cwd: string) {
  const tree = options.path === null ? null : relative(cwd, options.path);
  return (side: Side, file: string) =>
    tree === null
      ? {
          name: `the ${side} store ${file}`,
          untouched: `nothing was merged and ${options.ours} is as it was`,
          check: `'films --db ${file} db check' lists every problem`,
        }
      : {
          name: `${SIDES[side].whose} version of ${tree}`,
          untouched: `nothing was merged and ${tree} holds our version`,
          check: `'git show :${SIDES[side].stage}:${tree} > ${side}.json', then 'films --db ${side}.json db check' lists every problem`,
        };
}

/**
 * A side of the merge, validated (a version-1 store is migrated). An empty base is no base: git
 * gives one when both sides added the store. Anything else that is not a store is refused, exit 2,
 * before anything is written.
 */
function readSide(side: Side, path: string, names: ReturnType<typeof sideNames>): StoreData {
  const { name, untouched, check: howToCheck } = names(side, path);
  let bytes: Buffer | null;
  try {
    bytes = readStoreFileBytes(path);
  } catch (error) {
    if (error instanceof FilmsError) throw new UsageError(`cannot read ${name}: ${error.message}`, untouched);
    throw error;
  }
  if (bytes === null)
    throw new UsageError(`${name} (${path}) does not exist`, `${untouched}; films db merge takes three store files (git's %O %A %B)`);
  if (side === 'base' && bytes.length === 0) return emptyStore();
  const check = checkStoreBytes(bytes);
  if (!check.ok) {
    const more = check.problems.length > 1 ? `; ${check.problems.length - 1} more` : '';
    throw new UsageError(`${name} is not a valid films store (${check.problems[0]}${more})`, `${untouched}; ${howToCheck}`);
  }
  return check.data;
}

const renamedLine = ({ from, to, title, year }: RenamedFilm): string =>
  `${title}${year === null ? '' : ` (${year})`} is now ${to}: another film has ${from} since this merge`;

export async function run(options: MergeOptions, deps: Deps): Promise<void> {
  const { io, cwd } = deps;
  const names = sideNames(options, cwd);
  const base = readSide('base', options.base, names);
  const ours = readSide('ours', options.ours, names);
  const theirs = readSide('theirs', options.theirs, names);
  const { data, conflicts, renamed } = mergeStores(base, ours, theirs, { virtualBase: options.virtualBase });
  const store = options.path ?? options.ours;
  // Merges killed mid-write left their temp files beside git's merge files.
  removeOrphanedMergeTemps(dirname(options.ours));
  await writeStoreFile(options.ours, data, storeWriter(deps), store);
  // The ancestor of a criss-cross merge is git's own business: the outer merge reports what conflicts.
  if (options.virtualBase) return;
  for (const film of renamed) note(io, renamedLine(film));
  // The conflicts file describes the last merge: a clean one leaves none behind.
  if (conflicts.length === 0) {
    await clearConflicts(store);
    return;
  }
  const lines = conflicts.map(conflictLine);
  await writeConflicts(store, lines);
  for (const line of lines) io.out.write(`${line}\n`);
  const count = plural(conflicts.length, 'conflict');
  throw new ConflictError(
    `${count} merging ${store} (listed above, and kept in ${conflictsPath(store)}); the store holds our values`,
    "change what you want with films commands, then 'films db conflicts --clear', 'git add' and 'git commit'",
  );
}
