import { describe, expect, it } from 'vitest';
import { safeText } from '../../src/render/safe-text.js';

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
  it('keeps newlines only where asked', () => {
    expect(safeText('a\nb')).toBe('a\\x0ab');
    expect(safeText('a\r\nb\rc', { multiline: true })).toBe('a\nb\\x0dc');
  });
  it('leaves emoji, accents and other scripts alone', () => {
    const text = 'Majo💛🍀 Adérito Дорогие 千と千尋 👨‍👩‍👧 🏳️‍🌈';
    expect(safeText(text)).toBe(text);
  });
});
