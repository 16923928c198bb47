import { constants } from 'node:fs';
import { copyFile, mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { Low, type Adapter } from 'lowdb';
import lockfile from 'proper-lockfile';
import { StoreError } from '../errors.js';
import { emptyStore, filmSchema, reviewSchema, storeSchema, type Change, type StoreData } from './schema.js';
import { checkStoreText } from './validate.js';

export const BUNDLED_CATALOGUE = fileURLToPath(new URL('../../data/films.json', import.meta.url));

/** Every key the store holds, in the schema's order: JSON.stringify writes each object's keys in this order. */
const KEY_ORDER = [...Object.keys(storeSchema.shape), ...Object.keys(filmSchema.shape), ...Object.keys(reviewSchema.shape)];

/** The store's bytes: the schema's key order whatever built the objects, two-space indent, final newline. */
export function serializeStore(data: StoreData): string {
  return `${JSON.stringify(data, KEY_ORDER, 2)}\n`;
}

const ERRNO_WORDS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a folder',
  ENOTDIR: 'a file stands where a folder should be',
  EEXIST: 'a file stands where a folder should be',
  ENOSPC: 'the disk is full',
  EROFS: 'the file system is read-only',
};

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code) return ERRNO_WORDS[code] ? `${ERRNO_WORDS[code]}, ${code}` : code;
  return error instanceof Error ? error.message : String(error);
}

/** lowdb adapter: validates on every read, writes atomically (temp file, fsync, rename). */
class StoreFile implements Adapter<StoreData> {
  constructor(readonly path: string) {}

  async read(): Promise<StoreData | null> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw new StoreError(`cannot read the store ${this.path} (${reason(error)})`, 'check the path given by --db or FILMS_DB');
    }
    const check = checkStoreText(text);
    if (!check.ok) {
      const more = check.problems.length > 1 ? `; ${check.problems.length - 1} more` : '';
      throw new StoreError(
        `${this.path} is not a valid films store (${check.problems[0]}${more})`,
        `run 'films db check' to list the problems, or restore a backup; the file was not changed`,
      );
    }
    return check.data;
  }

  async write(data: StoreData): Promise<void> {
    const temp = join(dirname(this.path), `.${basename(this.path)}.${randomBytes(6).toString('hex')}.tmp`);
    try {
      const handle = await open(temp, 'wx');
      try {
        await handle.writeFile(serializeStore(data), 'utf8');
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temp, this.path);
    } catch (error) {
      await unlink(temp).catch(() => undefined);
      throw new StoreError(`cannot write the store ${this.path} (${reason(error)})`, 'the previous file is intact; check the disk and its permissions');
    }
  }
}

/** A store that does not exist yet starts as a copy of the bundled catalogue. */
async function ensureStore(path: string): Promise<void> {
  const cannotCreate = (error: unknown): StoreError =>
    new StoreError(`cannot create the store ${path} (${reason(error)})`, 'pass a writable path with --db or FILMS_DB');
  await mkdir(dirname(path), { recursive: true }).catch((error: unknown) => {
    throw cannotCreate(error);
  });
  await copyFile(BUNDLED_CATALOGUE, path, constants.COPYFILE_EXCL).catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw cannotCreate(error);
  });
}

async function load(path: string): Promise<Low<StoreData>> {
  const db = new Low<StoreData>(new StoreFile(path), emptyStore());
  await db.read();
  return db;
}

export async function readStore(path: string): Promise<StoreData> {
  await ensureStore(path);
  return (await load(path)).data;
}

const LOCK_OPTIONS = {
  realpath: false,
  stale: 10_000,
  retries: { retries: 40, factor: 1.2, minTimeout: 25, maxTimeout: 250 },
} as const;

/**
 * The one way to change the store: lock, re-read, apply a pure change, write atomically, unlock.
 * `change` returns the same `data` object when it changed nothing; then nothing is written.
 */
export async function updateStore<T>(path: string, change: (data: StoreData) => Change<T>): Promise<T> {
  await ensureStore(path);
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(path, LOCK_OPTIONS);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOCKED') {
      throw new StoreError(`the store ${path} is locked by another films command`, 'wait for it to finish and try again');
    }
    throw new StoreError(`cannot lock the store ${path} (${reason(error)})`, 'check that its folder is writable');
  }
  try {
    const db = await load(path);
    const { data, result } = change(db.data);
    if (data !== db.data) {
      db.data = data;
      await db.write();
    }
    return result;
  } finally {
    await release().catch(() => undefined);
  }
}
