import { writeSync, type Stats } from 'node:fs';
import type { Output } from './io.js';
import { errorCode } from './store/errno.js';

/**
 * stdout as an Output, for src/cli.ts, which hands it the process's: once its reader has gone
 * (EPIPE: `films list | head`) or a write has failed (a full disk), nothing more is written or
 * drawn, and main() reports a failure that cut the output short.
 */

/** Whether stdout is a file or a device other than a terminal, which films writes itself (fileOutput); else a pipe, socket or terminal. */
export const writtenAsFile = (stats: Pick<Stats, 'isFile' | 'isBlockDevice' | 'isCharacterDevice'>, terminal: boolean): boolean =>
  stats.isFile() || stats.isBlockDevice() || (stats.isCharacterDevice() && !terminal);

/** Writes what it can of `bytes` from `offset` on, as fs.writeSync does: how many bytes it wrote. */
export type WriteSome = (bytes: Uint8Array, offset: number) => number;

/**
 * A file or device, written a piece at a time with every byte checked: Node's own stdout for a file
 * drops the error of a write that the disk cut short, and a backup made with `films export > file`
 * on a nearly full disk would end as a success. After a failure nothing more is written, so the
 * file holds the start of the output, without a gap, even if space comes free meanwhile.
 */
export function fileOutput(fd: number, writeSome: WriteSome = (bytes, offset) => writeSync(fd, bytes, offset)): Output {
  let failure: Error | null = null;
  return {
    write: (text) => {
      if (failure) return;
      const bytes = Buffer.from(text);
      try {
        for (let offset = 0; offset < bytes.length;) {
          const written = writeSome(bytes, offset);
          // A device that takes nothing would have this loop spin forever.
          if (written <= 0) throw Object.assign(new Error('stdout took no more bytes'), { code: 'EIO' });
          offset += written;
        }
      } catch (error) {
        failure = error instanceof Error ? error : new Error(String(error));
      }
    },
    ready: () => Promise.resolve(failure === null),
    flushed: () => Promise.resolve(failure),
  };
}

/** A reader that has gone: it closed its end of the pipe (`| head`), or reset the connection of a socket. */
const READER_GONE = new Set(['EPIPE', 'ECONNRESET']);

/**
 * A pipe or terminal. Its errors are kept here: Node's stdio streams forget theirs once the error
 * is emitted (they undo their own destruction).
 */
export function streamOutput(stream: NodeJS.WritableStream & { writableNeedDrain: boolean; errored: Error | null }): Output {
  let closed = false;
  let failure: Error | null = null;
  const failed = (error: Error | null | undefined): void => {
    if (!error) return;
    closed = true;
    if (!READER_GONE.has(errorCode(error) ?? '')) failure ??= error;
  };
  stream.on('error', failed);
  return {
    write: (text) => {
      if (!closed) stream.write(text);
    },
    ready: async () => {
      // A failed write is known at once; its error event comes a tick later.
      failed(stream.errored);
      if (!closed && stream.writableNeedDrain) {
        await new Promise<void>((resolve) => {
          const done = (): void => {
            stream.off('drain', done).off('error', done);
            resolve();
          };
          stream.on('drain', done).on('error', done);
        });
      }
      return !closed;
    },
    // An empty write's callback comes once every write before it has gone out, or failed.
    flushed: () =>
      closed
        ? Promise.resolve(failure)
        : new Promise((resolve) =>
            stream.write('', (error) => {
              failed(error);
              resolve(failure);
            }),
          ),
  };
}
