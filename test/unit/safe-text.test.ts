import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { holdsUnsafe, safeText } from '../../src/render/safe-text.js';

/** What Unicode says is not plain visible text (the rule of safe-text.ts), to generate every such code point from. */
const NOT_PLAIN_TEXT = /^[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Co}\p{Cs}\p{Cn}\p{Default_Ignorable_Code_Point}]$/u;

/** The visible escape of a code point, written independently of the code under test. */
const escaped = (code: number): string =>
  code < 0x100
    ? `\\x${code.toString(16).padStart(2, '0')}`
    : code < 0x10000
      ? `\\u${code.toString(16).padStart(4, '0')}`
      : `\\u{${code.toString(16)}}`;

const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** The characters issue 11 found reaching the terminal raw. */
const FROM_THE_ISSUE = [
  0xad,
  0x200c,
  0x200d,
  ...range(0x2061, 0x2064),
  ...range(0x206a, 0x206f),
  0xe0001,
  ...range(0xe0020, 0xe007f),
  0x180e,
  ...range(0xfff9, 0xfffb),
  0x2028,
  0x2029,
  0x115f,
  0x3164,
];

/** Emoji sequences and variation sequences whose joiners, selectors and tags belong to one grapheme: kept as they are. */
const KEPT = [
  '👨‍👩‍👧',
  '🏳️‍🌈',
  '👩🏽‍🚀',
  '❤️‍🔥',
  '🧔‍♂️',
  '🐻‍❄️',
  '👁️‍🗨️',
  '🏴‍☠️',
  '🧑‍🤝‍🧑', // ZWJ between pictographs
  '#️⃣',
  '1️⃣',
  '❤️',
  '☺︎',
  '✈️', // VS16 / VS15 after an emoji
  '🏴󠁧󠁢󠁥󠁮󠁧󠁿',
  '🏴󠁧󠁢󠁳󠁣󠁴󠁿',
  '🏴󠁧󠁢󠁷󠁬󠁳󠁿',
  '🏴󠁵󠁳󠁴󠁸󠁿', // England, Scotland, Wales, Texas: tag sequences
  '葛󠄀城',
  '≩︀',
  'ᠠ᠋', // an ideographic variation sequence, a standardized one, a Mongolian one
];

/** Look-alikes of those that do not form a grapheme (or hide text): escaped. */
const BROKEN: [string, string][] = [
  ['a\u200db', 'a\\u200db'],
  ['\u200d👩', '\\u200d👩'],
  ['👨\u200d', '👨\\u200d'],
  ['👨\u200d\u200d👩', '👨\\u200d\\u200d👩'],
  ['👨\u200da', '👨\\u200da'],
  ['❤\ufe0f\ufe0f', '❤️\\ufe0f'],
  ['a\ufe0f', 'a\\ufe0f'],
  ['a\u{e0100}', 'a\\u{e0100}'],
  ['😀\u{e0100}\u{e0101}\u{e0102}', '😀\\u{e0100}\\u{e0101}\\u{e0102}'], // data smuggled in variation selectors
  ['🏴\u{e0067}\u{e0062}', '🏴\\u{e0067}\\u{e0062}'], // no cancel tag
  ['x\u{e0067}\u{e0062}\u{e0065}\u{e006e}\u{e0067}\u{e007f}', 'x\\u{e0067}\\u{e0062}\\u{e0065}\\u{e006e}\\u{e0067}\\u{e007f}'], // no black flag
  [
    '🏴\u{e0069}\u{e0067}\u{e006e}\u{e006f}\u{e0072}\u{e0065}\u{e007f}',
    '🏴\\u{e0069}\\u{e0067}\\u{e006e}\\u{e006f}\\u{e0072}\\u{e0065}\\u{e007f}',
  ], // too long for a subdivision
  ['Nice\u{e0020}\u{e0068}\u{e0069}', 'Nice\\u{e0020}\\u{e0068}\\u{e0069}'], // hidden text
  ['en\u{e0001}\u{e0065}\u{e006e}', 'en\\u{e0001}\\u{e0065}\\u{e006e}'], // language tag
  ['ᠠ᠋᠋', 'ᠠ᠋\\u180b'],
  ['a\u180b', 'a\\u180b'],
];

