import { isUtf8 } from 'node:buffer';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, scanKeys } from '../../src/formats/forbidden-keys.js';
import { invalidUtf8Offset } from '../../src/utf8.js';
import { checkStoreBytes, checkStoreText } from '../../src/store/validate.js';
import { parseExportJson } from '../../src/formats/json-import.js';
import { checkFilm } from '../../src/store/validate.js';
import { DataError } from '../../src/errors.js';
import { BUNDLED } from '../helpers/cli.js';

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
    expect(() => parseExportJson(`{"version":1,"films":[{"slug":"a","x":${deep('1')}}]}`, 'f.json', checkFilm)).toThrow(DataError);
    expect(() => parseExportJson(`{"version":1,"films":[{"slug":"a","x":${deep('1')}}]}`, 'f.json', checkFilm)).toThrow(
      /^f\.json: nested more than 64 levels deep at films\[0\]\.x/,
    );
  });

  it('an import drops a forbidden key under a key holding dots and brackets', () => {
    const batch = parseExportJson('{"version":1,"films":[{"slug":"a","a.b[0]":{"__proto__":{"polluted":1}}}]}', 'f.json', checkFilm);
    expect(batch.warnings).toEqual(['f.json: ignored the key "films[0].a.b[0].__proto__": such keys are not allowed']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('UTF-8', () => {
  const bytes = (...values: number[]): Buffer => Buffer.from(values);

  it.each([
    ['a lone continuation byte', bytes(0x61, 0x80), 1],
    ['a Latin-1 é', bytes(0x63, 0x61, 0x66, 0xe9, 0x20), 3],
    ['an overlong slash', bytes(0x2f, 0xc0, 0xaf), 1],
    ['an overlong three-byte form', bytes(0xe0, 0x80, 0xaf), 0],
    ['a surrogate', bytes(0x61, 0xed, 0xa0, 0x80), 1],
    ['past U+10FFFF', bytes(0xf4, 0x90, 0x80, 0x80), 0],
    ['a sequence cut short at the end', bytes(0x61, 0x62, 0xe2, 0x82), 2],
  ])('%s: found at its byte offset', (_name, input, offset) => {
    expect(invalidUtf8Offset(input)).toBe(offset);
  });

  it('agrees with Node on any bytes: valid text before the offset, and none at all when Node finds none', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), fc.string({ unit: 'grapheme' }), (noise, text) => {
        for (const input of [Buffer.from(noise), Buffer.from(text), Buffer.concat([Buffer.from(text), Buffer.from(noise)])]) {
          const offset = invalidUtf8Offset(input);
          expect(offset === -1).toBe(isUtf8(input));
          if (offset >= 0) expect(isUtf8(input.subarray(0, offset))).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('checkStoreBytes refuses a store with a bad byte inside a review, naming byte and line', () => {
    const good = readFileSync(BUNDLED);
    const at = good.indexOf('"text": "') + 9;
    const bad = Buffer.concat([good.subarray(0, at), bytes(0xff), good.subarray(at)]);
    const line = good.subarray(0, at).toString().split('\n').length;
    expect(checkStoreBytes(bad)).toEqual({ ok: false, problems: [`invalid UTF-8 at byte ${at}, line ${line}`] });
    expect(checkStoreBytes(good).ok).toBe(true);
  });
});
