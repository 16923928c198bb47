import stringWidth from 'string-width';
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { frameOf, MAX_REMEMBERED, MAX_SHAPES, renderTable } from '../../src/render/table.js';
import { renderFilm } from '../../src/render/film.js';
import { renderFilmList } from '../../src/render/film-list.js';
import { stars } from '../../src/domain/rules.js';
import { renderHistogram } from '../../src/render/rating.js';
import fc from 'fast-check';
import fastStringWidth from 'fast-string-width';
import { displayWidth, truncate, wrapText } from '../../src/render/width.js';
import { film, review } from './fixtures.js';
import { UNICODE_GLYPHS } from '../../src/render/glyphs.js';

const plain = new Chalk({ level: 0 });
const strip = (text: string): string => text.replace(/\u001b\[[0-9;]*m/g, '');

/** Splits rendered output into its tables (runs of lines drawn with box characters). */
function tables(output: string): string[][] {
  const found: string[][] = [];
  let current: string[] = [];
  for (const line of strip(output).split('\n')) {
    if (/^[┌│├└]/.test(line)) current.push(line);
    else if (current.length) {
      found.push(current);
      current = [];
    }
  }
  if (current.length) found.push(current);
  return found;
}

function expectAligned(lines: string[], maxWidth: number): void {
  const widths = new Set(lines.map((line) => stringWidth(line)));
  expect([...widths], lines.join('\n')).toHaveLength(1);
  expect([...widths][0]).toBeLessThanOrEqual(maxWidth);
}

const HOSTILE_WIDTHS = [
  'Majo💛🍀',
  'Дорогие товарищи!',
  '千と千尋の神隠し',
  'Amélie',
  'Ame\u0301lie',
  '👨‍👩‍👧 family',
  '🇷🇺 flag',
  'BTS ✨',
  '한국어 리뷰',
];

describe('renderTable', () => {
  it('keeps every line the same display width with emoji, Cyrillic, CJK and combining accents', () => {
    for (const width of [40, 60, 100]) {
      const output = renderTable({
        head: ['Author', 'Text'],
        rows: HOSTILE_WIDTHS.map((text) => [text, `${text} ${text} ${text} ${text} ${text}`]),
        width,
        color: plain,
        glyphs: UNICODE_GLYPHS,
      });
      expectAligned(output.split('\n'), width);
    }
  });

  it('breaks a word longer than its column without splitting a character', () => {
    const output = renderTable({ rows: [['x', '千'.repeat(40)]], width: 34, color: plain, glyphs: UNICODE_GLYPHS });
    expectAligned(output.split('\n'), 34);
    expect(output).not.toContain('\ufffd');
  });

  it("aligns emoji newer than cli-table3's own measure (it takes 🧑‍🚀 for 5 columns and 🫠 for 1), and text with x in it", () => {
    const rows = [
      ['🧑‍🚀 Astro', '🫠 melting'],
      ['xx', 'x x'],
      ['', '𖿠 mark'],
    ];
    const output = renderTable({ head: ['Author', 'Text'], rows, width: 40, color: plain, glyphs: UNICODE_GLYPHS });
    expectAligned(output.split('\n'), 40);
    for (const text of ['│ 🧑‍🚀 Astro │ 🫠 melting │', '│ xx       │ x x        │', '│          │ 𖿠 mark    │'])
      expect(output).toContain(text);
  });

  it('remembers at most MAX_SHAPES shapes of line and MAX_REMEMBERED characters, and a piece more', () => {
    const spec = { rows: [], width: 0, color: plain, glyphs: UNICODE_GLYPHS };
    const varied = frameOf(spec, [50, 50]);
    for (let start = 0; start < 2_500; start += 64) {
      varied.lines(
        Array.from({ length: 64 }, (_, i) => ['a'.repeat(1 + ((start + i) % 50)), 'b'.repeat(1 + Math.floor((start + i) / 50))]),
      );
      expect(varied.remembered().shapes).toBeLessThanOrEqual(MAX_SHAPES + 64);
    }
    // A table as wide as a 100,000-character line: 50 of its lines are 5 MB.
    const wide = frameOf(spec, [100_000]);
    for (let n = 1; n <= 50; n++) {
      expect(wide.lines([['x'.repeat(n)]])[0]).toHaveLength(100_004);
      expect(wide.remembered().characters).toBeLessThanOrEqual(MAX_REMEMBERED + 2 * 100_004);
    }
  });

  it('draws every line of a long table of varied rows in place, its shapes of line past those it remembers', () => {
    // 2,500 different pairs of cell widths: more than the table remembers at once.
    const rows = Array.from({ length: 2_500 }, (_, i) => [`${i}`.padEnd(1 + (i % 50), '.'), 'b'.repeat(1 + Math.floor(i / 50))]);
    const lines = renderTable({ head: ['Id', 'Text'], rows, width: 200, compact: true, color: plain, glyphs: UNICODE_GLYPHS }).split('\n');
    expect(lines).toHaveLength(2_504);
    expect(lines.at(-1)).toBe(`└${'─'.repeat(52)}┴${'─'.repeat(52)}┘`);
    expect(lines.slice(3, -1)).toEqual(rows.map(([id = '', text = '']) => `│ ${id.padEnd(50)} │ ${text.padEnd(50)} │`));
  });

  it('is stacked below the width it needs: a record a block, a label a line, no word of a head split, a slug broken after a hyphen', () => {
    const spec = {
      head: ['Title / slug', 'Countries', 'Reviews'],
      rows: [
        ['Дорогие товарищи!\ndorogie-tovarishchi', 'Russian Federation', '10'],
        ['千と千尋の神隠し\nspirited-away', '', '1'],
      ],
      color: plain,
      glyphs: UNICODE_GLYPHS,
    };
    expect(renderTable({ ...spec, width: 80 })).toMatch(/^┌/);
    const stacked = renderTable({ ...spec, width: 30 });
    expect(stacked).toBe(
      [
        'Title / slug: Дорогие',
        '              товарищи!',
        '              dorogie-',
        '              tovarishchi',
        'Countries:    Russian',
        '              Federation',
        'Reviews:      10',
        '',
        'Title / slug: 千と千尋の神隠し',
        '              spirited-away',
        'Reviews:      1',
      ].join('\n'),
    );
  });
});

describe('the stacked layout', () => {
  it('keeps a blank line, without trailing spaces, between the paragraphs of a value', () => {
    const spec = { head: ['Author', 'Date', 'Rating', 'Review'], color: plain, glyphs: UNICODE_GLYPHS };
    const rows = [['tess', '2026-01-02', '7/10', 'First paragraph.\n\nSecond paragraph.']];
    expect(renderTable({ ...spec, rows, width: 30 })).toBe(
      ['Author: tess', 'Date:   2026-01-02', 'Rating: 7/10', 'Review: First paragraph.', '', '        Second paragraph.'].join('\n'),
    );
    // Values under their labels, at a width too narrow to set them beside.
    expect(renderTable({ ...spec, rows, width: 20 })).toContain('Review:\n  First paragraph.\n\n  Second paragraph.');
  });
});

describe('displayWidth', () => {
  // Its shortcut for Latin, Greek and Cyrillic must count exactly what the general measure counts.
  it('agrees with fast-string-width on every code point below U+3000, alone and around a letter', () => {
    for (let code = 0; code < 0x3000; code++) {
      const char = String.fromCodePoint(code);
      for (const text of [char, `a${char}`, `Ж${char}b`])
        expect(displayWidth(text), `U+${code.toString(16)} in ${JSON.stringify(text)}`).toBe(fastStringWidth(text));
    }
  });

  it('agrees with string-width on mixed text: Latin and Cyrillic with emoji, CJK, combining marks and escapes', () => {
    const pieces = fc.constantFrom('a', 'Ж', 'é', 'e\u0301', 'и\u0306', 'ж\u0483', '家', '😀', '👨‍👩‍👧', '❤️', '\u001b[1m', ' ', 'ß', 'Ω');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        expect(displayWidth(text)).toBe(stringWidth(text));
      }),
      { numRuns: 500 },
    );
  });
});

