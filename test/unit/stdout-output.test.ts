import { closeSync, openSync } from 'node:fs';
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { fileOutput, streamOutput } from '../../src/cli.js';
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
  return { stream: stdio as unknown as Parameters<typeof streamOutput>[0], taken: stdio.taken, attempts: () => stdio.attempts };
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

  it('a reader that takes everything: all of it, and no failure', async () => {
    const reader = pipe(Infinity, 'EPIPE');
    const out = streamOutput(reader.stream);
    await writeEach(out, LINES);
    expect(reader.taken.join('')).toBe(LINES.join(''));
    expect(await out.flushed?.()).toBeNull();
  });
});

describe('stdout as a file or device', () => {
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
