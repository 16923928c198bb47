import { readFile, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { BUNDLED, readText, useTempStore } from '../helpers/cli.js';
import { cpuMsSince } from '../helpers/cpu-time.js';
import { bufferedDeps } from '../helpers/deps.js';

const temp = useTempStore('absent');

/** Generous bounds for a busy machine: before the fixes, each of these took minutes or crashed. */
const BOUND_MS = 10_000;
const LOREM = 'lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor ';

/** The bundled store with one film's title or newest review replaced by a huge one. */
async function storeWith(change: { title?: string; review?: string }): Promise<string> {
  const store = JSON.parse(await readText(BUNDLED));
  const film = store.films[0];
  if (change.title) film.title = change.title;
  if (change.review)
    film.reviews.unshift({
      id: 'huge0001',
      author: 'a',
      createdAt: '2026-01-01T00:00:00.000Z',
      rating: 5,
      text: change.review,
      spoiler: false,
    });
  const text = `${JSON.stringify(store, null, 2)}\n`;
  await writeFile(temp.store, text);
  return text;
}

async function films(args: string[]): Promise<{ code: number; stdout: string; stderr: string; ms: number }> {
  const deps = bufferedDeps({ env: { FILMS_DB: temp.store }, columns: 100 });
  const started = process.cpuUsage();
  const code = await main(args, deps);
  return { code, stdout: deps.stdout(), stderr: deps.stderr(), ms: cpuMsSince(started) };
}

describe('huge fields neither hang nor crash a command (the cases of issue 11)', () => {
  it('list with a 1 MB title (stack overflow)', async () => {
    const title = LOREM.repeat(13_000);
    const before = await storeWith({ title });
    const result = await films(['list']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.ms).toBeLessThan(BOUND_MS);
    expect(result.stdout.replace(/[│\s]/g, '')).toContain(title.replace(/\s/g, '').slice(0, 5000));
    expect(await readFile(temp.store, 'utf8')).toBe(before);
  });

  it('search lorem in a 1 MB review (over 200 s)', async () => {
    await storeWith({ review: LOREM.repeat(13_000) });
    const result = await films(['search', 'lorem']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.ms).toBeLessThan(BOUND_MS);
    expect(result.stdout).toContain('review huge0001 a: [lorem] ipsum dolor sit amet');
  });

  it('search a in a review of 100,000 "a a a …" (107 s)', async () => {
    await storeWith({ review: 'a '.repeat(50_000) });
    const result = await films(['search', 'a']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.ms).toBeLessThan(BOUND_MS);
    expect(result.stdout).toMatch(/review huge0001 a: \[a\] \[a\] \[a\] .*…\n/);
  });

  it('show --full with a review of 50,000 lines (107 s)', async () => {
    await storeWith({ review: Array.from({ length: 50_000 }, (_, i) => `line ${i}`).join('\n') });
    const result = await films(['show', 'dear-comrades', '--full']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.ms).toBeLessThan(BOUND_MS);
    expect(result.stdout.match(/│ line \d+ +│/g)).toHaveLength(50_000);
  });
});
