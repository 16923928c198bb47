import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { DataError, FilmsError, NotFoundError, UsageError } from '../errors.js';
import type { Deps, IO } from '../io.js';
import { storePath } from '../store/location.js';
import { reason } from '../store/errno.js';
import type { StoreWriter } from '../store/file.js';
import { safeText } from '../render/safe-text.js';

/** Commander value parser for a whole number ≥ 1 (`--limit 5`). */
export function parseCount(value: string): number {
  const count = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(count) || count < 1) {
    throw new InvalidArgumentError('expected a whole number of 1 or more');
  }
  return count;
}

/** Commander value parser that collects a repeatable option into a list. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** The store file this command works on, from --db, FILMS_DB or the default location. */
export function storeFor(command: Command, deps: Deps): string {
  const { db } = command.optsWithGlobals<{ db?: string }>();
  return storePath(db, deps.env, deps.cwd);
}

/** A warning: one line on stderr; the command goes on. */
export function warn(io: IO, message: string): void {
  io.err.write(`${safeText(`films: warning: ${message}`)}\n`);
}

/** This process as the store's writer: named in its lock, warning on stderr (e.g. as the store nears its size ceiling). */
export function storeWriter({ pid, isProcessAlive, io }: Deps): StoreWriter {
  return { pid, isProcessAlive, warn: (message) => warn(io, message) };
}

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
export async function readInput(file: string, { io, cwd }: Deps, limit: InputLimit): Promise<Buffer> {
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

/** A file's text (UTF-8), or standard input's for "-", within `limit`. */
export async function readTextInput(file: string, deps: Deps, limit: InputLimit): Promise<string> {
  return (await readInput(file, deps, limit)).toString('utf8');
}

/**
 * `films` or a command group (`films db`) run alone prints its help; with an unknown word, it says so.
 * Call it after the group's subcommands are added: they would inherit its tolerance of extra words.
 */
export function helpUnlessUnknown(group: Command): Command {
  return group.allowExcessArguments(true).action((_flags: object, command: Command) => {
    const [word] = command.args;
    if (word !== undefined) {
      const known = command.commands.map((sub) => sub.name()).join(', ');
      const where = command.parent ? ` for 'films ${command.name()}'` : '';
      throw new UsageError(`unknown command '${word}'${where}`, `try one of: ${known}`);
    }
    command.outputHelp();
  });
}
