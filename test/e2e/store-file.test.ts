import { execFileSync } from 'node:child_process';
import { existsSync, statfsSync } from 'node:fs';
import { chmod, copyFile, lstat, mkdir, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkStoreText } from '../../src/store/validate.js';
import { smallTmpfs } from '../helpers/tmpfs.js';
import { BUNDLED, readText, runFilms, spawnFilms, readBytes, useTempStore } from '../helpers/cli.js';

const temp = useTempStore('bundled');
const films = (args: string[], env: Record<string, string> = {}) =>
  runFilms(args, { env: { FILMS_DB: temp.store, ...env }, cwd: temp.dir });
const mode = async (path: string): Promise<string> => ((await stat(path)).mode & 0o777).toString(8);
const reviewTexts = async (path: string): Promise<string[]> => {
  const check = checkStoreText(await readText(path));
  if (!check.ok) throw new Error(`invalid store: ${check.problems.join('; ')}`);
  return check.data.films.flatMap((film) => film.reviews.map((review) => review.text));
};

/** A real 2 MB tmpfs where this machine lets the tests mount one (root, no container restrictions). */
const { dir: disk, cannotMount, fillTo } = smallTmpfs('2m');

/** Empties the tmpfs, puts the bundled store and an old backup on it, then fills it to leave `free` bytes. */
async function diskWithRoom(free: number): Promise<string> {
  for (const name of await readdir(disk)) await rm(join(disk, name), { recursive: true, force: true });
  const store = join(disk, 's.json');
  await copyFile(BUNDLED, store);
  await writeFile(`${store}.bak`, 'the previous backup\n');
  await fillTo(free);
  const { bavail, bsize } = statfsSync(disk);
  expect(bavail * bsize).toBe(free);
  return store;
}

const LONG_TEXT = 'x'.repeat(30_000);

describe('a nearly full disk (a real tmpfs)', () => {
  it.skipIf(cannotMount !== null).each([[8 * 1024], [20 * 1024]])(
    'with %i bytes free, a 30,000-character review is refused: one line, exit 1, nothing changed',
    async (free) => {
      const store = await diskWithRoom(free);
      const before = await readBytes(store);
      const result = await runFilms(['--db', store, 'review', 'add', 'dear-comrades', '--author', 'a', '--text', LONG_TEXT]);
      expect(result).toEqual({
        code: 1,
        stdout: '',
        stderr: `films: cannot save the store ${store} (the disk is full, ENOSPC) — nothing was changed; free some space and try again\n`,
      });
      expect(await readBytes(store)).toBe(before);
      expect(await readText(`${store}.bak`)).toBe('the previous backup\n');
      expect((await readdir(disk)).sort()).toEqual(['fill', 's.json', 's.json.bak']);
    },
  );

  it.skipIf(cannotMount !== null)('with no room even for the lock: one line, exit 1, nothing changed', async () => {
    const store = await diskWithRoom(0);
    const before = await readBytes(store);
    const result = await runFilms(['--db', store, 'review', 'add', 'dear-comrades', '--author', 'a', '--text', LONG_TEXT]);
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr: `films: cannot lock the store ${store} (the disk is full, ENOSPC) — nothing was changed; free some space and try again\n`,
    });
    expect(await readBytes(store)).toBe(before);
    expect((await readdir(disk)).sort()).toEqual(['fill', 's.json', 's.json.bak']);
  });

  it.skipIf(cannotMount !== null)('with 100 KB free, the review is saved whole', async () => {
    const store = await diskWithRoom(100 * 1024);
    const result = await runFilms(['--db', store, 'review', 'add', 'dear-comrades', '--author', 'a', '--text', LONG_TEXT]);
    expect(result.code).toBe(0);
    expect(await reviewTexts(store)).toContain(LONG_TEXT);
  });
});

