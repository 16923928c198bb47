import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { DataError, NotFoundError } from '../errors.js';
import type { Deps } from '../io.js';
import { reason } from '../store/errno.js';

/** A file's bytes, or standard input's for "-". */
export async function readInput(file: string, { io, cwd }: Deps): Promise<Buffer> {
  if (file === '-') {
    const chunks: Buffer[] = [];
    for await (const chunk of io.stdin()) chunks.push(Buffer.from(chunk));
    return Buffer.concat(chunks);
  }
  try {
    return await readFile(resolve(cwd, file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new NotFoundError(`no file ${file}`, 'check the path');
    throw new DataError(`cannot read ${file} (${reason(error)})`, 'check the path and its permissions');
  }
}

/** A file's text (UTF-8), or standard input's for "-". */
export async function readTextInput(file: string, deps: Deps): Promise<string> {
  return (await readInput(file, deps)).toString('utf8');
}
