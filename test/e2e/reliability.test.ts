import { chmod, readdir, stat, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLED, ROOT, readText, runFilms, useTempStore } from '../helpers/cli.js';

const temp = useTempStore('bundled');

const films = (args: string[], env: Record<string, string> = {}) =>
  runFilms(args, { env: { FILMS_DB: temp.store, ...env }, cwd: temp.dir });

describe('a damaged store is never overwritten', () => {
  const damaged: [string, string, RegExp][] = [
    ['empty', '', /\(the file is empty\)/],
    ['invalid JSON', '{"version": 1, "films": [}', /\(invalid JSON at line 1:26: value expected\)/],
    ['null', 'null', /\(expected an object with "version" and "films", found null\)/],
    ['wrong shape', '{"version":1,"films":[{"slug":"x"}]}', /\(films\[0\]\.title: /],
    ['future version', '{"version":3,"films":[]}', /\(version 3 is newer than this films understands \(2\); upgrade films/],
    ['prototype key', '{"version":1,"films":[],"__proto__":{"polluted":true}}', /\(__proto__: a key named "__proto__" is not allowed\)/],
  ];

  it.each(damaged)(
    '%s: every command exits 1 and the bytes stay',
    async (_name, content, reason) => {
      await writeFile(temp.store, content);
      for (const args of [
        ['show', 'dear'],
        ['list'],
        ['export'],
        ['review', 'add', 'dear', '--author', 'A', '--text', 'x'],
        ['rate', 'dear', '5'],
        ['review', 'list'],
        ['import', join(ROOT, 'test/fixtures/dear-comrades.page.txt')],
      ]) {
        const result = await films(args);
        expect(result.code, args.join(' ')).toBe(1);
        expect(result.stderr).toMatch(
          new RegExp(`^films: ${temp.store.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} is not a valid films store ${reason.source}`),
        );
        expect(result.stderr).toMatch(
          /— the file was not changed; 'films db check' lists every problem, 'films db restore' brings back the previous version\n$/,
        );
        expect(await readText(temp.store)).toBe(content);
      }
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    },
    60_000,
  );

  it('films db check lists every problem with its path', async () => {
    const doc = JSON.parse(await readText(BUNDLED));
    doc.films[0].reviews[1].rating = 11;
    doc.films[0].reviews[3].createdAt = 'yesterday';
    delete doc.films[0].title;
    await writeFile(temp.store, JSON.stringify(doc));
    const result = await films(['db', 'check']);
    expect(result.code).toBe(1);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines).toEqual(
      expect.arrayContaining([
        'films[0].title: missing: expected text',
        'films[0].reviews[1].rating: expected at most 10, found 11',
        expect.stringMatching(/^films\[0\]\.reviews\[3\]\.createdAt: expected an ISO 8601 UTC time/),
      ]),
    );
    expect(result.stderr).toMatch(
      /has 3 problems \(listed above\) — fix them by hand, or bring back the previous version with 'films db restore'\n$/,
    );
  });

  it('films db check lists a bad value and a duplicate review id in one run; one problem is singular', async () => {
    const doc = JSON.parse(await readText(BUNDLED));
    doc.films.push({ ...doc.films[0], slug: 'copy', reviews: [{ ...doc.films[0].reviews[0], rating: 11 }] });
    doc.films[0].reviews[2].id = doc.films[0].reviews[1].id;
    await writeFile(temp.store, JSON.stringify(doc));
    const both = await films(['db', 'check']);
    expect(both.stdout).toBe(
      `films[1].reviews[0].rating: expected at most 10, found 11\nfilms[0].reviews[2].id: "${doc.films[0].reviews[1].id as string}" is used by another review\n`,
    );
    expect(both.stderr).toMatch(/has 2 problems \(listed above\) — fix them by hand/);
    doc.films.pop();
    await writeFile(temp.store, JSON.stringify(doc));
    expect((await films(['db', 'check'])).stderr).toMatch(/has 1 problem \(listed above\) — fix it by hand, or bring back/);
  });

  it('films db check passes a good store', async () => {
    // Wrapped to the width, as every line for people; wide enough that the path (TMPDIR's, of any length) is never cut.
    const check = await films(['db', 'check'], { COLUMNS: String(temp.store.length + 10) });
    expect(check).toMatchObject({ code: 0, stderr: '' });
    expect(check.stdout.replace(/\s+/g, ' ')).toBe(`${temp.store} is a valid films store: 1 film, 10 reviews `);
  });
});

describe('backups', () => {
  it('keeps the previous file as <store>.bak and restores it with confirmation', async () => {
    const original = await readText(temp.store);
    await films(['rate', 'dear', '8', '--author', 'A']);
    expect(await readText(`${temp.store}.bak`)).toBe(original);
    const changed = await readText(temp.store);
    expect(await films(['db', 'restore'])).toMatchObject({
      code: 2,
      stderr: 'films: not restoring the backup without confirmation — pass --yes\n',
    });
    expect(await readText(temp.store)).toBe(changed);
    const restored = await films(['db', 'restore', '--yes']);
    expect(restored.stdout.replace(/\s+/g, ' ')).toMatch(
      /^Restored .*films\.json\.bak \(1 film, 10 reviews\); the replaced file is now the backup $/,
    );
    expect(await readText(temp.store)).toBe(original);
    expect(await readText(`${temp.store}.bak`)).toBe(changed);
  });

  it('refuses a damaged backup and changes nothing', async () => {
    await films(['rate', 'dear', '8', '--author', 'A']);
    await writeFile(`${temp.store}.bak`, '{"version":1,"films":[{}]}');
    const before = await readText(temp.store);
    const result = await films(['db', 'restore', '--yes']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^films: the backup cannot be restored: .*films\.json\.bak is not a valid films store \(films\[0\]\.slug: .* — nothing was changed\n$/,
    );
    expect(await readText(temp.store)).toBe(before);
  });

  it('restores over a damaged store, and says when there is no backup', async () => {
    expect(await films(['db', 'restore', '--yes'])).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/^films: there is no backup .*\.bak yet/),
    });
    await films(['rate', 'dear', '8', '--author', 'A']);
    await writeFile(temp.store, '{"broken');
    expect((await films(['db', 'restore', '--yes'])).code).toBe(0);
    expect(await readText(temp.store)).toBe(await readText(BUNDLED));
  });
});