describe('an export to a nearly full disk (a real tmpfs)', () => {
  it.skipIf(cannotMount !== null)('leaves the earlier file byte for byte as it was, and no temp file: one line, exit 1', async () => {
    const store = await diskWithRoom(8 * 1024);
    const earlier = join(disk, 'backup.json');
    await writeFile(earlier, 'an earlier export\n');
    const result = await runFilms(['--db', store, 'export', '--out', earlier]);
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr: `films: cannot write ${earlier} (the disk is full, ENOSPC) — nothing was written (an earlier file is unchanged); free some space, or choose another path with --out\n`,
    });
    expect(await readText(earlier)).toBe('an earlier export\n');
    expect((await readdir(disk)).sort()).toEqual(['backup.json', 'fill', 's.json', 's.json.bak']);
  });

  it.skipIf(cannotMount !== null)('leaves no partial new file', async () => {
    const store = await diskWithRoom(8 * 1024);
    const result = await runFilms(['--db', store, 'export', '--out', join(disk, 'new.json')]);
    expect(result.code).toBe(1);
    expect((await readdir(disk)).sort()).toEqual(['fill', 's.json', 's.json.bak']);
  });

  it('to a pipe or a device, writes it as it is', async () => {
    const result = await runFilms(['--db', BUNDLED, 'export', '--out', '/dev/null']);
    expect(result).toMatchObject({ code: 0 });
    expect(existsSync('/dev/null')).toBe(true);
    expect((await stat('/dev/null')).isCharacterDevice()).toBe(true);
  });
});

describe('a symbolically linked store', () => {
  it('is followed: the target changes, the link stays, the .bak sits beside the target', async () => {
    await mkdir(join(temp.dir, 'real'));
    await mkdir(join(temp.dir, 'link'));
    const target = join(temp.dir, 'real', 't.json');
    const link = join(temp.dir, 'link', 's.json');
    await copyFile(BUNDLED, target);
    await symlink('../real/t.json', link);
    expect(await runFilms(['--db', link, 'review', 'add', 'dear', '--author', 'A', '--text', 'through the link'])).toMatchObject({
      code: 0,
      stderr: '',
    });
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(await reviewTexts(target)).toContain('through the link');
    expect(await readText(`${target}.bak`)).toBe(await readText(BUNDLED));
    expect(await readdir(join(temp.dir, 'link'))).toEqual(['s.json']);
    expect((await readdir(join(temp.dir, 'real'))).sort()).toEqual(['t.json', 't.json.bak']);
    expect((await runFilms(['--db', link, 'db', 'path'])).stdout).toBe(`${link}\n`);
  });

  it('a dangling link: one line, exit 1, nothing created', async () => {
    const link = join(temp.dir, 'dangling.json');
    await symlink('gone/t.json', link);
    for (const args of [
      ['show', 'dear'],
      ['review', 'add', 'dear', '--author', 'A', '--text', 'x'],
      ['db', 'check'],
    ]) {
      expect(await runFilms(['--db', link, ...args])).toEqual({
        code: 1,
        stdout: '',
        stderr: `films: the store ${link} is a symbolic link to gone/t.json, which does not exist — fix or remove the link, or pass another path with --db or FILMS_DB\n`,
      });
    }
    expect((await readdir(temp.dir)).sort()).toEqual(['dangling.json', 'films.json']);
  });
});

// As the binary: read by mistake, such a file would hang the process, and so an in-process test's worker.
describe('a store that is not a regular file', () => {
  it('/dev/zero: refused at once, for reading and writing, and no lock beside it', async () => {
    const message = 'films: the store /dev/zero is a device, not a file — pass the path of a films store file with --db or FILMS_DB\n';
    for (const args of [
      ['show', 'x'],
      ['review', 'add', 'dear', '--author', 'A', '--text', 'x'],
      ['db', 'check'],
    ]) {
      expect(await spawnFilms(['--db', '/dev/zero', ...args], { timeoutMs: 10_000 })).toEqual({ code: 1, stdout: '', stderr: message });
    }
    expect(existsSync('/dev/zero.lock')).toBe(false);
  });

  it('a named pipe is refused without waiting for a writer', async () => {
    const fifo = join(temp.dir, 'pipe.json');
    execFileSync('mkfifo', [fifo]);
    expect(await spawnFilms(['--db', fifo, 'show', 'x'], { timeoutMs: 10_000 })).toEqual({
      code: 1,
      stdout: '',
      stderr: `films: the store ${fifo} is a named pipe, not a file — pass the path of a films store file with --db or FILMS_DB\n`,
    });
  });

  it('a folder is refused', async () => {
    expect(await runFilms(['--db', temp.dir, 'rate', 'dear', '5'])).toEqual({
      code: 1,
      stdout: '',
      stderr: `films: the store ${temp.dir} is a folder, not a file — pass the path of a films store file with --db or FILMS_DB\n`,
    });
  });
});