describe('truncate', () => {
  const codes = (text: string): string[] => text.match(/\u001b\[\d*m/g) ?? [];

  it('keeps the longest run of whole graphemes that fits, then …, and every colour code', () => {
    const pieces = fc.constantFrom('a', 'Ж', 'e\u0301', '家', '😀', '👨‍👩‍👧', '🇷🇺', '❤️', ' ', '\u001b[1m', '\u001b[22m');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 30 }), fc.integer({ min: 1, max: 20 }), (parts, width) => {
        const text = parts.join('');
        const cut = truncate(text, width);
        if (stringWidth(text) <= width) {
          expect(cut).toBe(text);
          return;
        }
        expect(cut.endsWith('…')).toBe(true);
        const kept = cut.slice(0, -1);
        // The codes of the part cut off stay (they take no room), so a colour opened before the cut is closed.
        expect(codes(kept)).toEqual(codes(text));
        expect(strip(text).startsWith(strip(kept))).toBe(true);
        expect(stringWidth(kept)).toBeLessThanOrEqual(width - 1);
        const next = [...new Intl.Segmenter().segment(strip(text).slice(strip(kept).length))][0]?.segment ?? '';
        expect(stringWidth(strip(kept) + next)).toBeGreaterThan(width - 1);
      }),
      { numRuns: 500 },
    );
  });

  it('closes a colour it cuts through', () => {
    const yellow = new Chalk({ level: 1 }).yellow('a long highlighted match');
    expect(truncate(`before ${yellow} after`, 12)).toBe('before \u001b[33ma lo\u001b[39m…');
  });
});

