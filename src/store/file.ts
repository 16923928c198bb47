import { constants, existsSync, readdirSync, readFileSync, readlinkSync, statSync, unlinkSync, type Stats } from 'node:fs';
import { copyFile, link, mkdir, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Low, type Adapter } from 'lowdb';
import { StoreError } from '../errors.js';
import { kindOf, readRegularFile, readRegularFileBytes, type RegularFileErrors } from './regular-file.js';
import { linkTarget, PRIVATE_FOLDER_MODE, tempPathFor, tempTarget, writeFileAtomically, type WriteSome } from './atomic-write.js';
import { errorCode, isDiskFull, reason } from './errno.js';
import { STORE_VERSION, type Change, type StoreData } from '../domain/model.js';
import { storeJsonChunks } from '../formats/json-export.js';
import { ceilingWarning, emptyStore, MAX_STORE_BYTES } from './schema.js';
import { checkDecodedStore, checkStoreBytes, decodeStore } from './validate.js';
import type { LockHolder, StoreLock } from './lock.js';

/** data/films.json of this package: one folder up from the bundle in dist/, two from src/store/ in tests. */
function bundledCatalogue(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [join(here, '..', 'data', 'films.json'), join(here, '..', '..', 'data', 'films.json')];
  return candidates.find((path) => existsSync(path)) ?? (candidates[0] as string);
}

/** The store's bytes: the schema's key order whatever built the objects, two-space indent, final newline. */
export function serializeStore(data: StoreData): string {
  return [...storeJsonChunks(data)].join('');
}

export const backupPath = (path: string): string => `${path}.bak`;

/** Where the file of an older version is kept when a write upgrades it: `<store>.v1.bak`, never replaced by a later write. */
export const versionBackupPath = (path: string, version: number): string => `${path}.v${version}.bak`;

const pastTheCeiling = (path: string): StoreError =>
  new StoreError(
    `the store ${path} is larger than the ~512 MB films can read as one JSON text`,
    "the file was not changed; split its films into two stores with a JSON tool such as jq (see 'The ceiling' in the README)",
  );

const notAFile = (path: string, kind: string): StoreError =>
  new StoreError(`the store ${path} is ${kind}, not a file`, 'pass the path of a films store file with --db or FILMS_DB');

/**
 * The file that is the store: a symbolic link is followed once, so that the store's target is read
 * and replaced, and its temp files, lock and .bak sit beside the target. Anything but a regular
 * file (a device, a pipe such as /dev/stdin, a folder) is refused before a byte is read, and so is
 * a path that cannot be a file at all (a file where a folder should be): only a missing file is
 * "no store yet".
 */
