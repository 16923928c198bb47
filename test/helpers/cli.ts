import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { gitRunner, loginName, main } from '../../src/cli.js';
import { bufferedDeps } from './deps.js';
import { BIN, BUNDLED, ROOT } from './paths.js';

export { BIN, BUNDLED, ROOT, SEED_PAGE } from './paths.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  /** Added to this process's environment; undefined removes a variable. */
  env?: Record<string, string | undefined>;
  /** Standard input (none: an empty one, at its end). */
  input?: string;
  /** The run fails past this (default 20 s). */
  timeoutMs?: number;
  /** The working folder (default: the repository's root). */
  cwd?: string;
}

/**
 * The environment films runs with in tests: this process's without colour or locale settings or the
 * person's config (a test that needs a config file points XDG_CONFIG_HOME at its temp folder),
 * COLUMNS=100, then the test's own. Variables set to undefined are left out.
 */
function filmsEnv(overrides: CliOptions['env'] = {}): Record<string, string> {
  const env: Record<string, string | undefined> = {
    ...process.env,
    NO_COLOR: undefined,
    FORCE_COLOR: undefined,
    LC_ALL: undefined,
    LC_CTYPE: undefined,
    LANG: undefined,
    COLUMNS: '100',
    FILMS_DEBUG: undefined,
    XDG_CONFIG_HOME: join(tmpdir(), 'films-test-no-config'),
    FILMS_AUTHOR: undefined,
    ...overrides,
  };
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

const failAfter = (ms: number, args: readonly string[]): Promise<never> =>
  new Promise((_resolve, reject) => {
    setTimeout(() => reject(new Error(`films ${args.join(' ')} did not finish within ${ms} ms`)), ms).unref();
  });

/**
 * Runs films in this process, through main(argv, deps), as the binary would run in a pipe: the
 * environment, working folder, standard input, clock, login name, git and pid of a real run, stdout
 * and stderr not terminals (so no colour unless FORCE_COLOR, and COLUMNS sets the width). What only
 * the real process does (bin/films.js's --version and EPIPE, signals, exit) is tested with spawnFilms.
 */
export async function runFilms(args: readonly string[], options: CliOptions = {}): Promise<CliResult> {
  const env = filmsEnv(options.env);
  const deps = {
    ...bufferedDeps({ env, cwd: options.cwd ?? ROOT, stdin: options.input }),
    now: () => new Date(),
    pid: process.pid,
    loginName: loginName(env),
    git: gitRunner(env),
  };
  const code = await Promise.race([main(args, deps), failAfter(options.timeoutMs ?? 20_000, args)]);
  return { code, stdout: deps.stdout(), stderr: deps.stderr() };
}

/** Runs the built binary (bin/films.js) as a separate process, never attached to a terminal: for what only the real process shows. */
export function spawnFilms(args: readonly string[], options: CliOptions = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [BIN, ...args],
      {
        env: filmsEnv(options.env),
        cwd: options.cwd ?? ROOT,
        timeout: options.timeoutMs ?? 20_000,
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
    child.stdin?.end(options.input);
  });
}

/** What films says when stdout could not take its output for want of space (a full disk, /dev/full). */
export const STDOUT_FULL =
  'films: could not write to stdout (the disk is full, ENOSPC): the output is incomplete — free some space; only the output was lost, not any change the command made\n';

/** A temporary folder for one test's store (in `parent`, the temp folder by default); `cleanup` removes it. */
export async function tempDir(parent = tmpdir()): Promise<{ dir: string; store: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(parent, 'films-test-'));
  return { dir, store: join(dir, 'films.json'), cleanup: () => rm(dir, { recursive: true, force: true }) };
}

export const readText = (path: string): Promise<string> => readFile(path, 'utf8');

/**
 * A file's bytes as a string of one character a byte, to compare with toBe: byte for byte, as a
 * Buffer's, but at once (toEqual walks a Buffer a byte at a time, ~16 ms for a 10 KB store).
 */
export const readBytes = async (path: string): Promise<string> => (await readFile(path)).toString('latin1');

export const EMPTY_STORE = '{"version":2,"films":[]}\n';

/**
 * A temp folder for each test of the file, its store started as asked: a copy of the bundled
 * catalogue, an empty store, or none yet (films creates it on first use).
 */
export function useTempStore(start: 'bundled' | 'empty' | 'absent'): { readonly dir: string; readonly store: string } {
  let current: Awaited<ReturnType<typeof tempDir>> | undefined;
  beforeEach(async () => {
    current = await tempDir();
    if (start === 'bundled') await copyFile(BUNDLED, current.store);
    if (start === 'empty') await writeFile(current.store, EMPTY_STORE);
  });
  afterEach(() => current?.cleanup());
  const now = (): Awaited<ReturnType<typeof tempDir>> => {
    if (!current) throw new Error('useTempStore: read temp.dir and temp.store inside a test');
    return current;
  };
  return {
    get dir() {
      return now().dir;
    },
    get store() {
      return now().store;
    },
  };
}
