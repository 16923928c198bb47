import { Chalk } from 'chalk';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { findFilm, nearestFilms } from '../../src/domain/lookup.js';
import { errorLine } from '../../src/errors.js';
import { parseExportJson } from '../../src/formats/json-import.js';
import { checkFilm } from '../../src/store/validate.js';
import { checkStoreText } from '../../src/store/validate.js';
import { matchRanges } from '../../src/domain/search.js';
import { renderFilm } from '../../src/render/film.js';
import { renderFilmList } from '../../src/render/film-list.js';
import { renderReviewList } from '../../src/render/review-list.js';
import { safeText } from '../../src/render/safe-text.js';
import { renderSearch } from '../../src/render/search.js';
import { barChart } from '../../src/render/stats.js';
import { layoutTable, renderTable } from '../../src/render/table.js';
import { truncate, wrapText } from '../../src/render/width.js';
import { cpuMsSince } from '../helpers/cpu-time.js';
import { film, review } from './fixtures.js';
import { ASCII_GLYPHS, UNICODE_GLYPHS } from '../../src/render/glyphs.js';

/**
 * Each path here was once quadratic (or overflowed the stack) in the size of a field: on these
 * inputs the quadratic versions took minutes or crashed. The bounds are generous, and on this process's
 * CPU time, so that other work on the machine does not count.
 */
const BOUND_MS = 5000;
const plain = new Chalk({ level: 0 });
const yellow = new Chalk({ level: 1 });
const MEGABYTE_OF_WORDS = 'lorem ipsum dolor sit amet consectetur adipiscing elit '.repeat(20_000);

function timed<T>(work: () => T): T {
  const started = process.cpuUsage();
  const result = work();
  expect(cpuMsSince(started)).toBeLessThan(BOUND_MS);
  return result;
}

/** The widths of a table's lines, of ASCII and box-drawing characters only: one column each. */
const widths = (output: string): Set<number> =>
  new Set(
    output
      .split('\n')
      .filter((line) => /^[┌│├└]/.test(line))
      .map((line) => line.length),
  );

