import { describe, expect, it } from 'vitest';
import { FOLDABLE } from '../../src/domain/foldable.js';

/** The planes holding letters that fold beyond their lower case: the BMP, mathematical and enclosed letters. */
const PLANES: [number, number][] = [
  [0x80, 0xffff],
  [0x1d400, 0x1d7ff],
  [0x1f100, 0x1f2ff],
];

const foldChar = (char: string): string => char.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

/** The table as this Node's Unicode data gives it. */
function deriveFoldable(): (number | [number, number])[] {
  const ranges: (number | [number, number])[] = [];
  for (const [first, last] of PLANES) {
    let start = -1;
    for (let code = first; code <= last + 1; code++) {
      const char = code <= last && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : '';
      const differs = char !== '' && foldChar(char) !== char.toLowerCase();
      if (differs && start < 0) start = code;
      if (!differs && start >= 0) {
        ranges.push(start === code - 1 ? start : [start, code - 1]);
        start = -1;
      }
    }
  }
  return ranges;
}

describe('the table of foldable characters', () => {
  it("is the one this Node's Unicode data gives", () => {
    expect(FOLDABLE).toEqual(deriveFoldable());
  });
});

describe('searching without lower-casing every text', () => {
  // search.ts lower-cases a text only when a case-insensitive search finds the word in it, once its
  // foldable characters are decomposed: that is exact only if every character, so decomposed, matches
  // its own lower case whole, code point by code point, case-insensitively (so any part of it does).
  it('every character, its foldable ones decomposed, matches its lower case case-insensitively', () => {
    const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const missed: string[] = [];
    for (const [first, last] of [[0x20, 0x7f], ...PLANES] as [number, number][]) {
      for (let code = first; code <= last; code++) {
        if (code >= 0xd800 && code <= 0xdfff) continue;
        const char = String.fromCodePoint(code);
        const decomposed = foldChar(char) === char.toLowerCase() ? char : char.normalize('NFKD').replace(/\p{M}/gu, '');
        const lower = decomposed.toLowerCase();
        if (!new RegExp(`^${escape(lower)}$`, 'iu').test(decomposed)) missed.push(code.toString(16));
      }
    }
    expect(missed).toEqual([]);
  });

  // matchRanges folds a text in place when no character of it is foldable (nor a capital sigma).
  it('every character that does not fold beyond its lower case lower-cases to one of its own length', () => {
    const changed: string[] = [];
    for (const [first, last] of [[0x20, 0x7f], ...PLANES, [0x10000, 0x1ffff]] as [number, number][]) {
      for (let code = first; code <= last; code++) {
        if (code >= 0xd800 && code <= 0xdfff) continue;
        const char = String.fromCodePoint(code);
        if (foldChar(char) === char.toLowerCase() && char.toLowerCase().length !== char.length) changed.push(code.toString(16));
      }
    }
    expect(changed).toEqual([]);
  });

  // search.ts screens texts with the word, case-insensitively, or any character beyond ASCII but these two.
  it('ſ and the Kelvin sign are the only characters beyond ASCII that a case-insensitive search equates with ASCII ones', () => {
    const variants: string[] = [];
    for (let code = 0x80; code <= 0x10ffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      if (/^[\x00-\x7f]$/iu.test(String.fromCodePoint(code))) variants.push(code.toString(16));
    }
    expect(variants).toEqual(['17f', '212a']);
  });
});
