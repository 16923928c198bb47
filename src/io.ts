import { Chalk, type ChalkInstance } from 'chalk';
import type { Prompter } from './prompts.js';

export interface Output {
  write(text: string): void;
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
  color: ChalkInstance;
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
  stdoutColumns: number | undefined;
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

/** By convention a set locale that is not UTF-8 (C, POSIX, en_US.ISO-8859-1) means a terminal without Unicode. */
export function unicodeTerminal(env: Env): boolean {
  const locale = env.LC_ALL || env.LC_CTYPE || env.LANG;
  return !locale || /utf-?8/i.test(locale);
}

function renderWidth(facts: TerminalFacts): number {
  if (facts.stdoutIsTTY && facts.stdoutColumns) return facts.stdoutColumns;
  const fromEnv = Number.parseInt(facts.env.COLUMNS ?? '', 10);
  return Number.isFinite(fromEnv) && fromEnv > 0 ? fromEnv : 80;
}

export function makeIO(facts: TerminalFacts, streams: Pick<IO, 'out' | 'err' | 'stdin'>): IO {
  return {
    ...streams,
    isStdoutTTY: facts.stdoutIsTTY,
    canPrompt: facts.stdoutIsTTY && facts.stdinIsTTY && !facts.env.CI,
    columns: renderWidth(facts),
    color: new Chalk({ level: colorLevel(facts.env, facts.stdoutIsTTY) }),
  };
}
