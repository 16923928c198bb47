import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, scanKeys } from '../../src/store/forbidden-keys.js';
import { checkStoreText } from '../../src/store/validate.js';
import { parseExportJson } from '../../src/formats/export-json.js';
import { DataError } from '../../src/errors.js';

const nested = (depth: number, inner: unknown): unknown => {
  let value = inner;
  for (let i = 0; i < depth; i++) value = [value];
  return value;
};

describe('scanKeys', () => {
  it('finds forbidden keys in document order, with their paths', () => {
    const value = JSON.parse('{"a":{"b":[{"constructor":1}],"__proto__":2},"prototype":3}');
    expect(scanKeys(value).forbidden.map(({ at }) => at)).toEqual(['a.b[0].constructor', 'a.__proto__', 'prototype']);
  });

  it('walks 200,000 levels without recursion, stopping past the limit', () => {
    expect(scanKeys(nested(200_000, { __proto__: 1 }))).toMatchObject({ tooDeep: expect.stringMatching(/^(\[0\]){64}$/) });
    expect(scanKeys(nested(MAX_JSON_DEPTH - 1, { constructor: 1 }))).toMatchObject({ tooDeep: null, forbidden: [{ key: 'constructor' }] });
    expect(scanKeys(nested(MAX_JSON_DEPTH, {}))).toMatchObject({ tooDeep: expect.any(String) });
  });
});

describe('checkStoreText on documents nested 200,000 deep', () => {
  const deep = (inner: string): string => `${'['.repeat(200_000)}${inner}${']'.repeat(200_000)}`;

  it.each([
    ['a deep unknown key beside the films', `{"version":1,"films":[],"x":${deep('1')}}`, /^x(\[0\])+…: nested more than 64 levels deep$/],
    ['a deep film', `{"version":1,"films":${deep('{"constructor":1}')}}`, /^films(\[0\])+…: nested more than 64 levels deep$/],
    ['deep invalid JSON', `{"version":1,"films":${'['.repeat(200_000)}`, /^invalid JSON at line 1:85: nested more than 64 levels deep$/],
  ])('%s is refused with one problem first, never a stack overflow', (_name, text, first) => {
    const check = checkStoreText(text);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.problems[0]).toMatch(first);
  });

  it('a deep import is refused as data', () => {
    expect(() => parseExportJson(`{"version":1,"films":[{"slug":"a","x":${deep('1')}}]}`, 'f.json')).toThrow(DataError);
    expect(() => parseExportJson(`{"version":1,"films":[{"slug":"a","x":${deep('1')}}]}`, 'f.json')).toThrow(/^f\.json: nested more than 64 levels deep at films\[0\]\.x/);
  });

  it('an import drops a forbidden key under a key holding dots and brackets', () => {
    const batch = parseExportJson('{"version":1,"films":[{"slug":"a","a.b[0]":{"__proto__":{"polluted":1}}}]}', 'f.json');
    expect(batch.warnings).toEqual(['f.json: ignored the key "films[0].a.b[0].__proto__": such keys are not allowed']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