function storeFile(path: string): string {
  let stats: Stats | undefined;
  try {
    stats = statSync(path, { throwIfNoEntry: false });
  } catch (error) {
    throw new StoreError(`cannot use ${path} as the store (${reason(error)})`, 'pass the path of a films store file with --db or FILMS_DB');
  }
  if (stats && !stats.isFile()) throw notAFile(path, kindOf(stats));
  let real: string;
  try {
    real = linkTarget(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
      throw new StoreError(`cannot follow the link ${path} (${reason(error)})`, 'check the path given by --db or FILMS_DB');
    throw new StoreError(
      `the store ${path} is a symbolic link to ${readlinkSync(path)}, which does not exist`,
      'fix or remove the link, or pass another path with --db or FILMS_DB',
    );
  }
  // A link into /proc to a file that has no path (deleted, or never had one) cannot be replaced.
  if (stats && !existsSync(real)) {
    throw new StoreError(
      `the store ${path} leads to ${real}, which has no path to write`,
      'pass the path of a films store file with --db or FILMS_DB',
    );
  }
  return real;
}

/** The store file's refusals: anything but a regular file within the ceiling is refused before a byte is read. */
const storeFileErrors = (path: string): RegularFileErrors => ({
  notAFile: (kind) => notAFile(path, kind),
  // Past the ceiling Node would read every byte before failing: refuse by size at once.
  tooLarge: () => pastTheCeiling(path),
  cannotRead: (error) => new StoreError(`cannot read the store ${path} (${reason(error)})`, 'check the path given by --db or FILMS_DB'),
});

const readStoreFile = <T>(path: string, read: (fd: number) => T): T | null =>
  readRegularFile(path, MAX_STORE_BYTES, storeFileErrors(path), read);

// Read in one go: the async readFile hops through the thread pool chunk by chunk (~50 ms idle at 8 MB).
const readStoreBytes = (path: string): Buffer | null => readRegularFileBytes(path, MAX_STORE_BYTES, storeFileErrors(path));

const tooLarge = (path: string): StoreError =>
  new StoreError(
    `the store ${path} would be too large to save (over the ~512 MB films can read back)`,
    'nothing was written; export some films to another store with --db',
  );

/** The store's bytes a piece at a time, refusing a store too large to be read back. */
function* storeBytes(path: string, data: StoreData): Generator<Buffer> {
  let total = 0;
  try {
    for (const piece of storeJsonChunks(data)) {
      const bytes = Buffer.from(piece, 'utf8');
      total += bytes.length;
      if (total > MAX_STORE_BYTES) throw tooLarge(path);
      yield bytes;
    }
  } catch (error) {
    throw error instanceof RangeError ? tooLarge(path) : error;
  }
}

function cannotSave(path: string, error: unknown): StoreError {
  const hint = isDiskFull(error) ? 'free some space and try again' : "check the disk and the folder's permissions";
  return new StoreError(`cannot save the store ${path} (${reason(error)})`, `nothing was changed; ${hint}`);
}

export interface StoreFileOptions {
  /** The lock the write is made under: checked just before the store is replaced. */
  lock?: StoreLock;
  /** For tests: how bytes reach the temp file. */
  write?: WriteSome;
}

/**
 * A store holding git's conflict markers: git merged it as text, without the films driver for its
 * path (a clone not set up, or a store renamed on another branch). `git checkout -m` merges it again,
 * through the driver once the attributes name the path.
 */
export const textMerged = (path: string): StoreError =>
  new StoreError(
    `${path} holds git's conflict markers: git merged it as text, as this clone had no films merge driver for that path`,
    `in its repository run 'films db git-setup', then 'git checkout -m -- ${path}' merges it again through films ('git checkout --ours -- ${path}' keeps our side instead)`,
  );

/** lowdb adapter: validates on every read; writes atomically (temp file, fsync, rename) keeping the old file as <store>.bak. */
export class StoreFile implements Adapter<StoreData> {
  /** Bytes of the text last written, to warn as the store nears the ceiling. */
  written = 0;
  /** The version of the file as read: an older one is migrated in memory and upgraded by the next write. */
  fileVersion = STORE_VERSION;

  constructor(
    readonly path: string,
    private readonly options: StoreFileOptions = {},
  ) {}

  async read(): Promise<StoreData | null> {
    // Decoded where it is read: its bytes are garbage before the text is parsed (as much memory again).
    const decoded = readStoreFile(this.path, (fd) => decodeStore(readFileSync(fd)));
    if (decoded === null) return null;
    const check = checkDecodedStore(decoded);
    if (!check.ok) {
      if (check.textMerged) throw textMerged(this.path);
      const more = check.problems.length > 1 ? `; ${check.problems.length - 1} more` : '';
      throw new StoreError(
        `${this.path} is not a valid films store (${check.problems[0]}${more})`,
        `the file was not changed; 'films db check' lists every problem, 'films db restore' brings back the previous version`,
      );
    }
    this.fileVersion = check.fileVersion;
    return check.data;
  }

  async write(data: StoreData): Promise<void> {
    const { lock, write } = this.options;
    const beforeReplace = async (): Promise<void> => {
      lock?.assertHeld();
      await keepBackup(this.path);
      // .bak lasts one write; the file of an older version is the only copy of it, so it is kept apart, once.
      if (this.fileVersion < STORE_VERSION) await keepBackup(this.path, versionBackupPath(this.path, this.fileVersion), false);
    };
    try {
      this.written = await writeFileAtomically(this.path, storeBytes(this.path, data), { beforeReplace, write });
    } catch (error) {
      throw error instanceof StoreError ? error : cannotSave(this.path, error);
    }
  }
}

/** A path's status (links followed), or null where there is none to have. */
function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

/** Whether two paths name one existing file, through links too. */
export function sameFile(one: string, other: string): boolean {
  const [a, b] = [statOrNull(one), statOrNull(other)];
  return a !== null && b !== null && a.dev === b.dev && a.ino === b.ino;
}

/**
 * The file about to be replaced becomes <store>.bak: a hard link costs nothing (a copy where links are
 * not allowed), made under a temp name and renamed, so that the old .bak stays whole until then.
 * With `replace` false, a backup already there is kept (linked into place, which fails on one).
 */
async function keepBackup(path: string, backup = backupPath(path), replace = true): Promise<void> {
  // A write killed after keeping its backup left the two one file: kept already (renaming onto it would leave the temp).
  if (sameFile(path, backup)) return;
  const temp = tempPathFor(backup);
  try {
    await link(path, temp).catch(async (error: unknown) => {
      if (errorCode(error) === 'ENOENT') throw error;
      await copyFile(path, temp, constants.COPYFILE_EXCL);
    });
    if (replace) await rename(temp, backup);
    else {
      await link(temp, backup).catch((error: unknown) => {
        if (errorCode(error) !== 'EEXIST') throw error;
      });
      await unlink(temp);
    }
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/** Who changes the store: this process (named in the lock) and where warnings and notes about the store go. */
export interface StoreWriter extends LockHolder {
  warn: (message: string) => void;
  /** A line about what happened to the file (e.g. its upgrade to a new version). */
  note: (message: string) => void;
}

/** Every write that leaves a store past 80% of the ceiling says so. */
function warnNearCeiling(writer: Pick<StoreWriter, 'warn'>, path: string, bytes: number): void {
  const warning = ceilingWarning(path, bytes, MAX_STORE_BYTES);
  if (warning) writer.warn(warning);
}

/** lowdb over our adapter, which knows the size of the text it last wrote. */
class Store extends Low<StoreData> {
  constructor(
    readonly file: StoreFile,
    data: StoreData,
  ) {
    super(file, data);
  }

  /** Writes through lowdb, says when it upgraded an older file, and warns when the saved store nears the ceiling. */
  async save(writer: StoreWriter): Promise<void> {
    await this.write();
    if (this.file.fileVersion < STORE_VERSION) {
      writer.note(
        `upgraded the store ${this.file.path} from version ${this.file.fileVersion} to ${STORE_VERSION}; the version-${this.file.fileVersion} file is kept as ${versionBackupPath(this.file.path, this.file.fileVersion)}`,
      );
      this.file.fileVersion = STORE_VERSION;
    }
    warnNearCeiling(writer, this.file.path, this.file.written);
  }
}

async function load(path: string, lock?: StoreLock): Promise<Store> {
  const db = new Store(new StoreFile(path, { lock }), emptyStore());
  await db.read();
  return db;
}

/** The store's data; with no store yet, the bundled catalogue's (nothing is created: the first write does that). */
export async function readStore(path: string): Promise<StoreData> {
  const file = storeFile(path);
  return (await load(existsSync(file) ? file : bundledCatalogue())).data;
}

export type { LockHolder } from './lock.js';

/** Removes the temp files in `folder` of the writes `orphaned` names (by the file written), which can no longer be running. */
function removeTempFiles(folder: string, orphaned: (target: string) => boolean): void {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return;
  }
  for (const name of names) {
    const target = tempTarget(name);
    if (target === null || !orphaned(target)) continue;
    try {
      unlinkSync(join(folder, name));
    } catch {
      // Gone already, or not ours to remove: the write goes on.
    }
  }
}

/**
 * Temp files of writers that were killed mid-write, the store's and its backup's; only the lock
 * holder writes, so any found now are orphans. Another store's in the same folder are not touched.
 */
function removeOrphanedTemps(path: string): void {
  const names = new Set([basename(path), basename(backupPath(path))]);
  removeTempFiles(dirname(path), (target) => names.has(target));
}

async function refuseReadOnly(path: string): Promise<void> {
  const mode = (await stat(path)).mode;
  if ((mode & 0o222) === 0) {
    throw new StoreError(`the store ${path} is read-only`, `make it writable (chmod u+w) to change it; nothing was written`);
  }
}

/** The store's folder, made private when films makes it, so that its lock can be taken before the store exists. */
async function makeFolder(path: string): Promise<void> {
  try {
    await mkdir(dirname(path), { recursive: true, mode: PRIVATE_FOLDER_MODE });
  } catch (error) {
    throw new StoreError(`cannot create the store ${path} (${reason(error)})`, 'pass a writable path with --db or FILMS_DB');
  }
}

/** Runs `work` holding the lock of the store file `path` (resolved), after clearing temp files that killed writers left. */
async function withLock<T>(path: string, holder: LockHolder, work: (lock: StoreLock) => Promise<T>): Promise<T> {
  await makeFolder(path);
  if (existsSync(path)) await refuseReadOnly(path);
  const { lockStore } = await import('./lock.js');
  const lock = await lockStore(path, holder);
  try {
    removeOrphanedTemps(path);
    return await work(lock);
  } finally {
    await lock.release().catch(() => undefined);
  }
}

/**
 * The one way to change the store: lock, re-read, apply a pure change, write atomically, unlock.
 * `change` returns the same `data` object when it changed nothing; then nothing is written. With
 * no store yet, the change applies to the bundled catalogue, and its write creates the store.
 */
export async function updateStore<T>(path: string, writer: StoreWriter, change: (data: StoreData) => Change<T>): Promise<T> {
  const file = storeFile(path);
  return withLock(file, writer, async (lock) => {
    const creating = !existsSync(file);
    const db = creating ? new Store(new StoreFile(file, { lock }), (await load(bundledCatalogue())).data) : await load(file, lock);
    const { data, result } = change(db.data);
    if (data !== db.data) {
      db.data = data;
      await db.save(writer);
      if (creating) writer.note(`created the store ${file}, starting from the bundled catalogue`);
    }
    return result;
  });
}

/** Puts the backup back in place; the file it replaces (damaged or not) becomes the backup, so a restore can be undone. */
export async function restoreBackup(path: string, writer: StoreWriter): Promise<StoreData> {
  const file = storeFile(path);
  return withLock(file, writer, async (lock) => {
    const backup = await readBackup(file);
    await new Store(new StoreFile(file, { lock }), backup.data).save(writer);
    return backup.data;
  });
}

/**
 * Writes a store file whole and atomically, without the lock and backup of the store in use: for
 * git's copy of a store during a merge (git keeps every version). The bytes are the store's own, and
 * it warns near the ceiling as every write does, naming the store as `shownAs` (its path in the work
 * tree rather than git's temp file).
 */
export async function writeStoreFile(path: string, data: StoreData, writer: Pick<StoreWriter, 'warn'>, shownAs: string): Promise<void> {
  let bytes: number;
  try {
    bytes = await writeFileAtomically(path, storeBytes(shownAs, data));
  } catch (error) {
    throw error instanceof StoreError ? error : cannotSave(shownAs, error);
  }
  warnNearCeiling(writer, shownAs, bytes);
}

/** git's temp files for a merge driver, in the work tree's root: `.merge_file_` and a few letters and digits (six, from git). */
const GIT_MERGE_FILE = /^\.merge_file_[A-Za-z0-9]+$/;

/**
 * Removes the temp files that merges killed mid-write (Ctrl+C during a pull) left beside git's
 * merge files in `folder`: git runs one merge at a time in a work tree, so none is in use.
 */
export const removeOrphanedMergeTemps = (folder: string): void => removeTempFiles(folder, (target) => GIT_MERGE_FILE.test(target));

/** A store file's bytes, unchecked, or null when there is none: only a regular file (a link followed) within the ceiling is read. */
export const readStoreFileBytes = (path: string): Buffer | null => readStoreBytes(storeFile(path));

/** What `films db check` reports: every problem in the file, or none. */
export function checkStoreFile(path: string): { exists: false } | { exists: true; check: ReturnType<typeof checkStoreBytes> } {
  const bytes = readStoreFileBytes(path);
  return bytes === null ? { exists: false } : { exists: true, check: checkStoreBytes(bytes) };
}

/** The previous version of the store (its path and data, validated), for `films db restore`. */
export async function readBackup(path: string): Promise<{ path: string; data: StoreData }> {
  const backup = backupPath(storeFile(path));
  if (!(await stat(backup).catch(() => null))) {
    throw new StoreError(`there is no backup ${backup} yet`, 'one is kept from the first change on');
  }
  try {
    return { path: backup, data: (await load(backup)).data };
  } catch (error) {
    if (error instanceof StoreError) throw new StoreError(`the backup cannot be restored: ${error.message}`, 'nothing was changed');
    throw error;
  }
}
