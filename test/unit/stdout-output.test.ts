import { closeSync, openSync } from 'node:fs';
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { fileOutput, streamOutput, writtenAsFile } from '../../src/stdout.js';
import { writeEach } from '../../src/io.js';

/**
 * stdout on a pipe as Node gives it: a reader that takes `room` writes, then fails each later one
 * with `code`, a tick after the write, as Node's stdio streams do. Like them it forgets the error once
 * emitted (they undo their own destruction) and takes more writes. `attempts` counts what reached it.
 */
class Stdio extends EventEmitter {
  errored: Error | null = null;
  writableNeedDrain = false;
  readonly taken: string[] = [];
  attempts = 0;
  constructor(
    private readonly room: number,
    private readonly code: string,
  ) {
    super();
  }
  write(text: string, done?: (error?: Error | null) => void): boolean {
    this.attempts += 1;
    if (this.taken.length < this.room) {
      this.taken.push(text);
      if (done) process.nextTick(done);
      return true;
    }
    const error = Object.assign(new Error(this.code), { code: this.code });
    this.errored = error;
    process.nextTick(() => {
      this.emit('error', error);
      this.errored = null;
      done?.(error);
    });
    return true;
  }
}

function pipe(room: number, code: string) {
  const stdio = new Stdio(room, code);
  return { stdio, stream: stdio as unknown as Parameters<typeof streamOutput>[0], taken: stdio.taken, attempts: () => stdio.attempts };
}

/** Whether `promise` has settled once pending callbacks have run. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  void promise.then(() => (done = true));
  await new Promise((resolve) => setTimeout(resolve, 5));
  return done;
}

const LINES = Array.from({ length: 100 }, (_, i) => `line ${i}\n`);

/** The lines, each drawn only when asked for: `drawn` counts them. */
function drawing() {
  let drawn = 0;
  function* lines() {
    for (const line of LINES) {
      drawn += 1;
      yield line;
    }
  }
  return { lines: lines(), drawn: () => drawn };
}

describe('stdout as a pipe or terminal', () => {
  it('a reader that leaves (EPIPE): drawing stops at the failed write, nothing more reaches the pipe, and it is no failure', async () => {
    const reader = pipe(2, 'EPIPE');
    const out = streamOutput(reader.stream);
    const draw = drawing();
    await writeEach(out, draw.lines);
    // A tick later the stream has forgotten its error: the output has not.
    await new Promise((resolve) => setTimeout(resolve, 1));
    out.write('after the end\n');
    expect(reader.taken).toEqual(['line 0\n', 'line 1\n']);
    expect(reader.attempts()).toBe(3);
    expect(draw.drawn()).toBe(3);
    expect(await out.ready?.()).toBe(false);
    expect(await out.flushed?.()).toBeNull();
  });

  it('a write that fails otherwise (ENOSPC) stops the drawing too, and is the failure flushed() reports', async () => {
    const reader = pipe(5, 'ENOSPC');
    const out = streamOutput(reader.stream);
    const draw = drawing();
    await writeEach(out, draw.lines);
    expect(reader.attempts()).toBe(6);
    expect(draw.drawn()).toBe(6);
    await new Promise((resolve) => setTimeout(resolve, 1));
    expect(await out.flushed?.()).toMatchObject({ code: 'ENOSPC' });
  });

  it('a failure that comes only after the last write (a socket reset once all was sent) is still seen: flushed() waits for it', async () => {
    const reader = pipe(LINES.length, 'EIO');
    const out = streamOutput(reader.stream);
    await writeEach(out, LINES);
    expect(reader.taken).toHaveLength(LINES.length);
    expect(await out.flushed?.()).toMatchObject({ code: 'EIO' });
  });

  it('a socket whose reader reset the connection (ECONNRESET) has gone, as a closed pipe has: no failure', async () => {
    const reader = pipe(2, 'ECONNRESET');
    const out = streamOutput(reader.stream);
    await writeEach(out, LINES);
    expect(reader.attempts()).toBe(3);
    expect(await out.flushed?.()).toBeNull();
  });

  it('ready() waits while the pipe is full, until it drains (true) or fails (false)', async () => {
    const reader = pipe(Infinity, 'EPIPE');
    const out = streamOutput(reader.stream);
    reader.stdio.writableNeedDrain = true;
    const drained = out.ready?.() ?? Promise.resolve(true);
    expect(await settled(drained)).toBe(false);
    reader.stdio.writableNeedDrain = false;
    reader.stdio.emit('drain');
    expect(await drained).toBe(true);
    reader.stdio.writableNeedDrain = true;
    const failed = out.ready?.() ?? Promise.resolve(true);
    expect(await settled(failed)).toBe(false);
    reader.stdio.emit('error', Object.assign(new Error('EPIPE'), { code: 'EPIPE' }));
    expect(await failed).toBe(false);
  });

  it('a reader that takes everything: all of it, and no failure', async () => {
    const reader = pipe(Infinity, 'EPIPE');
    const out = streamOutput(reader.stream);
    await writeEach(out, LINES);
    expect(reader.taken.join('')).toBe(LINES.join(''));
    expect(await out.flushed?.()).toBeNull();
  });
});