describe('invalid UTF-8 in the store', () => {
  it('is refused like any damage, with its byte offset; the bytes stay', async () => {
    const good = Buffer.from(await readText(BUNDLED));
    const at = good.indexOf('"text": "') + '"text": "'.length;
    // A Latin-1 é (0xE9) where UTF-8 needs two bytes: Node alone would read it as U+FFFD and write that back.
    const bad = Buffer.concat([good.subarray(0, at), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20]), good.subarray(at)]);
    await writeFile(temp.store, bad);
    const offset = at + 3;
    const line = good.subarray(0, at).toString().split('\n').length;
    for (const args of [['show', 'dear'], ['list'], ['review', 'add', 'dear', '--author', 'A', '--text', 'x'], ['rate', 'dear', '5']]) {
      const result = await films(args);
      expect(result.code).toBe(1);
      expect(result.stderr).toBe(
        `films: ${temp.store} is not a valid films store (invalid UTF-8 at byte ${offset}, line ${line}) — the file was not changed; 'films db check' lists every problem, 'films db restore' brings back the previous version\n`,
      );
    }
    expect(await films(['db', 'check'])).toMatchObject({ code: 1, stdout: `invalid UTF-8 at byte ${offset}, line ${line}\n` });
    expect(await readFile(temp.store)).toEqual(bad);
  });

  // The store is read straight into a string, and its bytes checked only when the text holds a U+FFFD.
  it('the character U+FFFD itself is well-formed: kept as written, and a bad byte after it is still found', async () => {
    const good = Buffer.from(await readText(BUNDLED));
    const at = good.indexOf('"text": "') + '"text": "'.length;
    const withCharacter = Buffer.concat([good.subarray(0, at), Buffer.from('\uFFFD', 'utf8'), good.subarray(at)]);
    await writeFile(temp.store, withCharacter);
    expect(await films(['review', 'add', 'dear', '--author', 'A', '--text', 'x'])).toMatchObject({ code: 0 });
    expect((await reviewTexts(temp.store)).filter((text) => text.startsWith('\uFFFD'))).toHaveLength(1);

    const later = withCharacter.indexOf('"text": "', at) + '"text": "'.length;
    await writeFile(temp.store, Buffer.concat([withCharacter.subarray(0, later), Buffer.from([0xff]), withCharacter.subarray(later)]));
    const result = await films(['show', 'dear']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `(invalid UTF-8 at byte ${later}, line ${withCharacter.subarray(0, later).toString().split('\n').length})`,
    );
  });
});

describe('file modes', () => {
  it.each([['600'], ['640'], ['666']])('a store of mode %s keeps it, and so does its .bak', async (kept) => {
    await chmod(temp.store, Number.parseInt(kept, 8));
    expect((await films(['review', 'add', 'dear', '--author', 'A', '--text', 'private'])).code).toBe(0);
    expect(await mode(temp.store)).toBe(kept);
    expect(await mode(`${temp.store}.bak`)).toBe(kept);
  });

  it('a new store is readable by its owner only, and so are the folders made for it', async () => {
    const store = join(temp.dir, 'new', 'deeper', 'films.json');
    expect((await runFilms(['--db', store, 'rate', 'dear', '7', '--author', 'A'])).code).toBe(0);
    expect(await mode(store)).toBe('600');
    expect(await mode(join(temp.dir, 'new'))).toBe('700');
    expect(await mode(join(temp.dir, 'new', 'deeper'))).toBe('700');
  });
});

describe('temp files left by killed writers', () => {
  it('are removed only for the store written, not for another whose name starts the same', async () => {
    const other = `${temp.store}.x`;
    await copyFile(BUNDLED, other);
    const names = ['.films.json.0123456789ab.tmp', '.films.json.bak.0123456789ab.tmp', '.films.json.x.0123456789ab.tmp'];
    for (const name of names) await writeFile(join(temp.dir, name), 'half a write');
    expect((await films(['rate', 'dear', '7', '--author', 'A'])).code).toBe(0);
    expect((await readdir(temp.dir)).filter((name) => name.endsWith('.tmp'))).toEqual(['.films.json.x.0123456789ab.tmp']);
  });
});
