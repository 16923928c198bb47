import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { checkStoreText } from '../../src/store/validate.js';
import { readText } from './cli.js';
import { ROOT } from './paths.js';

/** The steps of a write at which test/helpers/paused-films.mjs stops, in order. */
export type WriteStep = 'locked' | 'writing' | 'written' | 'backed-up' | 'replaced';

export interface Paused {
  pid: number;
  child: ReturnType<typeof spawn>;
  /** How it ended: its exit code and what it printed after the line naming its step. */
  exited: Promise<{ code: number | null; stdout: string; stderr: string }>;
}

/**
 * `films review add dear` on `store` as a process of its own (test/helpers/paused-films.mjs), stopped
 * (SIGSTOP) by itself at `step` of its write: killed or resumed there, it is where the test says, on any machine.
 */
export async function pausedWriter(store: string, step: WriteStep, text: string): Promise<Paused> {
  const args = [join(ROOT, 'test', 'helpers', 'paused-films.mjs'), step, 'review', 'add', 'dear', '--author', 'H', '--text', text];
  const child = spawn(process.execPath, args, { env: { ...process.env, FILMS_DB: store }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const announced = `${step}\n`;
  const stopped = new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.startsWith(announced)) resolve();
    });
    child.on('close', () => reject(new Error(`the writer ended before it reached "${step}": ${stdout}${stderr}`)));
  });
  const exited = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code) => resolve({ code, stdout: stdout.slice(announced.length), stderr })),
  );
  await stopped;
  const pid = child.pid as number;
  // It says where it is just before it stops: a SIGCONT sent in between would be lost, and it would stay stopped.
  while (!isStopped(pid)) await new Promise((resolve) => setTimeout(resolve, 2));
  return { pid, child, exited };
}

/** Whether the process is stopped (state T), as /proc, or ps where there is no /proc, says. */
function isStopped(pid: number): boolean {
  const state = existsSync('/proc/self/stat')
    ? readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '')
    : execFileSync('ps', ['-o', 'stat=', '-p', String(pid)], { encoding: 'utf8' }).trim();
  return state.startsWith('T');
}

/** The pid named in the store's lock, or null when there is none. */
export function lockOwner(store: string): number | null {
  try {
    return (JSON.parse(readFileSync(`${store}.lock`, 'utf8')) as { pid: number }).pid;
  } catch {
    return null;
  }
}

/** The store's films, checked to be a valid store. */
async function films(store: string): Promise<{ reviews: { text: string }[] }[]> {
  const check = checkStoreText(await readText(store));
  if (!check.ok) throw new Error(`invalid store: ${check.problems.join('; ')}`);
  return check.data.films;
}

/** How many reviews the store holds, all films together. */
export const reviewCount = async (store: string): Promise<number> =>
  (await films(store)).reduce((sum, film) => sum + film.reviews.length, 0);
/** The texts of the reviews of the store's first film, Dear Comrades!, which the writers add to. */
export const reviewTexts = async (store: string): Promise<string[]> => (await films(store))[0]?.reviews.map((review) => review.text) ?? [];

/** Temp files and locks left beside the store. */
export const leftovers = async (store: string): Promise<string[]> =>
  (await readdir(dirname(store))).filter((name) => name.endsWith('.tmp') || name.includes('.lock'));
