import type { Film } from './model.js';
import { FOLDABLE } from './foldable.js';

/** Case and accents folded away, with where each folded character came from in the original. */
interface Folded {
  text: string;
  starts: number[];
  ends: number[];
}

const withoutMarks = (text: string): string => text.normalize('NFKD').replace(/\p{M}/gu, '');

const codePoint = (code: number): string => `\\u{${code.toString(16)}}`;

let foldable: RegExp | undefined;

/** Every character whose fold differs from its lower case (see foldable.ts), built once per run. */
function foldableCharacters(): RegExp {
  foldable ??= new RegExp(
    `[${FOLDABLE.map((item) => (typeof item === 'number' ? codePoint(item) : `${codePoint(item[0])}-${codePoint(item[1])}`)).join('')}]`,
    'gu',
  );
  return foldable;
}

/**
 * Case and accents folded away: NFKD without combining marks, lower-cased. Decomposition works a
 * character at a time, so only the characters that fold beyond their lower case are decomposed
 * (a few in a review, where normalising the whole text took ~10 µs).
 */
export function fold(text: string): string {
  return text.replace(foldableCharacters(), withoutMarks).toLowerCase();
}

/**
 * Whether `fold(text)` holds `word` (a folded word), mostly without folding: a text with no
 * character that folds beyond lower case holds it exactly when a case-insensitive search finds it
 * (Unicode case folding equates each such character with its lower case). Folding a copy of every
 * review for each search was most of its cost on a large store.
 */
function holdsWord(text: string, word: string, caseless: RegExp): boolean {
  if (!caseless.test(text) && !hasFoldable(text)) return false;
  return fold(text).includes(word);
}

function hasFoldable(text: string): boolean {
  const pattern = foldableCharacters();
  pattern.lastIndex = 0;
  return pattern.test(text);
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function foldWithMap(text: string): Folded {
  const folded: Folded = { text: '', starts: [], ends: [] };
  let index = 0;
  for (const char of text) {
    const piece = (hasFoldable(char) ? withoutMarks(char) : char).toLowerCase();
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
  const caseless = words.map((word) => new RegExp(escapeRegExp(word), 'iu'));
  const holds = (text: string, w: number): boolean => holdsWord(text, words[w] as string, caseless[w] as RegExp);
  for (const film of films) {
    const texts = [film.title, film.synopsis, ...film.reviews.map((review) => review.text)];
    if (!words.every((_, w) => texts.some((text) => holds(text, w)))) continue;
    const fields = [
      { field: 'title' as const, reviewId: null, author: null, text: film.title },
      { field: 'synopsis' as const, reviewId: null, author: null, text: film.synopsis },
      ...film.reviews.map((review) => ({ field: 'review' as const, reviewId: review.id, author: review.author, text: review.text })),
    ];
    const hits = fields
      .map((entry) => ({ entry, count: words.filter((_, w) => holds(entry.text, w)).length }))
      .filter(({ count }) => count > 0)
      .sort((a, b) => (a.entry.field === 'review' && b.entry.field === 'review' ? b.count - a.count : 0))
      .map(({ entry }) => ({ ...entry, ranges: matchRanges(entry.text, words) }));
    results.push({ film, hits });
  }
  return results;
}
