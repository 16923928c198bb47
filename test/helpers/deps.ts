import { Readable } from 'node:stream';
import { isProcessAlive } from '../../src/cli.js';
import { makeIO, type Deps, type Env, type RunGit } from '../../src/io.js';
import type { StartPager } from '../../src/pager.js';
import type { Prompter } from '../../src/prompts.js';
import { BIN } from './paths.js';

export interface BufferedDeps extends Deps {
  stdout: () => string;
  stderr: () => string;
}

/** Deps with captured output, for running commands in-process. */
export function bufferedDeps(
  options: {
    env?: Env;
    columns?: number;
    tty?: boolean;
    cwd?: string;
    now?: Date;
    prompter?: Prompter;
    stdin?: string;
    loginName?: string | null;
    git?: RunGit;
    /** The terminal's lines (with tty): output taller is paged, through `startPager`. */
    rows?: number;
    startPager?: StartPager;
    /** Milliseconds, for the progress line (with tty). */
    clock?: () => number;
  } = {},
): BufferedDeps {
  let out = '';
  let err = '';
  const env = options.env ?? {};
  const io = makeIO(
    {
      env,
      stdoutIsTTY: options.tty ?? false,
      stdinIsTTY: options.tty ?? false,
      stderrIsTTY: options.tty ?? false,
      stdoutColumns: options.columns,
      stdoutRows: options.rows,
      clock: options.clock ?? (() => 0),
    },
    {
      out: { write: (text) => void (out += text) },
      err: { write: (text) => void (err += text) },
      stdin: () => Readable.from(options.stdin === undefined ? [] : [Buffer.from(options.stdin)]),
    },
  );
  if (options.columns) io.columns = options.columns;
  const now = options.now ?? new Date('2026-01-01T00:00:00.000Z');
  const prompter = async (): Promise<Prompter> => {
    if (!options.prompter) throw new Error('this test gave no prompter');
    return options.prompter;
  };
  const git: RunGit = options.git ?? (() => Promise.reject(new Error('this test gave no git')));
  return {
    io,
    env,
    cwd: options.cwd ?? '/',
    now: () => now,
    pid: 4242,
    isProcessAlive,
    loginName: options.loginName === undefined ? 'tester' : options.loginName,
    prompter,
    git,
    selfCommand: [process.execPath, BIN],
    startPager:
      options.startPager ??
      (() => {
        throw new Error('this test gave no pager');
      }),
    stdout: () => out,
    stderr: () => err,
  };
}
