import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePage } from './fixtures.js';
import { DataError } from '../../src/errors.js';
import { SEED_PAGE } from '../helpers/cli.js';

const seed = readFileSync(SEED_PAGE, 'utf8');

const page = (lines: string[]): string => lines.join('\n');
const minimal = (reviews: string[], extra: { cast?: string[]; related?: string[] } = {}): string[] => [
  'Leviathan',
  'Russian Federation, France',
  '1,234 people rated A man fights the town.',
  'Drama',
  'Cast (3)',
  ...(extra.cast ?? []),
  'You May Also Like',
  ...(extra.related ?? []),
  'User Reviews',
  ...reviews,
];

describe('parsePage on the seed page', () => {
  const film = parsePage(seed);

  it('reads the details', () => {
    expect(film.title).toBe('Dear Comrades!');
    expect(film.year).toBeNull();
    expect(film.countries).toEqual(['Russian Federation']);
    expect(film.ratingsCount).toBe(6367);
    expect(film.synopsis).toMatch(/^When the communist government raises food prices in 1962, .* devout party activist\.$/);
    expect(film.genres).toEqual(['Drama', 'History']);
    expect(film.castCount).toBe(19);
    expect(film.cast).toEqual([]);
    expect(film.related).toEqual([]);
  });

  it('reads all ten reviews with authors, emoji intact, and UTC times', () => {
    expect(film.reviews.map((r) => r.author)).toEqual([
      'Adérito',
      'Pranitha Official',
      'Sandra Gyasi',
      'Majo💛🍀',
      'Andiswa The Bomb🦋',
      'BTS ✨',
      'Junior Dekalex',
      'Celine Amon',
      'Bri Bri',
      'Mark Angel',
    ]);
    expect(film.reviews[0]?.createdAt).toBe('2025-11-29T00:00:00.000Z');
    expect(film.reviews[2]?.createdAt).toBe('2024-09-11T08:43:00.000Z');
    expect(film.reviews.every((r) => r.rating === null && !r.spoiler)).toBe(true);
  });

  it('joins the text lines of a review with \\n', () => {
    const sandra = film.reviews[2];
    expect(sandra?.text.split('\n')).toHaveLength(2);
    expect(sandra?.text).toMatch(/^Another film which makes justice to the great 7th art\.\nThis movie is a pearl/);
    expect(film.reviews[8]?.text.startsWith('Watched on 2021-03-03\nThose ordinary people')).toBe(true);
    expect(film.reviews[9]?.text.endsWith('Grade: A-')).toBe(true);
  });
});

describe('parsePage tolerates what copying does to text', () => {
  const expected = parsePage(seed);

  it('accepts CRLF line ends', () => {
    expect(parsePage(seed.replace(/\n/g, '\r\n'))).toEqual(expected);
  });

  it('accepts a BOM', () => {
    expect(parsePage(`\uFEFF${seed}`)).toEqual(expected);
  });

  it('accepts trailing spaces and a final newline', () => {
    expect(parsePage(`${seed.replace(/\n/g, '  \n')}\n`)).toEqual(expected);
  });

  it('reads a page without a final newline', () => {
    expect(seed.endsWith('\n')).toBe(false);
    expect(expected.reviews.at(-1)?.text.endsWith('A-')).toBe(true);
  });
});

describe('parsePage layouts beyond the seed', () => {
  it('reads several countries, cast names and related titles', () => {
    const film = parsePage(
      page(
        minimal(['Ann', '01/02/2023 10:05', 'Good.'], { cast: ['Aleksey Serebryakov', 'Elena Lyadova'], related: ['Loveless', 'Elena'] }),
      ),
    );
    expect(film.countries).toEqual(['Russian Federation', 'France']);
    expect(film.ratingsCount).toBe(1234);
    expect(film.cast).toEqual(['Aleksey Serebryakov', 'Elena Lyadova']);
    expect(film.castCount).toBe(3);
    expect(film.related).toEqual(['Loveless', 'Elena']);
    expect(film.reviews).toEqual([{ author: 'Ann', createdAt: '2023-02-01T10:05:00.000Z', rating: null, text: 'Good.', spoiler: false }]);
  });

  it('keeps an author line that is only emoji', () => {
    const film = parsePage(page(minimal(['🎬🍿', '31/12/2020 23:59', 'Loved it', 'Twice.'])));
    expect(film.reviews[0]?.author).toBe('🎬🍿');
    expect(film.reviews[0]?.text).toBe('Loved it\nTwice.');
  });

  it('keeps blank lines inside a review and a text line that looks like a name', () => {
    const film = parsePage(page(minimal(['Ann', '01/02/2023 10:05', 'First.', '', 'Bob', 'Second.', 'Cy', '02/02/2023 09:00', 'Hi'])));
    expect(film.reviews.map((r) => r.text)).toEqual(['First.\n\nBob\nSecond.', 'Hi']);
  });

  it('reads a page with no reviews', () => {
    expect(parsePage(page(minimal([]))).reviews).toEqual([]);
  });

  it('refuses a date that does not exist, naming the line', () => {
    expect(() => parsePage(page(minimal(['Ann', '31/02/2023 10:05', 'x'])), 'p.txt')).toThrow(
      /^p\.txt:9: "31\/02\/2023 10:05" is not a real date/,
    );
  });

  it('refuses reviews that do not start with an author and a date', () => {
    expect(() => parsePage(page(minimal(['just some text'])), 'p.txt')).toThrow(DataError);
  });

  it('refuses text that is not a film page', () => {
    expect(() => parsePage('hello\nworld\n', 'x.txt')).toThrow(/a film page needs/);
    expect(() => parsePage('Title\nFrance\nno rating line\nDrama\nCast (1)\n', 'x.txt')).toThrow(/x\.txt:3: expected "<N> people rated/);
    expect(() => parsePage('Title\nFrance\n5 people rated Plot.\nDrama\n', 'x.txt')).toThrow(/no "Cast \(N\)" line/);
  });
});
