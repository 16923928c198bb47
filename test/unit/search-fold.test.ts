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
