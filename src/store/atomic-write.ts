import { lstatSync, realpathSync, statSync } from 'node:fs';
import { open, rename, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { errorCode } from './errno.js';

/** A private file is readable and writable by its owner only, as ssh and gpg keep theirs; its new folders likewise. */
export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_FOLDER_MODE = 0o700;

/** 12 hex digits for a temp file's name. Such files are opened with O_EXCL, so a clash fails safely: no need for crypto's randomness (and its ~5 ms load). */
export const uniqueSuffix = (): string => Math.random().toString(16).slice(2, 14).padEnd(12, '0');
const TEMP_NAME = /^\.(.+)\.[0-9a-f]{12}\.tmp$/;

/** The temp file a write of `path` goes through: hidden, beside it, `.<name>.<12 hex digits>.tmp`. */
export const tempPathFor = (path: string): string => join(dirname(path), `.${basename(path)}.${uniqueSuffix()}.tmp`);

/** The name of the file whose write `name` is a temp file of, or null when it is none. */
export const tempTarget = (name: string): string | null => TEMP_NAME.exec(name)?.[1] ?? null;

/** Whether `name`, in `path`'s folder, is one of `path`'s own temp files (and not, say, those of `<path>.x`). */
export const isTempOf = (path: string, name: string): boolean => tempTarget(name) === basename(path);

/**
 * The file a write of `path` must replace: a symbolic link is followed to its target (resolved once),
 * else `path` itself, existing or not. Throws ENOENT for a link whose target does not exist.
 */
export function linkTarget(path: string): string {
  try {
    if (!lstatSync(path).isSymbolicLink()) return path;
  } catch {
    // Absent (to be created) or out of reach: opening it will say why.
    return path;
  }
  return realpathSync(path);
}

/**
 * Writes `bytes[offset…]` at the file's position and returns how many bytes were written: a disk
 * may take fewer than asked, which is not an error to the system. The seam where tests fill the disk.
 */
export type WriteSome = (handle: FileHandle, bytes: Uint8Array, offset: number) => Promise<number>;

const writeSome: WriteSome = async (handle, bytes, offset) => (await handle.write(bytes, offset, bytes.length - offset)).bytesWritten;

/** Every byte, or an error: a short write is retried for the rest, and a write of nothing means the disk is full. */
async function writeAll(handle: FileHandle, bytes: Uint8Array, write: WriteSome): Promise<void> {
  for (let offset = 0; offset < bytes.length;) {
    const written = await write(handle, bytes, offset);
    if (written <= 0) throw Object.assign(new Error('the disk took no more bytes'), { code: 'ENOSPC' });
    offset += written;
  }
}

/** The mode a file written over `path` keeps (a new file is private), and the owner to keep where the process may. */
function keptAttributes(path: string): { mode: number; uid?: number; gid?: number } {
  const current = statSync(path, { throwIfNoEntry: false });
  return current ? { mode: current.mode & 0o7777, uid: current.uid, gid: current.gid } : { mode: PRIVATE_FILE_MODE };
}

/** Gives the temp file the replaced file's owner and group: allowed to root, and to an owner for a group of theirs. */
async function keepOwner(handle: FileHandle, uid: number | undefined, gid: number | undefined): Promise<void> {
  if (uid === undefined || gid === undefined) return;
  const made = await handle.stat();
  if (made.uid === uid && made.gid === gid) return;
  await handle.chown(uid, gid).catch((error: unknown) => {
    if (errorCode(error) !== 'EPERM') throw error;
  });
}

/** Makes a rename or link durable; folders cannot be opened for sync everywhere, so this is best effort. */
async function syncFolder(folder: string): Promise<void> {
  const handle = await open(folder, 'r').catch(() => null);
  await handle?.sync().catch(() => undefined);
  await handle?.close();
}

export interface AtomicWriteOptions {
  /** Runs once the temp file holds every byte, just before it takes the file's place (to check a lock, keep a backup). */
  beforeReplace?: () => Promise<void>;
  /** For tests: how bytes reach the temp file. */
  write?: WriteSome;
}

/**
 * Writes a file so that it is either the old one or the whole new one, whatever happens: through a
 * temp file beside it, created with the mode (and, where allowed, the owner) of the file it replaces,
 * private for a new file; every byte checked as written, fsynced, then renamed over it. A symbolic
 * link is followed and its target replaced. On any failure the temp file is removed and the error
 * thrown, the file untouched. Returns the number of bytes written.
 * The one way films writes a file it keeps: the store, and any private file such as a config file.
 */
export async function writeFileAtomically(
  target: string,
  pieces: Iterable<string | Uint8Array>,
  options: AtomicWriteOptions = {},
): Promise<number> {
  const path = linkTarget(target);
  const { mode, uid, gid } = keptAttributes(path);
  const temp = tempPathFor(path);
  let handle: FileHandle | undefined;
  try {
    handle = await open(temp, 'wx', mode);
    // open() leaves out the bits the umask removes: set the mode itself.
    await handle.chmod(mode);
    await keepOwner(handle, uid, gid);
    let bytes = 0;
    for (const piece of pieces) {
      const chunk = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece;
      await writeAll(handle, chunk, options.write ?? writeSome);
      bytes += chunk.length;
    }
    await handle.sync();
    await handle.close();
    handle = undefined;
    await options.beforeReplace?.();
    await rename(temp, path);
    await syncFolder(dirname(path));
    return bytes;
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}
