import { statSync } from 'node:fs';
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLED, readText, runFilms, useTempStore } from '../helpers/cli.js';
import { leftovers, lockOwner, pausedWriter, reviewCount, reviewTexts } from '../helpers/processes.js';

/** A writer killed (SIGKILL) at each step of a large write: the old store or the new, whole, never a mix. */
const temp = useTempStore('bundled');

const films = (args: string[]) => runFilms(args, { env: { FILMS_DB: temp.store }, cwd: temp.dir });

/**
 * The bundled store and three films more of 1,000 long reviews each (~5 MB): the temp file of a
 * write takes several pieces, so that a writer can be caught with part of it written.
 */
async function writeBigStore(): Promise<void> {
  const doc = JSON.parse(await readText(BUNDLED));
  const text = 'Долгий отзыв 🎬 '.repeat(40);
  for (const n of [1, 2, 3]) {
    const reviews = Array.from({ length: 1_000 }, (_, i) => ({
      id: `b${n}${String(i).padStart(6, '0')}`,
      author: `Author ${i % 97}`,
      createdAt: new Date(Date.UTC(2020, 0, 1) - i * 60_000).toISOString(),
      rating: (i % 10) + 1,
      text,
      spoiler: false,
    }));
    doc.films.push({ ...doc.films[0], slug: `big-film-${n}`, title: `Big film ${n}`, reviews });
  }
  await writeFile(temp.store, JSON.stringify(doc));
}

describe('crash safety', () => {
  const tempFiles = async (): Promise<string[]> => (await readdir(temp.dir)).filter((name) => name.endsWith('.tmp'));

  it.each([
    ['locked', 'old'],
    ['writing', 'old'],
    ['written', 'old'],
    ['backed-up', 'old'],
    ['replaced', 'new'],
  ] as const)(
    'SIGKILL of a large write at the step "%s" leaves the %s store whole; the next writer takes over and clears what was left',
    async (step, kept) => {
      await writeBigStore();
      const before = await readText(temp.store);
      const count = await reviewCount(temp.store);
      const writer = await pausedWriter(temp.store, step, `killed at ${step}`);
      if (step === 'writing') {
        // Caught in the middle: the temp file holds part of the new store only.
        const [partial] = await tempFiles();
        expect(statSync(join(temp.dir, partial as string)).size).toBeGreaterThan(0);
        expect(statSync(join(temp.dir, partial as string)).size).toBeLessThan(Buffer.byteLength(before));
      }
      writer.child.kill('SIGKILL');
      expect(await writer.exited).toMatchObject({ code: null });
      if (kept === 'old') {
        expect(await readText(temp.store)).toBe(before);
      } else {
        expect(await reviewCount(temp.store)).toBe(count + 1);
        expect(await reviewTexts(temp.store)).toContain(`killed at ${step}`);
      }
      // A killed writer leaves its lock: the next writer takes it over, its holder being dead, and removes the orphaned temp files.
      expect(lockOwner(temp.store)).toBe(writer.pid);
      expect(await films(['rate', 'dear', '5', '--author', 'after'])).toMatchObject({ code: 0, stderr: '' });
      expect(await reviewCount(temp.store)).toBe(kept === 'old' ? count + 1 : count + 2);
      expect(await leftovers(temp.store)).toEqual([]);
    },
    60_000,
  );
});
