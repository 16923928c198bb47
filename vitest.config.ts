import { accessSync, constants, readdirSync, readFileSync, statfsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Most test files share their worker's modules (isolate: false): each file in a fresh process costs
 * ~0.3 s of CPU, a quarter of the suite's. A file that mocks a module, spies on or stubs a global, or
 * fakes timers changes what later files in its worker would see, so it runs alone in a fresh one, as
 * does a file that tests what a module does on first use.
 */
const CHANGES_MODULES = /\bvi\.(mock|doMock|unmock|doUnmock|spyOn|stubGlobal|stubEnv|useFakeTimers|resetModules)\(/;
const FIRST_USE = ['test/unit/schema-compile.test.ts'];
const root = fileURLToPath(new URL('.', import.meta.url));
const testFiles = readdirSync(join(root, 'test'), { recursive: true, encoding: 'utf8' })
  .filter((name) => name.endsWith('.test.ts'))
  .map((name) => `test/${name}`);
const isolated = [...FIRST_USE, ...testFiles.filter((file) => CHANGES_MODULES.test(readFileSync(join(root, file), 'utf8')))];

/**
 * Files that wait on other processes (a lock held ~6 s, tmux, git, the built binary) start first, so
 * that the cores have other files' work meanwhile. vitest starts the files that took longest last
 * time first, and without an earlier run (a fresh clone, CI) the largest: these came last, and the
 * suite waited on them at its end. The other isolated files come last: a worker of shared files is
 * kept for the next file only when that file shares too, so one in between stopped every shared
 * worker and started it again, loading every module again (at the front, one stops none: no shared
 * worker has finished yet).
 */
const WAITS_ON_PROCESSES = /\b(spawnFilms|execFile|execFileSync|spawn|spawnSync|Terminal|pausedWriter|testGit|initRepo)\b/;
class WaitingFilesFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (file: TestSpecification): number => {
      if (WAITS_ON_PROCESSES.test(readFileSync(file.moduleId, 'utf8'))) return 0;
      return file.project.config.isolate ? 2 : 1;
    };
    const ranks = new Map(sorted.map((file) => [file, rank(file)]));
    return sorted.sort((a, b) => Number(ranks.get(a)) - Number(ranks.get(b)));
  }
}

/**
 * Tests keep their temp stores, configs and git repositories in memory (/dev/shm, a tmpfs) where
 * there is one with room, unless TMPDIR, TMP or TEMP (each read by os.tmpdir()) says where (the
 * scripts tests run as programs live under the project: test/helpers/scripts.ts):
 * every store write is fsynced, and on a disk those waits, and the journal's work, cost the suite
 * seconds, more when other work shares the disk. A test cannot see what an fsync keeps anyway
 * (that shows only after a power cut), and the full-disk tests mount a tmpfs of their own.
 */
const MEMORY = '/dev/shm';
const ROOM = 1 << 30;
function memoryTemp(): string | undefined {
  if (['TMPDIR', 'TMP', 'TEMP'].some((name) => process.env[name])) return undefined;
  try {
    const mounts = readFileSync('/proc/mounts', 'utf8').split('\n');
    const options = mounts
      .findLast((line) => line.split(' ')[1] === MEMORY)
      ?.split(' ')[3]
      ?.split(',');
    if (!options?.includes('rw')) return undefined;
    accessSync(MEMORY, constants.W_OK);
    const space = statfsSync(MEMORY);
    return space.bavail * space.bsize >= ROOM ? MEMORY : undefined;
  } catch {
    return undefined;
  }
}
const temp = memoryTemp();

export default defineConfig({
  test: {
    env: temp ? { TMPDIR: temp } : {},
    testTimeout: 30_000,
    // vitest's default is one worker fewer than the cores, one alone on a 2-core machine. Some files wait
    // on real time (another process's lock, tmux, git): a worker more keeps the cores busy meanwhile.
    maxWorkers: availableParallelism() + 1,
    // A young generation of 64 MB a semi-space, not V8's 16: tests build large stores and texts, and
    // collecting the young generation took ~8 s of the suite's CPU, ~4 s with this (CPU profiles).
    execArgv: ['--max-semi-space-size=64'],
    sequence: { sequencer: WaitingFilesFirst },
    projects: [
      { extends: true, test: { name: 'isolated', include: isolated } },
      { extends: true, test: { name: 'shared', include: ['test/**/*.test.ts'], exclude: isolated, isolate: false } },
    ],
  },
});
