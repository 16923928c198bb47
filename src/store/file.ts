import { constants, existsSync, readFileSync, statSync } from 'node:fs';
import { copyFile, link, mkdir, open, readdir, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Low, type Adapter } from 'lowdb';
import { StoreError } from '../errors.js';
import { reason } from './errno.js';
import { STORE_VERSION, type Change, type StoreData } from '../domain/model.js';
import { storeJsonChunks } from '../formats/json-export.js';
import { ceilingWarning, emptyStore, MAX_STORE_BYTES } from './schema.js';
import { checkStoreText } from './validate.js';
import type { LockHolder } from './lock.js';

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
const TEMP_PREFIX = (path: string): string => `.${basename(path)}.`;
/** Temp files are opened with O_EXCL, so a clash fails safely: no need for crypto's randomness (and its ~5 ms load). */
const uniqueSuffix = (): string => Math.random().toString(16).slice(2, 14).padEnd(12, '0');

const pastTheCeiling = (path: string): StoreError =>
  new StoreError(`the store ${path} is larger than the ~512 MB films can read as one JSON text`, "the file was not changed; split its films into two stores with a JSON tool such as jq (see 'The ceiling' in the README)");

/** The store file's text, or null when there is none. */
function readStoreText(path: string): string | null {
  try {
    // Past the ceiling Node would read every byte before failing: refuse by size at once.
    if (statSync(path).size > MAX_STORE_BYTES) throw pastTheCeiling(path);
    // Read in one go: the async readFile hops through the thread pool chunk by chunk (~50 ms idle at 8 MB).
    return readFileSync(path, 'utf8');
  } catch (error) {
    if (error instanceof StoreError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    throw new StoreError(`cannot read the store ${path} (${reason(error)})`, 'check the path given by --db or FILMS_DB');
  }
}

const tooLarge = (path: string): StoreError =>
  new StoreError(`the store ${path} would be too large to save (over the ~512 MB films can read back)`, 'nothing was written; export some films to another store with --db');

/** Writes the store's JSON a piece at a time, refusing a store too large to be read back; returns its size in bytes. */
async function writeStoreText(handle: FileHandle, path: string, data: StoreData): Promise<number> {
  let bytes = 0;
  try {
    for (const piece of storeJsonChunks(data)) {
      bytes += (await handle.write(piece, null, 'utf8')).bytesWritten;
      if (bytes > MAX_STORE_BYTES) throw tooLarge(path);
    }
  } catch (error) {
    throw error instanceof RangeError ? tooLarge(path) : error;
  }
  return bytes;
}

/** lowdb adapter: validates on every read; writes atomically (temp file, fsync, rename) keeping the old file as <store>.bak. */
class StoreFile implements Adapter<StoreData> {
  /** Bytes of the text last written, to warn as the store nears the ceiling. */
  written = 0;
  /** The version of the file as read: an older one is migrated in memory and upgraded by the next write. */
  fileVersion = STORE_VERSION;

  constructor(readonly path: string) {}

  async read(): Promise<StoreData | null> {
    const text = readStoreText(this.path);
    if (text === null) return null;
    const check = checkStoreText(text);
    if (!check.ok) {
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
    const temp = join(dirname(this.path), `${TEMP_PREFIX(this.path)}${uniqueSuffix()}.tmp`);
    try {
      const handle = await open(temp, 'wx');
      try {
        this.written = await writeStoreText(handle, this.path, data);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await keepBackup(this.path);
      await rename(temp, this.path);
      await syncFolder(dirname(this.path));
    } catch (error) {
      await unlink(temp).catch(() => undefined);
      if (error instanceof StoreError) throw error;
      throw new StoreError(`cannot write the store ${this.path} (${reason(error)})`, 'the previous file is intact; check the disk and its permissions');
    }
  }
}

/** The file about to be replaced becomes <store>.bak: a hard link costs nothing; a copy where links are not allowed. */
async function keepBackup(path: string): Promise<void> {
  const backup = backupPath(path);
  await unlink(backup).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error;
  });
  await link(path, backup).catch(async (error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return;
    await copyFile(path, backup);
  });
}

/** Makes the rename itself durable; folders cannot be opened for sync everywhere, so this is best effort. */
async function syncFolder(folder: string): Promise<void> {
  const handle = await open(folder, 'r').catch(() => null);
  await handle?.sync().catch(() => undefined);
  await handle?.close();
}

/** A store that does not exist yet starts as a copy of the bundled catalogue. */
async function ensureStore(path: string): Promise<void> {
  // The usual case, without two trips through the thread pool on every command.
  if (existsSync(path)) return;
  const cannotCreate = (error: unknown): StoreError =>
    new StoreError(`cannot create the store ${path} (${reason(error)})`, 'pass a writable path with --db or FILMS_DB');
  await mkdir(dirname(path), { recursive: true }).catch((error: unknown) => {
    throw cannotCreate(error);
  });
  await copyFile(bundledCatalogue(), path, constants.COPYFILE_EXCL).catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw cannotCreate(error);
  });
}

