import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

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
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, COLUMNS: '100', FILMS_DEBUG: undefined, ...options.env };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [BIN, ...args],
      { env: env as NodeJS.ProcessEnv, cwd: options.cwd ?? ROOT, timeout: options.timeoutMs ?? 20_000, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
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
