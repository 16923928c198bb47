import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { DataError, FilmsError, NotFoundError } from '../errors.js';
import type { Deps } from '../io.js';
import { reason } from '../store/errno.js';
import { importText } from '../formats/import-text.js';

/** How much input a command takes, and what it says past that. */
export interface InputLimit {
  maxBytes: number;
  /** The refusal, naming the file (or "standard input"). */
  tooLarge: (file: string) => FilmsError;
}

/** The bytes of a stream up to `maxBytes`, or null as soon as it passes them: leaving the loop closes the stream. */
async function readAtMost(source: AsyncIterable<Buffer | string>, maxBytes: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of source) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    total += bytes.length;
    if (total > maxBytes) return null;
    chunks.push(bytes);
  }
  return Buffer.concat(chunks, total);
}

/**
 * A file's bytes, or standard input's for "-", refused past `limit.maxBytes`: a regular file by its
 * size before reading, a device or a pipe (/dev/zero, an endless stdin) as soon as it passes the limit.
 */
export async function readInput(file: string, { io, cwd }: Pick<Deps, 'io' | 'cwd'>, limit: InputLimit): Promise<Buffer> {
  const path = resolve(cwd, file);
  try {
    let bytes: Buffer | null;
    if (file === '-') {
      bytes = await readAtMost(io.stdin() as AsyncIterable<Buffer | string>, limit.maxBytes);
    } else {
      const stats = await stat(path);
      if (stats.isFile()) bytes = stats.size > limit.maxBytes ? null : await readFile(path);
      else bytes = await readAtMost(createReadStream(path), limit.maxBytes);
    }
    if (bytes === null) throw limit.tooLarge(file === '-' ? 'standard input' : file);
    return bytes;
  } catch (error) {
    if (error instanceof FilmsError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new NotFoundError(`no file ${file}`, 'check the path');
    throw new DataError(`cannot read ${file} (${reason(error)})`, 'check the path and its permissions');
  }
}

/**
 * A file's text, or standard input's for "-", within `limit`: UTF-8 or UTF-16 with its byte order
 * mark, as imports read it; other bytes would become U+FFFD for good, so they are refused.
 */
export async function readTextInput(file: string, deps: Pick<Deps, 'io' | 'cwd'>, limit: InputLimit): Promise<string> {
  const bytes = await readInput(file, deps, limit);
  return importText(bytes, file === '-' ? 'standard input' : file, {
    nothing: 'nothing was saved',
    hint: 'save it as UTF-8 and try again',
  });
}
