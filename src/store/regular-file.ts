import { closeSync, constants, fstatSync, openSync, readFileSync, type Stats } from 'node:fs';
import { StoreError } from '../errors.js';

/** What a path is when it is not a regular file, as the refusal says it. */
export function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a named pipe';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isSocket()) return 'a socket';
  return 'not a regular file';
}

/** The refusals of a file films keeps (the store, the config file), each naming the file. */
export interface RegularFileErrors {
  notAFile: (kind: string) => StoreError;
  tooLarge: (size: number) => StoreError;
  cannotRead: (error: unknown) => StoreError;
}

/** O_NONBLOCK is missing on Windows, whatever @types/node says. */
const nonBlocking: number | undefined = constants.O_NONBLOCK;

/**
 * What `read` makes of a file films keeps, or null when there is none: opened without blocking (a
 * named pipe would wait for a writer), checked as a regular file of at most `maxBytes` before a
 * byte is read (a device such as /dev/zero never ends), then read.
 */
export function readRegularFile<T>(path: string, maxBytes: number, errors: RegularFileErrors, read: (fd: number) => T): T | null {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (nonBlocking ?? 0));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw errors.cannotRead(error);
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw errors.notAFile(kindOf(stats));
    if (stats.size > maxBytes) throw errors.tooLarge(stats.size);
    return read(fd);
  } catch (error) {
    if (error instanceof StoreError) throw error;
    throw errors.cannotRead(error);
  } finally {
    closeSync(fd);
  }
}

/** A regular file's bytes, read in one go, within `maxBytes`; null when there is none. */
export const readRegularFileBytes = (path: string, maxBytes: number, errors: RegularFileErrors): Buffer | null =>
  readRegularFile(path, maxBytes, errors, (fd) => readFileSync(fd));