describe('wrapText', () => {
  it('wraps at the display width and keeps paragraphs', () => {
    expect(wrapText('aaa bbb ccc\nddd', 7)).toEqual(['aaa bbb', 'ccc', 'ddd']);
    expect(wrapText('千千千千', 4)).toEqual(['千千', '千千']);
  });

  // Long text is segmented in chunks of a few thousand characters (Node 20's segmenter is quadratic):
  // a word far longer than a chunk must still break only between graphemes.
  it('breaks a word of many thousand characters only between graphemes, across the segmenter chunks', () => {
    const pieces = fc.constantFrom('a', 'Ж', 'e\u0301', '家', '😀', '👨‍👩‍👧', '🇷', '🇺', '❤️', 'क्षि', '각');
    fc.assert(
      fc.property(fc.array(pieces, { minLength: 3000, maxLength: 4000 }), fc.integer({ min: 3, max: 9 }), (parts, width) => {
        const word = parts.join('');
        const lines = wrapText(word, width);
        expect(lines.join('')).toBe(word);
        const boundaries = new Set([...new Intl.Segmenter().segment(word)].map((segment) => segment.index));
        let at = 0;
        const starts = lines.map((line) => (at += line.length) - line.length);
        expect(
          starts.filter((start) => !boundaries.has(start)),
          'lines that start inside a grapheme',
        ).toEqual([]);
        expect(lines.filter((line) => stringWidth(line) > width)).toEqual([]);
      }),
      // No shrinking: on words this long it takes minutes, and the first failure says enough.
      { numRuns: 20, endOnFailure: true },
    );
    expect(wrapText(`a${'\u0301'.repeat(10_000)}b`, 5).join('')).toBe(`a${'\u0301'.repeat(10_000)}b`);
  });
});

