import { copyFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli.js';
import { ceilingWarning } from '../../src/store/schema.js';
import { bufferedDeps } from '../helpers/deps.js';
import { BUNDLED, tempDir } from '../helpers/cli.js';

// A ceiling of 12,000 bytes puts the bundled store (~10,100) past the warning line, as a ~430 MB store would be.
vi.mock('../../src/store/schema.js', async (original) => ({
  ...(await original<typeof import('../../src/store/schema.js')>()),
  MAX_STORE_BYTES: 12_000,
}));

let temp: Awaited<ReturnType<typeof tempDir>>;
beforeEach(async () => {
  temp = await tempDir();
  await copyFile(BUNDLED, temp.store);
});
afterEach(() => temp.cleanup());

describe('nearing the JSON size ceiling', () => {
  it('warns from 80% of the ceiling, naming the store and what to do', () => {
    expect(ceilingWarning('/s.json', 799, 1000)).toBeNull();
    expect(ceilingWarning('/s.json', 800, 1000)).toBe(
      'the store /s.json is at 80% of the largest a JSON store can be (2^29 bytes, ~512 MB); move some films to another store (films export, then films import --db OTHER, then films remove) before it fills',
    );
    expect(ceilingWarning('/s.json', 999, 1000)).toMatch(/ is at 99% of /);
  });

  it('a write that leaves the store past 80% saves it and warns on stderr in one line', async () => {
    const deps = bufferedDeps({ env: { FILMS_DB: temp.store } });
    expect(await main(['review', 'add', 'dear-comrades', '--author', 'Ann', '--text', 'Near the ceiling.'], deps)).toBe(0);
    expect(deps.stderr()).toMatch(/^films: warning: the store .* is at 8\d% of the largest a JSON store can be .*before it fills\n$/);
    expect(deps.stderr()).toContain(`the store ${temp.store} is at`);
    expect(deps.stdout()).toMatch(/^Added review [0-9a-f]{8} of Dear Comrades!/);
    expect(JSON.parse(await readFile(temp.store, 'utf8')).films[0].reviews[0].text).toBe('Near the ceiling.');
  });

  it("the merge driver's write warns too, naming the store's path in the work tree rather than git's temp file", async () => {
    const [base, ours, theirs] = ['.merge_file_O', '.merge_file_A', '.merge_file_B'].map((name) => join(temp.dir, name)) as [
      string,
      string,
      string,
    ];
    for (const side of [base, ours, theirs]) await copyFile(BUNDLED, side);
    const deps = bufferedDeps({ cwd: temp.dir });
    expect(await main(['db', 'merge', base, ours, theirs, 'films.json'], deps)).toBe(0);
    expect(deps.stderr()).toMatch(/^films: warning: the store .* is at 8\d% of the largest a JSON store can be .*before it fills\n$/);
    expect(deps.stderr()).toContain(`the store ${temp.store} is at`);
  });

  it('counts bytes, not characters: a write past the ceiling in UTF-8 is refused, the file untouched', async () => {
    const before = await readFile(temp.store, 'utf8');
    const deps = bufferedDeps({ env: { FILMS_DB: temp.store } });
    // ~1,000 more characters (under 12,000 in all) but ~2,000 more bytes (over it).
    expect(await main(['review', 'add', 'dear-comrades', '--author', 'Ann', '--text', 'é'.repeat(1_000)], deps)).toBe(1);
    expect(deps.stderr()).toMatch(
      /^films: the store .* would be too large to save \(over the ~512 MB films can read back\) — nothing was written/,
    );
    expect(await readFile(temp.store, 'utf8')).toBe(before);
  });

  it('reads say nothing about it', async () => {
    const deps = bufferedDeps({ env: { FILMS_DB: temp.store } });
    expect(await main(['show', 'dear-comrades'], deps)).toBe(0);
    expect(deps.stderr()).toBe('');
  });
});
