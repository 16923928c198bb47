import { copyFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLED, readText, runFilms, SEED_PAGE, useTempStore } from '../helpers/cli.js';

const temp = useTempStore('absent');

const films = (args: string[], input?: string) => runFilms(args, { env: { FILMS_DB: temp.store }, input, cwd: temp.dir });
const EMPTY = '{"version":1,"films":[]}';

describe('films list', () => {
  it('prints a table of films', async () => {
    const result = await films(['list']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/│ Title \/ slug +│ Year │ Countries +│ Genres +│ Reviews │ Rating │/);
    expect(result.stdout).toMatch(/│ Dear Comrades! +│ +— │ Russian Federation +│ Drama, History +│ +10 │ +— │\n│ dear-comrades +│/);
  });

  it('prints a JSON array and NDJSON of films in the contract shape', async () => {
    const json = JSON.parse((await films(['list', '--json'])).stdout);
    expect(json).toHaveLength(1);
    expect(json[0]).toMatchObject({ slug: 'dear-comrades', rating: { average: null, count: 0 } });
    expect(json[0].reviews).toHaveLength(10);
    const ndjson = (await films(['list', '--ndjson'])).stdout;
    expect(ndjson.endsWith('\n')).toBe(true);
    expect(
      ndjson
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line)),
    ).toEqual(json);
  });

  it('says so when the store is empty', async () => {
    await writeFile(temp.store, EMPTY);
    expect((await films(['list'])).stdout).toMatch(/No films yet/);
    expect((await films(['list', '--json'])).stdout).toBe('[]\n');
  });
});

describe('films export', () => {
  it('prints the export document: deterministic, without the derived rating', async () => {
    const first = await films(['export']);
    const second = await films(['export']);
    expect(first.code).toBe(0);
    expect(first.stdout).toBe(second.stdout);
    const doc = JSON.parse(first.stdout);
    expect(doc.version).toBe(2);
    expect(doc.films[0]).not.toHaveProperty('rating');
    expect(first.stdout).toBe(await readText(BUNDLED));
  });

  it('writes --out and limits to --film, leaving the store unchanged', async () => {
    await copyFile(BUNDLED, temp.store);
    const before = await readText(temp.store);
    const result = await films(['export', '--out', 'out.json', '--film', 'dear']);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/Exported 1 film to .*out\.json/);
    expect(JSON.parse(await readText(join(temp.dir, 'out.json'))).films.map((f: { slug: string }) => f.slug)).toEqual(['dear-comrades']);
    expect(await readText(temp.store)).toBe(before);
  });

  it('refuses an --out it cannot write, saying why', async () => {
    const result = await films(['export', '--out', temp.dir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `films: cannot write ${temp.dir} (it is a folder, EISDIR) — nothing was written (an earlier file is unchanged); choose another path with --out\n`,
    );
  });

  it('refuses an unknown --film with exit 1 and writes nothing', async () => {
    const result = await films(['export', '--out', 'out.json', '--film', 'nope']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^films: no film "nope"/);
    await expect(readText(join(temp.dir, 'out.json'))).rejects.toThrow(/ENOENT/);
  });
});

describe('films import (page)', () => {
  it('importing the seed page into an empty store gives the bundled catalogue; again changes nothing', async () => {
    await writeFile(temp.store, EMPTY);
    const first = await films(['import', SEED_PAGE]);
    expect(first.code).toBe(0);
    expect(first.stdout).toBe('Imported: films 1 added, 0 updated, 0 unchanged; reviews 10 added, 0 skipped (already in the store)\n');
    expect(await readText(temp.store)).toBe(await readText(BUNDLED));
    const second = await films(['import', SEED_PAGE]);
    expect(second.stdout).toBe('Imported: films 0 added, 0 updated, 1 unchanged; reviews 0 added, 10 skipped (already in the store)\n');
    expect(await readText(temp.store)).toBe(await readText(BUNDLED));
  });

  it('reads a page from stdin with --format page', async () => {
    await writeFile(temp.store, EMPTY);
    const result = await films(['import', '-', '--format', 'page'], await readText(SEED_PAGE));
    expect(result.code).toBe(0);
    expect(await readText(temp.store)).toBe(await readText(BUNDLED));
  });

  it('refuses a broken page with file:line and leaves the store byte for byte', async () => {
    await copyFile(BUNDLED, temp.store);
    const before = await readText(temp.store);
    const page = join(temp.dir, 'bad.txt');
    await writeFile(page, 'Leviathan\nRussia\n12 people rated Plot.\nDrama\nCast (2)\nUser Reviews\nAnn\n30/02/2024 10:00\nText');
    const result = await films(['import', page]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `films: ${page}:8: "30/02/2024 10:00" is not a real date and time — dates are DD/MM/YYYY HH:mm, day first\n`,
    );
    expect(await readText(temp.store)).toBe(before);
  });

  it('refuses a missing file, an unknown format and a file it cannot recognise', async () => {
    expect(await films(['import', 'nope.txt'])).toMatchObject({ code: 1, stderr: 'films: no file nope.txt — check the path\n' });
    expect((await films(['import', SEED_PAGE, '--format', 'xml'])).code).toBe(2);
    await writeFile(join(temp.dir, 'x.dat'), 'some notes\n');
    expect(await films(['import', 'x.dat'])).toMatchObject({
      code: 1,
      stderr: 'films: cannot tell the format of x.dat — pass --format (json, page, letterboxd, imdb)\n',
    });
  });
});