describe('cost linear in the size of a field', () => {
  it('show --full: ten times the lines of a review cost about ten times as much (cli-table3 compared every line with every line above it)', () => {
    const show = (lines: number): { ms: number; output: string } => {
      const text = Array.from({ length: lines }, (_, i) => `line ${i}`).join('\n');
      const render = () =>
        renderFilm(film({ reviews: [review({ text })] }), {
          limit: null,
          full: true,
          spoilers: false,
          width: 100,
          color: plain,
          glyphs: UNICODE_GLYPHS,
        });
      render(); // warm-up
      const started = process.cpuUsage();
      const output = render();
      return { ms: cpuMsSince(started), output };
    };
    const small = show(2_000);
    const large = show(20_000);
    expect(large.output.split('\n').filter((line) => /│ line \d+ /.test(line))).toHaveLength(20_000);
    expect(large.output).toContain('│ line 19999 ');
    // Linear gives about 10; the quadratic drawing gave about 100.
    expect(large.ms / Math.max(small.ms, 1)).toBeLessThan(30);
  });

  it('list: a 1 MB title of words (Math.max over every word overflowed the stack) and a 1 MB word (broken a grapheme at a time, re-measuring the piece)', () => {
    for (const title of [MEGABYTE_OF_WORDS, 'x'.repeat(1_000_000)]) {
      const output = timed(() =>
        renderFilmList([film({ title })], { total: 1, inStore: 1 }, { width: 80, color: plain, glyphs: UNICODE_GLYPHS }),
      );
      expect(widths(output)).toEqual(new Set([80]));
      expect(output.replace(/[│\s]/g, '')).toContain(title.replace(/\s/g, '').slice(0, 1000));
      // Cut at 10,000 columns: wrapped whole into its narrow column, the title took 20 MB.
      expect(output.length).toBeLessThan(100_000);
    }
  });

  it('list stacked at 30 columns: a 1 MB title of words, a 1 MB word and a 1 MB hyphenated word (each break looked back for a hyphen)', () => {
    for (const title of [MEGABYTE_OF_WORDS, 'x'.repeat(1_000_000), 'ab-'.repeat(333_333)]) {
      const output = timed(() =>
        renderFilmList([film({ title })], { total: 1, inStore: 1 }, { width: 30, color: plain, glyphs: UNICODE_GLYPHS }),
      );
      expect(output).toMatch(/^Title \/ slug: /);
      // ASCII only: a character a column.
      expect(output.split('\n').every((line) => line.length <= 30)).toBe(true);
      expect(output.length).toBeLessThan(100_000);
    }
  });

  it('review list: a 1 MB title and a 1 MB author in every row are cut, not printed whole in each', () => {
    const huge = film({
      title: MEGABYTE_OF_WORDS,
      reviews: Array.from({ length: 5 }, (_, i) => review({ id: `r${i}`, author: 'b'.repeat(1_000_000) })),
    });
    const output = timed(() =>
      renderReviewList(
        huge.reviews.map((r) => ({ film: huge, review: r })),
        5,
        { spoilers: false, width: 120, color: plain, glyphs: UNICODE_GLYPHS },
      ),
    );
    expect(widths(output)).toEqual(new Set([120]));
    expect(output.length).toBeLessThan(5_000_000);
  });

  it('wrapText breaks a 1 MB word at a wide width in one pass', () => {
    const lines = timed(() => wrapText('я'.repeat(1_000_000), 1000));
    expect(lines).toHaveLength(1000);
    expect(lines.every((line) => line.length === 1000)).toBe(true);
  });

  it('truncate cuts coloured text to a wide width in one pass (it re-measured everything kept, for every grapheme)', () => {
    const text = yellow.yellow('界'.repeat(200_000));
    const cut = timed(() => truncate(text, 100_001));
    expect(stringWidth(cut)).toBe(100_001);
    expect(cut.endsWith('\u001b[39m…')).toBe(true);
  });

  it('the layout of a table of 150,000 rows (Math.max over every row overflowed the stack), and its drawing of 15,000', () => {
    const rows = Array.from({ length: 150_000 }, (_, i) => [String(i), 'a review']);
    const layout = timed(() => layoutTable({ rows, width: 40, compact: true, color: plain, glyphs: UNICODE_GLYPHS }));
    expect(layout.widths).toEqual([6, 8]);
    expect(layout.compact).toBe(true);
    expect(layout.rows).toHaveLength(150_000);
    const output = timed(() =>
      renderTable({ rows: rows.slice(0, 15_000), width: 40, compact: true, color: plain, glyphs: UNICODE_GLYPHS }),
    );
    expect(output.split('\n')).toHaveLength(15_002);
    expect(widths(output)).toEqual(new Set([20]));
  });

  it('a chart of 150,000 labels', () => {
    const rows = Array.from({ length: 150_000 }, (_, i) => ({ name: `author ${i}`, count: i }));
    expect(timed(() => barChart(rows, { width: 60, color: plain, glyphs: ASCII_GLYPHS })).split('\n')).toHaveLength(150_000);
  });

  it('search: a review of 100,000 "a a a …" and a 1 MB text with 20,000 matches (each match re-collapsed the text before it)', () => {
    for (const [text, word] of [
      ['a '.repeat(50_000), 'a'],
      [MEGABYTE_OF_WORDS, 'lorem'],
    ] as const) {
      const hit = { field: 'review' as const, reviewId: 'r1', author: 'Ann', spoiler: false, text, ranges: matchRanges(text, [word]) };
      for (const color of [plain, yellow]) {
        const output = timed(() =>
          renderSearch([{ film: film(), hits: [hit] }], { width: 100, color, glyphs: UNICODE_GLYPHS, reviewsPerFilm: 5, spoilers: false }),
        );
        const line = output.split('\n')[1] ?? '';
        expect(stringWidth(line)).toBeLessThanOrEqual(100);
        expect(line).toContain(color.level ? yellow.bold.yellow(word) : `[${word}]`);
      }
    }
  });

  it('did you mean: a 1 MB title and a 100,000-character query are compared by their starts', () => {
    const films = [film({ slug: 'huge', title: MEGABYTE_OF_WORDS }), film({ slug: 'leviathan', title: 'Leviathan' })];
    expect(timed(() => nearestFilms(films, 'q'.repeat(100_000))).map((f) => f.slug)).toHaveLength(2);
    expect(timed(() => nearestFilms(films, 'Leviatan'))[0]?.slug).toBe('leviathan');
    // The message names the huge title cut short.
    let line = '';
    try {
      findFilm(films, 'lorem ipsum dolor sit amet consectetur adipiscing elit zzz');
    } catch (error) {
      line = errorLine(error);
    }
    expect(line).toMatch(/did you mean "lorem ipsum [a-z ]{68}…" \(2014\) \[huge\], "Leviathan" \(2014\) \[leviathan\]\?/);
  });

  it('safeText escapes a megabyte of invisible characters and broken emoji sequences in one pass', () => {
    const hostile = '\u200d\ufe0f\u{e0067}👨\u200d'.repeat(100_000);
    const safe = timed(() => safeText(hostile));
    expect(safe).not.toMatch(/\u200d|\ufe0f|\u{e0067}/u);
  });

  it('a store or an import whose film has 300,000 bad genres is refused with its problems (push(...lines) overflowed the stack)', () => {
    const text = JSON.stringify({ version: 1, films: [{ ...film(), genres: Array.from({ length: 300_000 }, (_, i) => i) }] });
    const check = timed(() => checkStoreText(text));
    expect(check.ok).toBe(false);
    expect(check.ok ? [] : check.problems).toHaveLength(300_000);
    // An import reports a bad row on one line, its reasons joined.
    const batch = timed(() => parseExportJson(text, 'big.json', checkFilm));
    expect(batch.problems).toHaveLength(1);
    expect(batch.problems[0]).toMatch(/^big\.json: films\[0\]\.genres\[0\]: /);
    expect(batch.problems[0]?.split('; ')).toHaveLength(6);
    expect(batch.problems[0]).toMatch(/; and 299,995 more$/);
  });
});
