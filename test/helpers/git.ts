import { execFile } from 'node:child_process';
import type { RunGit } from '../../src/io.js';

/**
 * git for tests: the machine's and the user's config left out, so a bare CI machine and a
 * developer's laptop run the same; each repository gets its own user.name and user.email.
 * No housekeeping after commits and fetches (git gc, git maintenance): ~50 processes a run.
 */
export const GIT_ENV: Record<string, string> = {
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_COUNT: '2',
  GIT_CONFIG_KEY_0: 'gc.auto',
  GIT_CONFIG_VALUE_0: '0',
  GIT_CONFIG_KEY_1: 'maintenance.auto',
  GIT_CONFIG_VALUE_1: 'false',
  GIT_TERMINAL_PROMPT: '0',
  LC_ALL: 'C',
};

export const testGit: RunGit = (args, cwd) =>
  new Promise((resolve, reject) => {
    execFile('git', [...args], { cwd, env: { ...process.env, ...GIT_ENV }, encoding: 'utf8' }, (error, stdout, stderr) => {
      if (error && typeof error.code !== 'number') reject(new Error(error.message, { cause: error }));
      else resolve({ status: error ? Number(error.code) : 0, stdout, stderr });
    });
  });

/** Runs git and returns its output; fails the test with git's own words when git fails. */
export async function git(cwd: string, ...args: string[]): Promise<string> {
  const result = await testGit(args, cwd);
  if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed (${result.status}): ${result.stderr}${result.stdout}`);
  return result.stdout;
}

/** A new repository with its own user, on branch main. */
export async function initRepo(dir: string): Promise<void> {
  await git(dir, 'init', '-q', '-b', 'main');
  await setUser(dir);
}

export async function setUser(dir: string, name = 'Films Test'): Promise<void> {
  await git(dir, 'config', 'user.name', name);
  await git(dir, 'config', 'user.email', `${name.toLowerCase().replace(/\W+/g, '.')}@example.com`);
}