describe('safeText', () => {
  it('shows control sequences as visible escapes', () => {
    expect(safeText('a\u001b[31mb')).toBe('a\\x1b[31mb');
    expect(safeText('\u009b2J\u0007\u007f')).toBe('\\x9b2J\\x07\\x7f');
    expect(safeText('\u001b]8;;http://x\u001b\\link')).toBe('\\x1b]8;;http://x\\x1b\\link');
  });

  it('neutralises bidi overrides and invisible characters', () => {
    expect(safeText('abc\u202edef\u2066')).toBe('abc\\u202edef\\u2066');
    expect(safeText('a\u200bb')).toBe('a\\u200bb');
  });

  it('escapes every code point that is a control, format, separator, private-use, surrogate, unassigned or default-ignorable character', () => {
    let count = 0;
    for (let code = 0; code <= 0x10ffff; code++) {
      const char = String.fromCodePoint(code);
      if (!NOT_PLAIN_TEXT.test(char) || char === '\t' || char === '\n') continue;
      count += 1;
      const text = `-${char}-`;
      if (safeText(text) !== `-${escaped(code)}-`) expect(safeText(text), `U+${code.toString(16)}`).toBe(`-${escaped(code)}-`);
      if (!holdsUnsafe(text)) expect(holdsUnsafe(text), `U+${code.toString(16)}`).toBe(true);
    }
    expect(count).toBeGreaterThan(900_000);
  });

  it('escapes each character the issue found, alone, between letters and after an emoji', () => {
    for (const code of FROM_THE_ISSUE) {
      const char = String.fromCodePoint(code);
      expect(safeText(char)).toBe(escaped(code));
      expect(safeText(`a${char}b`)).toBe(`a${escaped(code)}b`);
      expect(safeText(`😀${char}x`)).toBe(`😀${escaped(code)}x`);
    }
    expect(safeText('soft\u00adhyphen')).toBe('soft\\xadhyphen');
  });

  it('keeps ZWJ, variation selectors and tags inside the emoji and variation sequences they belong to', () => {
    for (const text of KEPT) {
      expect(safeText(text), text).toBe(text);
      expect(safeText(`a ${text} b`, { multiline: true })).toBe(`a ${text} b`);
      expect(holdsUnsafe(text)).toBe(false);
    }
  });

  it('escapes them anywhere else', () => {
    for (const [text, shown] of BROKEN) {
      expect(safeText(text), JSON.stringify(text)).toBe(shown);
      expect(holdsUnsafe(text)).toBe(true);
    }
  });

  it('keeps newlines only where asked; tabs become a space', () => {
    expect(safeText('a\nb')).toBe('a\\x0ab');
    expect(safeText('a\r\nb\rc', { multiline: true })).toBe('a\nb\\x0dc');
    expect(safeText('a\tb')).toBe('a b');
  });

  it('leaves emoji, accents and other scripts alone', () => {
    const text = 'Majo💛🍀 Adérito Дорогие 千と千尋 👨‍👩‍👧 🏳️‍🌈 한국어 नमस्ते שלום مرحبا';
    expect(safeText(text)).toBe(text);
  });

  it('leaves nothing unsafe, whatever it is given, and escapes only once', () => {
    const pieces = fc.constantFrom(
      'a',
      '😀',
      '👨',
      '🏴',
      '❤',
      '葛',
      '\u200d',
      '\u200c',
      '\ufe0f',
      '\ufe0e',
      '\u{e0100}',
      '\u{e0067}',
      '\u{e0062}',
      '\u{e007f}',
      '\u001b',
      '\u202e',
      '\u00ad',
      '\n',
      '\t',
      '\ud800',
      '\u{f0000}',
      '\u0378',
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 20 }), fc.boolean(), (parts, multiline) => {
        const shown = safeText(parts.join(''), { multiline });
        expect(holdsUnsafe(shown)).toBe(false);
        expect(safeText(shown, { multiline })).toBe(shown);
        // Only joiners, selectors and tags may remain raw (inside a sequence, as holdsUnsafe said).
        const raw = Array.from(shown).filter((char) => NOT_PLAIN_TEXT.test(char) && !(multiline && char === '\n'));
        expect(raw.filter((char) => !/^(?:\u200d|\ufe0e|\ufe0f|[\u{e0100}-\u{e01ef}]|[\u{e0020}-\u{e007f}])$/u.test(char))).toEqual([]);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('holdsUnsafe', () => {
  it('allows newlines and tabs, nothing else that safeText would escape', () => {
    expect(holdsUnsafe('a,b\n"c\td",👨‍👩‍👧\n')).toBe(false);
    expect(holdsUnsafe('a,\u001b[2J')).toBe(true);
    expect(holdsUnsafe('a\r\nb')).toBe(true);
  });
});
