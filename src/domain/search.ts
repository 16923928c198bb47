import type { Film } from '../store/schema.js';

/** Case and accents folded away, with where each folded character came from in the original. */
interface Folded {
  text: string;
  starts: number[];
  ends: number[];
}

const foldChar = (char: string): string => char.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

/** Where letters that fold to something other than their lower case live (accents, ligatures, full-width forms…). */
const FOLD_PLANES: [number, number][] = [
  [0x80, 0xffff],
  [0x1d400, 0x1d7ff],
  [0x1f100, 0x1f2ff],
];

let foldable: RegExp | undefined;

/** A character class of every character whose fold differs from its lower case, built once per search. */
function foldableCharacters(): RegExp {
  if (foldable) return foldable;
  const ranges: string[] = [];
  for (const [first, last] of FOLD_PLANES) {
    let start = -1;
    for (let code = first; code <= last + 1; code++) {
      const char = code <= last && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : '';
      const differs = char !== '' && foldChar(char) !== char.toLowerCase();
      if (differs && start < 0) start = code;
      if (!differs && start >= 0) {
        ranges.push(`\\u{${start.toString(16)}}-\\u{${(code - 1).toString(16)}}`);
        start = -1;
      }
    }
  }
  foldable = new RegExp(`[${ranges.join('')}]`, 'u');
  return foldable;
}

/** Case and accents folded away. Most texts hold no character that folds beyond lower case, and lower-casing is ten times cheaper. */
export function fold(text: string): string {
  return foldableCharacters().test(text) ? text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase() : text.toLowerCase();
}

function foldWithMap(text: string): Folded {
  const folded: Folded = { text: '', starts: [], ends: [] };
  let index = 0;
  for (const char of text) {
    const piece = foldChar(char);
    for (let i = 0; i < piece.length; i++) {
      folded.starts.push(index);
      folded.ends.push(index + char.length);
    }
    folded.text += piece;
    index += char.length;
  }
  return folded;
}

export type Range = [start: number, end: number];

export interface SearchHit {
  field: 'title' | 'synopsis' | 'review';
  reviewId: string | null;
  author: string | null;
  /** The whole text of the field; `ranges` mark the matches in it. */
  text: string;
  ranges: Range[];
}

export interface FilmHits {
  film: Film;
  hits: SearchHit[];
}

/** Where the words occur in a text, as ranges of the original text (no overlaps, in order). */
export function matchRanges(text: string, words: readonly string[]): Range[] {
  const folded = foldWithMap(text);
  const ranges: Range[] = [];
  for (const word of words) {
    for (let at = folded.text.indexOf(word); at >= 0; at = folded.text.indexOf(word, at + word.length)) {
      ranges.push([folded.starts[at] ?? 0, folded.ends[at + word.length - 1] ?? text.length]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  return ranges.filter((range, i) => i === 0 || range[0] >= (ranges[i - 1] as Range)[1]);
}

export function searchWords(query: readonly string[]): string[] {
  return [...new Set(query.flatMap((part) => fold(part).split(/\s+/)).filter(Boolean))];
}

/**
 * Films in which every word occurs somewhere (title, synopsis or a review), each with the fields
 * that hold any of the words: title first, then synopsis, then reviews holding the most words.
 */
export function searchFilms(films: readonly Film[], words: readonly string[]): FilmHits[] {
  if (words.length === 0) return [];
  const results: FilmHits[] = [];
  for (const film of films) {
    const fields = [
      { field: 'title' as const, reviewId: null, author: null, text: film.title },
      { field: 'synopsis' as const, reviewId: null, author: null, text: film.synopsis },
      ...film.reviews.map((review) => ({ field: 'review' as const, reviewId: review.id, author: review.author, text: review.text })),
    ];
    const folded = fields.map((entry) => fold(entry.text));
    const found = words.map((word) => folded.some((text) => text.includes(word)));
    if (!found.every(Boolean)) continue;
    const hits = fields
      .map((entry, i) => ({ entry, count: words.filter((word) => (folded[i] as string).includes(word)).length }))
      .filter(({ count }) => count > 0)
      .sort((a, b) => (a.entry.field === 'review' && b.entry.field === 'review' ? b.count - a.count : 0))
      .map(({ entry }) => ({ ...entry, ranges: matchRanges(entry.text, words) }));
    results.push({ film, hits });
  }
  return results;
}