/** Who changes the store: this process (named in the lock) and where warnings and notes about the store go. */
export interface StoreWriter extends LockHolder {
  warn: (message: string) => void;
  /** A line about what happened to the file (e.g. its upgrade to a new version). */
  note: (message: string) => void;
}

/** lowdb over our adapter, which knows the size of the text it last wrote. */
class Store extends Low<StoreData> {
  constructor(readonly file: StoreFile, data: StoreData) {
    super(file, data);
  }

  /** Writes through lowdb, says when it upgraded an older file, and warns when the saved store nears the ceiling. */
  async save(writer: StoreWriter): Promise<void> {
    await this.write();
    if (this.file.fileVersion < STORE_VERSION) {
      writer.note(`upgraded the store ${this.file.path} from version ${this.file.fileVersion} to ${STORE_VERSION}; the old file is kept as ${backupPath(this.file.path)}`);
      this.file.fileVersion = STORE_VERSION;
    }
    const warning = ceilingWarning(this.file.path, this.file.written, MAX_STORE_BYTES);
    if (warning) writer.warn(warning);
  }
}

async function load(path: string): Promise<Store> {
  const db = new Store(new StoreFile(path), emptyStore());
  await db.read();
  return db;
}

export async function readStore(path: string): Promise<StoreData> {
  await ensureStore(path);
  return (await load(path)).data;
}

export type { LockHolder } from './lock.js';

/** Temp files of writers that were killed mid-write; only the lock holder writes, so any found now are orphans. */
async function removeOrphanedTemps(path: string): Promise<void> {
  const prefix = TEMP_PREFIX(path);
  const names = await readdir(dirname(path)).catch(() => [] as string[]);
  await Promise.all(names.filter((name) => name.startsWith(prefix) && name.endsWith('.tmp')).map((name) => unlink(join(dirname(path), name)).catch(() => undefined)));
}

async function refuseReadOnly(path: string): Promise<void> {
  const mode = (await stat(path)).mode;
  if ((mode & 0o222) === 0) {
    throw new StoreError(`the store ${path} is read-only`, `make it writable (chmod u+w) to change it; nothing was written`);
  }
}

/** Runs `work` holding the store's lock, after clearing temp files that killed writers left. */
async function withLock<T>(path: string, holder: LockHolder, work: () => Promise<T>): Promise<T> {
  await ensureStore(path);
  await refuseReadOnly(path);
  const { lockStore } = await import('./lock.js');
  const release = await lockStore(path, holder);
  try {
    await removeOrphanedTemps(path);
    return await work();
  } finally {
    await release().catch(() => undefined);
  }
}

/**
 * The one way to change the store: lock, re-read, apply a pure change, write atomically, unlock.
 * `change` returns the same `data` object when it changed nothing; then nothing is written.
 */
export function updateStore<T>(path: string, writer: StoreWriter, change: (data: StoreData) => Change<T>): Promise<T> {
  return withLock(path, writer, async () => {
    const db = await load(path);
    const { data, result } = change(db.data);
    if (data !== db.data) {
      db.data = data;
      await db.save(writer);
    }
    return result;
  });
}

/** Puts the backup back in place; the file it replaces (damaged or not) becomes the backup, so a restore can be undone. */
export function restoreBackup(path: string, writer: StoreWriter): Promise<StoreData> {
  return withLock(path, writer, async () => {
    const backup = await readBackup(path);
    await new Store(new StoreFile(path), backup).save(writer);
    return backup;
  });
}

/** What `films db check` reports: every problem in the file, or none. */
export function checkStoreFile(path: string): { exists: false } | { exists: true; check: ReturnType<typeof checkStoreText> } {
  const text = readStoreText(path);
  return text === null ? { exists: false } : { exists: true, check: checkStoreText(text) };
}

/** The previous version of the store, validated, for `films db restore`. */
export async function readBackup(path: string): Promise<StoreData> {
  const backup = backupPath(path);
  if (!(await stat(backup).catch(() => null))) {
    throw new StoreError(`there is no backup ${backup} yet`, 'one is kept from the first change on');
  }
  try {
    return (await load(backup)).data;
  } catch (error) {
    if (error instanceof StoreError) throw new StoreError(`the backup cannot be restored: ${error.message}`, 'nothing was changed');
    throw error;
  }
}
