import { copyFile, readFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { updateStore } from '../../src/store/file.js';
import { checkStoreText } from '../../src/store/validate.js';
import { colorLevel } from '../../src/io.js';
import { StoreError } from '../../src/errors.js';
import { BUNDLED, tempDir } from '../helpers/cli.js';
import { isProcessAlive } from '../../src/cli.js';

let temp: Awaited<ReturnType<typeof tempDir>>;
beforeEach(async () => {
  temp = await tempDir();
  await copyFile(BUNDLED, temp.store);
});
afterEach(async () => {
  vi.restoreAllMocks();
  await temp.cleanup();
});

describe('the JSON size ceiling', () => {
  it('a store too large for one JSON string is refused with a message, the file untouched', async () => {
    const before = await readFile(temp.store, 'utf8');
    const stringify = JSON.stringify;
    vi.spyOn(JSON, 'stringify').mockImplementation((value: unknown, ...rest: unknown[]) => {
      // The writer stringifies films in batches, { films: [...] }.
      if (value !== null && typeof value === 'object' && ('films' in value || 'reviews' in value))
        throw new RangeError('Invalid string length');
      return stringify(value, ...(rest as []));
    });
    const attempt = updateStore(temp.store, { pid: 1, isProcessAlive, warn: () => undefined, note: () => undefined }, (data) => ({
      data: { ...data },
      result: null,
    }));
    await expect(attempt).rejects.toBeInstanceOf(StoreError);
    await expect(attempt).rejects.toThrow(/would be too large to save \(over the ~512 MB films can read back\)/);
    vi.restoreAllMocks();
    expect(await readFile(temp.store, 'utf8')).toBe(before);
  });
});

describe('prototype pollution', () => {
  it('reading a document with __proto__ keys changes no prototype', () => {
    const check = checkStoreText(
      '{"version":1,"films":[],"__proto__":{"polluted":true},"x":{"constructor":{"prototype":{"polluted":true}}}}',
    );
    expect(check.ok).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('colorLevel', () => {
  it('is off in a pipe, on at a terminal', () => {
    expect(colorLevel({}, false)).toBe(0);
    expect(colorLevel({}, true)).toBeGreaterThan(0);
  });
  it('NO_COLOR with any non-empty value turns it off, even when forced', () => {
    expect(colorLevel({ NO_COLOR: '1' }, true)).toBe(0);
    expect(colorLevel({ NO_COLOR: 'false' }, true)).toBe(0);
    expect(colorLevel({ NO_COLOR: '1', FORCE_COLOR: '1' }, true)).toBe(0);
    expect(colorLevel({ NO_COLOR: '' }, true)).toBeGreaterThan(0);
  });
  it('FORCE_COLOR forces it into a pipe, and 0 turns it off', () => {
    expect(colorLevel({ FORCE_COLOR: '1' }, false)).toBe(1);
    expect(colorLevel({ FORCE_COLOR: '3' }, false)).toBe(3);
    expect(colorLevel({ FORCE_COLOR: '0' }, true)).toBe(0);
  });
});
