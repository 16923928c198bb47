import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { bufferedDeps } from '../helpers/deps.js';
import { ROOT, readBytes, useTempStore } from '../helpers/cli.js';

/** A version-1 store written by films before version 2 (commit a16e87a): the seed, a Letterboxd review, an IMDb rating, lastAuthor. */
const V1_STORE = join(ROOT, 'test', 'fixtures', 'store-v1.json');

const temp = useTempStore('absent');

async function films(args: string[]) {
  const deps = bufferedDeps({ env: { FILMS_DB: temp.store, FILMS_AUTHOR: 'Tess' }, cwd: temp.dir });
  const code = await main(args, deps);
  return { code, stdout: deps.stdout(), stderr: deps.stderr() };
}

describe('a version-1 store', () => {
  it('is read by every read command without being written', async () => {
    await copyFile(V1_STORE, temp.store);
    const before = await readBytes(temp.store);
    for (const args of [
      ['show', 'dear'],
      ['list'],
      ['review', 'list'],
      ['search', 'essential'],
      ['stats'],
      ['export'],
      ['show', 'come', '--json'],
    ]) {
      const result = await films(args);
      expect(result.code, args.join(' ')).toBe(0);
      expect(result.stderr, args.join(' ')).toBe('');
    }
    expect(await readBytes(temp.store)).toBe(before);
    const film = JSON.parse((await films(['show', 'come-and-see', '--json'])).stdout);
    expect(film).toMatchObject({ imdbId: 'tt0091251', marks: [] });
    expect(film.reviews.find((review: { watchedDate?: string }) => review.watchedDate)).toMatchObject({
      watchedDate: '2024-03-04',
      rewatch: true,
      tags: ['war', 'soviet'],
    });
  });

  it('exports as version 2 and checks as valid', async () => {
    await copyFile(V1_STORE, temp.store);
    expect(JSON.parse((await films(['export'])).stdout).version).toBe(2);
    const check = await films(['db', 'check']);
    expect(check).toMatchObject({ code: 0, stderr: '' });
    // Wrapped to the width, as every line for people.
    expect(check.stdout.replace(/\s+/g, ' ')).toMatch(
      /is a valid films store \(version 1, upgraded on the next change\): 2 films, 14 reviews/,
    );
  });

  it('is upgraded by its first write, keeping the old file as .v1.bak, which later writes leave alone, and saying so in one line', async () => {
    await copyFile(V1_STORE, temp.store);
    const original = await readFile(temp.store, 'utf8');
    const result = await films(['rate', 'come-and-see', '8']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      `films: upgraded the store ${temp.store} from version 1 to 2; the version-1 file is kept as ${temp.store}.v1.bak\n`,
    );
    expect(await readFile(`${temp.store}.v1.bak`, 'utf8')).toBe(original);
    expect(await readFile(`${temp.store}.bak`, 'utf8')).toBe(original);
    const upgraded = JSON.parse(await readFile(temp.store, 'utf8'));
    expect(upgraded.version).toBe(2);
    expect(upgraded).not.toHaveProperty('lastAuthor');
    expect(upgraded.films.map((film: { marks: unknown[] }) => film.marks)).toEqual([[], []]);
    // Everything else is as it was, plus the new rating.
    const old = JSON.parse(original);
    expect(upgraded.films[0].reviews).toEqual(old.films[0].reviews);
    expect(upgraded.films[1].reviews.slice(1)).toEqual(old.films[1].reviews);
    expect(upgraded.films[1].reviews[0]).toMatchObject({ author: 'Tess', rating: 8, text: '' });
    // The next writes say nothing more, rotate .bak, and leave the version-1 file alone (attack 1213 item 7).
    expect((await films(['rate', 'come-and-see', '9'])).stderr).toBe('');
    expect((await films(['rate', 'come-and-see', '7'])).stderr).toBe('');
    expect(JSON.parse(await readFile(`${temp.store}.bak`, 'utf8')).version).toBe(2);
    expect(await readFile(`${temp.store}.v1.bak`, 'utf8')).toBe(original);
    // A version-1 store upgraded again (restored by hand) does not replace the version-1 file kept first.
    await writeFile(temp.store, original.replace('"Tess"', '"Tessa"'));
    await films(['rate', 'come-and-see', '6']);
    expect(await readFile(`${temp.store}.v1.bak`, 'utf8')).toBe(original);
  });

  it('a version-1 export imports into a version-2 store', async () => {
    await writeFile(temp.store, '{"version":2,"films":[]}\n');
    const result = await films(['import', V1_STORE]);
    expect(result.code).toBe(0);
    const store = JSON.parse(await readFile(temp.store, 'utf8'));
    expect(store.films.map((film: { slug: string }) => film.slug)).toEqual(['dear-comrades', 'come-and-see']);
    expect(store.films[0].marks).toEqual([]);
  });

  it('a newer version is refused, the bytes unchanged', async () => {
    await writeFile(temp.store, '{"version":3,"films":[]}\n');
    const result = await films(['rate', 'dear', '8']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/version 3 is newer than this films understands \(2\); upgrade films/);
    expect(await readFile(temp.store, 'utf8')).toBe('{"version":3,"films":[]}\n');
  });
});