describe('stdout as a file or device', () => {
  it('is what films writes itself: a file, a block device, a character device that is not a terminal', () => {
    const kind = (file: boolean, block: boolean, character: boolean) => ({
      isFile: () => file,
      isBlockDevice: () => block,
      isCharacterDevice: () => character,
    });
    expect(writtenAsFile(kind(true, false, false), false)).toBe(true);
    expect(writtenAsFile(kind(false, true, false), false)).toBe(true);
    expect(writtenAsFile(kind(false, false, true), false)).toBe(true);
    // A terminal, a pipe, a socket: through Node's stream.
    expect(writtenAsFile(kind(false, false, true), true)).toBe(false);
    expect(writtenAsFile(kind(false, false, false), false)).toBe(false);
  });

  it('a write the disk cuts short is finished or failed; after a failure nothing more is written, so the file has no gap', async () => {
    const written: string[] = [];
    let calls = 0;
    // Takes 3 bytes at a time, refuses the fourth call, then would take anything again (space came free).
    const out = fileOutput(-1, (bytes, offset) => {
      calls += 1;
      if (calls === 4) throw Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' });
      const piece = Buffer.from(bytes).subarray(offset, calls < 4 ? offset + 3 : undefined);
      written.push(piece.toString());
      return piece.length;
    });
    out.write('abcdefg');
    expect(written).toEqual(['abc', 'def', 'g']);
    out.write('hij');
    expect(await out.ready?.()).toBe(false);
    out.write('klm');
    expect(calls).toBe(4);
    expect(written.join('')).toBe('abcdefg');
    expect(await out.flushed?.()).toMatchObject({ code: 'ENOSPC' });
  });

  it('a device that takes no bytes is an input/output error, not a loop for ever', async () => {
    const out = fileOutput(-1, () => 0);
    out.write('a line\n');
    expect(await out.ready?.()).toBe(false);
    expect(await out.flushed?.()).toMatchObject({ code: 'EIO' });
  });

  it('/dev/full: the first write fails, and flushed() says so; /dev/null takes everything', async () => {
    const full = openSync('/dev/full', 'w');
    const nothing = openSync('/dev/null', 'w');
    try {
      const out = fileOutput(full);
      out.write('a line\n');
      expect(await out.ready?.()).toBe(false);
      expect(await out.flushed?.()).toMatchObject({ code: 'ENOSPC' });
      const kept = fileOutput(nothing);
      await writeEach(kept, LINES);
      expect(await kept.flushed?.()).toBeNull();
    } finally {
      closeSync(full);
      closeSync(nothing);
    }
  });
});