describe('renderFilm', () => {
  const reviews = Array.from({ length: 14 }, (_, i) =>
    review({
      id: `r${i}`,
      author: HOSTILE_WIDTHS[i % HOSTILE_WIDTHS.length] ?? 'x',
      createdAt: `2024-01-${String(20 - i).padStart(2, '0')}T00:00:00.000Z`,
      rating: (i % 10) + 1,
      text: `${HOSTILE_WIDTHS.join(' ')}\n`.repeat(i % 3 ? 1 : 8),
    }),
  );
  const subject = film({ title: 'Дорогие товарищи! 千と千尋 💛', cast: ['Юлия Высоцкая'], castCount: 19, ratingsCount: 6367, reviews });

  it('draws aligned tables at every width', () => {
    for (const width of [70, 80, 120]) {
      const output = renderFilm(subject, { limit: 10, full: false, spoilers: false, width, color: plain, glyphs: UNICODE_GLYPHS });
      const drawn = tables(output);
      expect(drawn).toHaveLength(2);
      for (const table of drawn) expectAligned(table, width);
    }
  });

  it('shows the details, the histogram and at most --limit reviews with a line saying how many more', () => {
    const output = renderFilm(subject, { limit: 3, full: false, spoilers: false, width: 100, color: plain, glyphs: UNICODE_GLYPHS });
    expect(output).toContain('6,367 people');
    expect(output).toContain('Юлия Высоцкая (19 in all)');
    // Nine people wrote the fourteen reviews: each counts once, with their latest rating (1 to 9).
    expect(output).toMatch(/Rating\s+│ 5\/10 ★★½☆☆ from 9 people/);
    expect(output).toMatch(/^ 9 █+ +1$/m);
    expect(output).toMatch(/^10 +0$/m);
    expect(output).toContain('11 more reviews — --all shows them');
    expect((output.match(/2024-01-\d\d/g) ?? []).length).toBe(3);
  });

  it('cuts long reviews unless --full', () => {
    const cut = renderFilm(subject, { limit: 1, full: false, spoilers: false, width: 80, color: plain, glyphs: UNICODE_GLYPHS });
    const full = renderFilm(subject, { limit: 1, full: true, spoilers: false, width: 80, color: plain, glyphs: UNICODE_GLYPHS });
    expect(cut).toMatch(/… \d+ more lines \(--full\)/);
    expect(full).not.toContain('more lines');
    expect(full.split('\n').length).toBeGreaterThan(cut.split('\n').length);
  });

  it('shows a very long review in full, every word of it, in aligned lines', () => {
    const words = Array.from({ length: 3000 }, (_, i) => `слово${i}`);
    const long = film({ reviews: [review({ text: words.join(' ') })] });
    const output = renderFilm(long, { limit: 1, full: true, spoilers: false, width: 80, color: plain, glyphs: UNICODE_GLYPHS });
    const reviewTable = tables(output)[1] ?? [];
    expectAligned(reviewTable, 80);
    const shown = reviewTable.flatMap((line) => line.split('│')[4]?.trim().split(' ') ?? []).filter((word) => word.startsWith('слово'));
    expect(shown).toEqual(words);
  });

  it('says when there are no reviews', () => {
    expect(renderFilm(film(), { limit: 10, full: false, spoilers: false, width: 80, color: plain, glyphs: UNICODE_GLYPHS })).toContain(
      'No reviews yet.',
    );
  });

  it('prints no terminal control bytes from hostile text', () => {
    const hostile = film({
      title: 'Evil\u001b]52;c;aGk=\u0007\u001b[2J',
      reviews: [review({ author: '\u009b31m\u202eevil', text: 'a\u001b[31mred\nb' })],
    });
    const output = renderFilm(hostile, { limit: 10, full: false, spoilers: false, width: 80, color: plain, glyphs: UNICODE_GLYPHS });
    expect(output).not.toMatch(/[\u001b\u009b\u0007\u202e]/);
    expect(output).toContain('\\x1b]52;c;aGk=\\x07');
  });
});

describe('renderFilmList', () => {
  it('draws one aligned row per film', () => {
    const films = [film(), film({ slug: 'x', title: '千と千尋の神隠し', year: 2001, genres: ['Animation'] })];
    for (const width of [80, 120])
      expectAligned(
        tables(renderFilmList(films, { total: 2, inStore: 2 }, { width, color: plain, glyphs: UNICODE_GLYPHS }))[0] ?? [],
        width,
      );
    expect(renderFilmList(films, { total: 2, inStore: 2 }, { width: 120, color: plain, glyphs: UNICODE_GLYPHS })).toMatch(
      /│ 千と千尋の神隠し +│ 2001 │/,
    );
  });
});

describe('ratings', () => {
  it('draws stars in halves', () => {
    expect(stars(8)).toBe('★★★★☆');
    expect(stars(7)).toBe('★★★½☆');
    expect(stars(1)).toBe('½☆☆☆☆');
  });
  it('scales the histogram to the width', () => {
    const histogram = { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0, '6': 0, '7': 0, '8': 4, '9': 0, '10': 2 };
    const lines = renderHistogram(histogram, { width: 40, color: plain, glyphs: UNICODE_GLYPHS }).split('\n');
    expect(lines).toHaveLength(10);
    expect(lines.every((line) => stringWidth(line) === 40)).toBe(true);
    expect(lines[2]).toMatch(/^ 8 █+ +4$/);
    expect((lines[0]?.match(/█/g) ?? []).length * 2).toBe((lines[2]?.match(/█/g) ?? []).length);
  });
});
