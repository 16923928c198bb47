import { chmod, chown, link, lstat, readdir, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isTempOf, writeFileAtomically, type WriteSome } from '../../src/store/atomic-write.js';
import { StoreFile } from '../../src/store/file.js';
import { checkStoreText } from '../../src/store/validate.js';
import { StoreError } from '../../src/errors.js';
import type { StoreData } from '../../src/domain/model.js';
import { BUNDLED, readBytes, useTempStore } from '../helpers/cli.js';

const temp = useTempStore('bundled');

/** The bundled store with one long review more: ~40 KB to write, so that a disk can fill up midway. */
async function grownStore(): Promise<StoreData> {
  const check = checkStoreText(await readFile(BUNDLED, 'utf8'));
  if (!check.ok) throw new Error('the bundled store is invalid');
  const [film] = check.data.films;
  if (!film) throw new Error('no film');
  const review = {
    id: 'long0001',
    author: 'A',
    createdAt: '2026-01-01T00:00:00.000Z',
    rating: null,
    text: 'x'.repeat(30_000),
    spoiler: false,
  };
  return { ...check.data, films: [{ ...film, reviews: [review, ...film.reviews] }] };
}

/** A disk that takes `room` bytes, then fails each write with `code` (or takes nothing, when code is null). */
function fillingDisk(room: number, code: string | null): { write: WriteSome; calls: () => number } {
  let left = room;
  let calls = 0;
  const write: WriteSome = async (handle, bytes, offset) => {
    calls++;
    if (left === 0) {
      if (code === null) return 0;
      throw Object.assign(new Error(`${code}: injected`), { code });
    }
    const take = Math.min(left, bytes.length - offset);
    left -= take;
    return (await handle.write(bytes, offset, take)).bytesWritten;
  };
  return { write, calls: () => calls };
}

const tempFiles = async (dir: string): Promise<string[]> => (await readdir(dir)).filter((name) => name.endsWith('.tmp'));
const mode = async (path: string): Promise<string> => ((await stat(path)).mode & 0o777).toString(8);

describe('a disk that fills up while the store is written', () => {
  it.each([
    ['ENOSPC after a short write', 'ENOSPC', 'the disk is full, ENOSPC', 'free some space and try again'],
    ['EDQUOT after a short write', 'EDQUOT', 'the disk quota is used up, EDQUOT', 'free some space and try again'],
    ['EIO after a short write', 'EIO', 'the disk reported an input/output error, EIO', "check the disk and the folder's permissions"],
    ['a write that takes nothing', null, 'the disk is full, ENOSPC', 'free some space and try again'],
  ])('%s: refused with one message, the store, its .bak and the folder as they were', async (_name, code, why, hint) => {
    await writeFile(`${temp.store}.bak`, 'the previous backup');
    const before = await readBytes(temp.store);
    const disk = fillingDisk(8192, code);
    const attempt = new StoreFile(temp.store, { write: disk.write }).write(await grownStore());
    await expect(attempt).rejects.toBeInstanceOf(StoreError);
    await expect(attempt).rejects.toMatchObject({
      message: `cannot save the store ${temp.store} (${why})`,
      hint: `nothing was changed; ${hint}`,
    });
    expect(await readBytes(temp.store)).toBe(before);
    expect(await readFile(`${temp.store}.bak`, 'utf8')).toBe('the previous backup');
    expect(await tempFiles(temp.dir)).toEqual([]);
    expect(disk.calls()).toBeGreaterThan(1);
  });

  it('short writes that go on are retried until every byte is written', async () => {
    const data = await grownStore();
    let calls = 0;
    const dribble: WriteSome = async (handle, bytes, offset) => {
      calls++;
      return (await handle.write(bytes, offset, Math.min(1000, bytes.length - offset))).bytesWritten;
    };
    await new StoreFile(temp.store, { write: dribble }).write(data);
    const check = checkStoreText(await readFile(temp.store, 'utf8'));
    expect(check.ok && check.data).toEqual(data);
    expect(calls).toBeGreaterThan(30);
  });
});

describe('the backup', () => {
  it('one file with the store (a writer killed between keeping it and replacing the store) stays, and leaves no temp file', async () => {
    const before = await readBytes(temp.store);
    await link(temp.store, `${temp.store}.bak`);
    await new StoreFile(temp.store).write(await grownStore());
    expect(await readBytes(`${temp.store}.bak`)).toBe(before);
    expect((await readdir(temp.dir)).sort()).toEqual(['films.json', 'films.json.bak']);
  });
});

describe('writeFileAtomically', () => {
  it('keeps the mode of the file it replaces, whatever the umask: 600, 640, 666', async () => {
    const path = join(temp.dir, 'private.json');
    for (const kept of [0o600, 0o640, 0o666]) {
      await writeFile(path, 'old');
      await chmod(path, kept);
      await writeFileAtomically(path, ['new']);
      expect(await mode(path)).toBe(kept.toString(8));
      expect(await readFile(path, 'utf8')).toBe('new');
    }
  });

  it('creates a new file readable by its owner only', async () => {
    const path = join(temp.dir, 'config.json');
    expect(await writeFileAtomically(path, ['{}\n', Buffer.from('more')])).toBe(7);
    expect(await mode(path)).toBe('600');
  });

  it.skipIf(process.getuid?.() !== 0)('keeps the owner and group of the file it replaces (as root)', async () => {
    const path = join(temp.dir, 'theirs.json');
    await writeFile(path, 'old');
    await chown(path, 1234, 5678);
    await writeFileAtomically(path, ['new']);
    expect(await stat(path)).toMatchObject({ uid: 1234, gid: 5678 });
  });

  it('writes the target of a symbolic link, which stays a link', async () => {
    const target = join(temp.dir, 'target.json');
    const path = join(temp.dir, 'link.json');
    await writeFile(target, 'old');
    await symlink('target.json', path);
    await writeFileAtomically(path, ['new']);
    expect((await lstat(path)).isSymbolicLink()).toBe(true);
    expect(await readFile(target, 'utf8')).toBe('new');
  });

  it('a failure before the rename removes the temp file and leaves the file', async () => {
    const path = join(temp.dir, 'kept.json');
    await writeFile(path, 'old');
    const refuse = async (): Promise<void> => {
      throw new Error('the lock was lost');
    };
    await expect(writeFileAtomically(path, ['new'], { beforeReplace: refuse })).rejects.toThrow('the lock was lost');
    expect(await readFile(path, 'utf8')).toBe('old');
    expect(await tempFiles(temp.dir)).toEqual([]);
  });
});

describe('temp file names', () => {
  it("match only the store's own temp files, never those of a store whose name starts the same", () => {
    expect(isTempOf('/d/s.json', '.s.json.0123456789ab.tmp')).toBe(true);
    expect(isTempOf('/d/s.json', '.s.json.x.0123456789ab.tmp')).toBe(false);
    expect(isTempOf('/d/s.json.x', '.s.json.x.0123456789ab.tmp')).toBe(true);
    expect(isTempOf('/d/s.json', '.s.json.0123456789ab.tmp.tmp')).toBe(false);
    expect(isTempOf('/d/s.json', 's.json.0123456789ab.tmp')).toBe(false);
  });
});
