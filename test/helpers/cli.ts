import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach } from 'vitest';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = join(ROOT, 'bin', 'films.js');
export const SEED_PAGE = join(ROOT, 'test', 'fixtures', 'dear-comrades.page.txt');
export const BUNDLED = join(ROOT, 'data', 'films.json');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  env?: Record<string, string | undefined>;
  input?: string;
  timeoutMs?: number;
  cwd?: string;
}

/** Runs the built binary as a separate process, never attached to a terminal. */
export function runFilms(args: readonly string[], options: CliOptions = {}): Promise<CliResult> {
  // No config file of the machine's person: tests that need one point XDG_CONFIG_HOME at their temp folder.
  const isolated = { XDG_CONFIG_HOME: join(tmpdir(), 'films-test-no-config'), FILMS_AUTHOR: undefined };
  const env: Record<string, string | undefined> = {
    ...process.env,
    NO_COLOR: undefined,
    FORCE_COLOR: undefined,
    COLUMNS: '100',
    FILMS_DEBUG: undefined,
    ...isolated,
    ...options.env,
  };
  for (const key of Object.keys(env)) if (env[key] === undefined) Reflect.deleteProperty(env, key);
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [BIN, ...args],
      {
        env: env,
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
    if (options.input !== undefined) child.stdin?.end(options.input);
    else child.stdin?.end();
  });
}

/** A temporary folder for one test's store; `cleanup` removes it. */
export async function tempDir(): Promise<{ dir: string; store: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'films-test-'));
  return { dir, store: join(dir, 'films.json'), cleanup: () => rm(dir, { recursive: true, force: true }) };
}

export const readText = (path: string): Promise<string> => readFile(path, 'utf8');

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
