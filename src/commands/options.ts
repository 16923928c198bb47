import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { DataError, NotFoundError, UsageError } from '../errors.js';
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
export function storeWriter({ pid, io }: Deps): StoreWriter {
  return { pid, warn: (message) => warn(io, message) };
}

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