describe('limits and permissions', () => {
  it('a read-only store: exit 1 and the file intact', async () => {
    const before = await readText(temp.store);
    await chmod(temp.store, 0o444);
    const result = await films(['review', 'add', 'dear', '--author', 'A', '--text', 'x']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `films: the store ${temp.store} is read-only — make it writable (chmod u+w) to change it; nothing was written\n`,
    );
    expect(await readText(temp.store)).toBe(before);
    expect((await films(['show', 'dear'])).code).toBe(0);
  });

  it('a store past the ~512 MB Node can read as one string is refused by name, untouched', async () => {
    // A sparse file one byte past 2^29 - 24: instant to make, and read like any other file.
    await truncate(temp.store, 2 ** 29 - 23);
    const before = await stat(temp.store);
    const message = `films: the store ${temp.store} is larger than the ~512 MB films can read as one JSON text — the file was not changed; split its films into two stores with a JSON tool such as jq (see 'The ceiling' in the README)\n`;
    for (const args of [
      ['show', 'dear'],
      ['db', 'check'],
      ['review', 'add', 'dear', '--author', 'A', '--text', 'x'],
    ]) {
      expect(await films(args)).toMatchObject({ code: 1, stderr: message });
    }
    const after = await stat(temp.store);
    expect([after.size, after.mtimeMs]).toEqual([before.size, before.mtimeMs]);
    expect((await readdir(temp.dir)).sort()).toEqual(['films.json']);
  });

  it('a page whose title is over 500 characters is refused before anything is written', async () => {
    const before = await readText(temp.store);
    const page = join(temp.dir, 'long.txt');
    await writeFile(page, `${'T'.repeat(501)}\nFrance\n3 people rated Plot.\nDrama\nCast (0)\nUser Reviews\n`);
    const result = await films(['import', page]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^films: .*long\.txt:1: the title is 501 characters, over the limit of 500/);
    expect(await readText(temp.store)).toBe(before);
  });
});
