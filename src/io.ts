import { Chalk, type ChalkInstance } from 'chalk';
import type { StartPager } from './pager.js';
import type { Prompter } from './prompts.js';
import { ASCII_GLYPHS, UNICODE_GLYPHS, type Glyphs, type Look } from './render/glyphs.js';
import { terminalProgress } from './render/progress.js';
import { NO_PROGRESS, type Progress } from './progress.js';

export interface Output {
  write(text: string): void;
  /**
   * Resolves once the reader has taken what was written, true; false once it has gone (q in the
   * pager, a closed pipe) or a write has failed (a full disk), after which writes are dropped. Long
   * output written a piece at a time waits on it, so that its first screen shows while the rest is
   * drawn, and stops when nobody reads.
   */
  ready?: () => Promise<boolean>;
  /**
   * Resolves once what was written has gone out: the error that cut it short (a full disk under
   * `films export > file`), or null. A reader that left early (`films list | head`) is no error.
   */
  flushed?: () => Promise<Error | null>;
}

/** Everything a command may read from or write to the outside world. */
export interface IO {
  /** Data: tables, JSON. */
  out: Output;
  /** Messages: errors, warnings, summaries. */
  err: Output;
  /** Opened on first use: creating process.stdin alone costs several milliseconds. */
  stdin: () => NodeJS.ReadableStream;
  isStdoutTTY: boolean;
  /** Prompts are allowed only when both ends are terminals and CI is unset. */
  canPrompt: boolean;
  /** Width to render for. */
  columns: number;
  /** The width notes on stderr wrap to when it is a terminal; null in a pipe, where a script reads each as one line. */
  errColumns: number | null;
  /** The terminal's lines, null when stdout is none: output taller than this is paged. */
  rows: number | null;
  color: ChalkInstance;
  /** Unicode or ASCII, as the locale says: the characters every renderer draws with. */
  glyphs: Glyphs;
  /** Whether output for people may go through the pager: stdout is a terminal, and no --no-pager. */
  paging: boolean;
  /** How far long work is (an import), drawn on stderr only when it is a terminal. */
  progress: () => Progress;
}

export type Env = Readonly<Record<string, string | undefined>>;

export interface Deps {
  io: IO;
  env: Env;
  cwd: string;
  now: () => Date;
  /** This process, named in the store's lock so a waiting command can say who holds it. */
  pid: number;
  /** Whether the process with this pid runs on this machine: a store's lock whose holder is dead is taken over. */
  isProcessAlive: (pid: number) => boolean;
  /** How long a write waits for another live process's lock on the store (default ~6 s). */
  lockWaitMs?: number;
  /** The OS login name (null when the system has none): who "you" are when nothing else says. */
  loginName: string | null;
  /** The prompts, created on first use (only when io.canPrompt). */
  prompter: () => Promise<Prompter>;
  /** Runs git (`films db git-setup`). */
  git: RunGit;
  /** The command line that runs this films (node, then its bin/films.js): what git is told to call back. */
  selfCommand: readonly string[];
  /** Starts the pager (cli.ts decides when). */
  startPager: StartPager;
}

/** How a run of git ended, and what it printed. */
export interface GitResult {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs git with `args` in the folder `cwd`; rejects with the system's error (code ENOENT) when there is no git to run. */
export type RunGit = (args: readonly string[], cwd: string) => Promise<GitResult>;

export interface TerminalFacts {
  env: Env;
  stdoutIsTTY: boolean;
  stdinIsTTY: boolean;
  stderrIsTTY: boolean;
  stdoutColumns: number | undefined;
  stdoutRows: number | undefined;
  /** Milliseconds, for the progress line's pace. */
  clock: () => number;
}

/** Colour level by the usual conventions: NO_COLOR wins, FORCE_COLOR forces, pipes get none. */
export function colorLevel(env: Env, stdoutIsTTY: boolean): 0 | 1 | 2 | 3 {
  if (env.NO_COLOR) return 0;
  const force = env.FORCE_COLOR;
  if (force !== undefined) {
    if (force === '0' || force === 'false') return 0;
    if (force === '2') return 2;
    if (force === '3') return 3;
    return 1;
  }
  if (!stdoutIsTTY || env.TERM === 'dumb') return 0;
  if (env.COLORTERM === 'truecolor' || env.COLORTERM === '24bit') return 3;
  return env.TERM?.includes('256') ? 2 : 1;
}

/**
 * By convention a set locale that is not UTF-8 (C, POSIX, en_US.ISO-8859-1) means a terminal
 * without Unicode; the first of LC_ALL, LC_CTYPE and LANG that is set (and not empty) decides, as
 * setlocale reads them. None set: a UTF-8 terminal, as nearly every one is today.
 */
export function unicodeTerminal(env: Env): boolean {
  const locale = env.LC_ALL || env.LC_CTYPE || env.LANG;
  return !locale || /utf-?8/i.test(locale);
}

function renderWidth(facts: TerminalFacts): number {
  if (facts.stdoutIsTTY && facts.stdoutColumns) return facts.stdoutColumns;
  const fromEnv = Number.parseInt(facts.env.COLUMNS ?? '', 10);
  return Number.isFinite(fromEnv) && fromEnv > 0 ? fromEnv : 80;
}

/**
 * Writes `pieces` in turn, waiting after each until the reader has taken it: a long list shows its
 * first screen while the rest is drawn, and stops being drawn once the reader has gone.
 */
export async function writeEach(out: Output, pieces: Iterable<string>): Promise<void> {
  for (const piece of pieces) {
    out.write(piece);
    if (out.ready && !(await out.ready())) return;
  }
}

/** How an IO's output for people is drawn: its width, colours and characters. */
export const lookOf = (io: IO): Look => ({ width: io.columns, color: io.color, glyphs: io.glyphs });

export function makeIO(facts: TerminalFacts, streams: Pick<IO, 'out' | 'err' | 'stdin'>): IO {
  const io: IO = {
    ...streams,
    isStdoutTTY: facts.stdoutIsTTY,
    canPrompt: facts.stdoutIsTTY && facts.stdinIsTTY && !facts.env.CI,
    columns: renderWidth(facts),
    errColumns: facts.stderrIsTTY ? renderWidth(facts) : null,
    rows: facts.stdoutIsTTY && facts.stdoutRows ? facts.stdoutRows : null,
    color: new Chalk({ level: colorLevel(facts.env, facts.stdoutIsTTY) }),
    glyphs: unicodeTerminal(facts.env) ? UNICODE_GLYPHS : ASCII_GLYPHS,
    paging: facts.stdoutIsTTY,
    progress: () => NO_PROGRESS,
  };
  // Messages (errors, warnings, notes) in the terminal's characters; each stays one line, as scripts read them.
  const message = (text: string): string => io.glyphs.text(text);
  io.err = { ...streams.err, write: (text) => streams.err.write(message(text)) };
  if (!facts.stderrIsTTY) return io;
  // At a terminal, a progress line waits with the cursor at its start: whatever is written next erases it first.
  let line: ReturnType<typeof terminalProgress> | undefined;
  io.out = {
    ...streams.out,
    write: (text) => {
      line?.clear();
      streams.out.write(text);
    },
  };
  io.err = {
    ...streams.err,
    write: (text) => {
      line?.clear();
      streams.err.write(message(text));
    },
  };
  io.progress = () => {
    line?.end();
    line = terminalProgress((text) => streams.err.write(text), lookOf(io), facts.clock);
    return line;
  };
  return io;
}
