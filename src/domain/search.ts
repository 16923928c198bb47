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

/** The foldable characters (see foldable.ts): a regular expression's class without its brackets. */
const foldableClass = (): string => FOLDABLE.map((item) => (typeof item === 'number' ? codePoint(item) : `${codePoint(item[0])}-${codePoint(item[1])}`)).join('');

let foldable: RegExp | undefined;

/** Every character whose fold differs from its lower case, built once per run. */
function foldableCharacters(): RegExp {
  foldable ??= new RegExp(`[${foldableClass()}]`, 'gu');
  return foldable;
}

/** Each foldable character without its marks, worked out once: a review repeats the same few. */
const unmarked = new Map<string, string>();
function withoutMarksOnce(char: string): string {
  let plain = unmarked.get(char);
  if (plain === undefined) {
    plain = withoutMarks(char);
    unmarked.set(char, plain);
  }
  return plain;
}

let foldableUnits: Uint8Array | undefined;

/** The high surrogate of a character beyond the BMP. */
const highSurrogate = (code: number): number => 0xd800 + ((code - 0x10000) >> 10);

/**
 * For each UTF-16 code unit, 1 where a foldable character is, or may start (the high surrogate of
 * one beyond the BMP, whose pair is then checked whole): looking a text's units up here is ~3×
 * faster than a regular expression of the foldable characters. Built once per run.
 */
function foldableTable(): Uint8Array {
  if (foldableUnits) return foldableUnits;
  foldableUnits = new Uint8Array(0x10000);
  for (const item of FOLDABLE) {
    const [first, last] = typeof item === 'number' ? [item, item] : item;
    if (last <= 0xffff) foldableUnits.fill(1, first, last + 1);
    else foldableUnits.fill(1, highSurrogate(first), highSurrogate(last) + 1);
  }
  return foldableUnits;
}

function isFoldable(char: string): boolean {
  const pattern = foldableCharacters();
  pattern.lastIndex = 0;
  return pattern.test(char);
}

/**
 * A text with its foldable characters decomposed and their marks dropped, not yet lower-cased; the
 * text itself when none folds. Decomposition works a character at a time, so only those characters
 * are decomposed (normalising a whole review took ~10 µs).
 */
function unfolded(text: string): string {
  const table = foldableTable();
  let decomposed = '';
  let kept = 0;
  for (let at = 0; at < text.length; at++) {
    if (table[text.charCodeAt(at)] === 0) continue;
    const char = String.fromCodePoint(text.codePointAt(at) as number);
    if (char.length === 1 || isFoldable(char)) {
      decomposed += text.slice(kept, at) + withoutMarksOnce(char);
      kept = at + char.length;
    }
    at += char.length - 1;
  }
  return kept === 0 ? text : decomposed + text.slice(kept);
}

/** Case and accents folded away: NFKD without combining marks, lower-cased. */
export function fold(text: string): string {
  return unfolded(text).toLowerCase();
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** How a search looks for a folded word: case-insensitively, and with a screen that passes every text that may hold it. */
interface WordSearch {
  word: string;
  caseless: RegExp;
  /**
   * The word case-insensitively, or any character beyond ASCII but ſ and the Kelvin sign (which that
   * search equates with s and k already, and which are no others' case variants): a text it passes
   * by holds the word in no folding. One pass over most texts, and it stops at their first such character.
   */
  screen: RegExp;
}

function wordSearch(word: string): WordSearch {
  const pattern = escapeRegExp(word);
  return { word, caseless: new RegExp(pattern, 'iu'), screen: new RegExp(`${pattern}|[^\\x00-\\x7f\\u017f\\u212a]`, 'iu') };
}

/**
 * Whether `fold(text)` holds the word, lower-casing only a text that may: once its foldable
 * characters are decomposed, a text lower-cases to one holding the word only if a case-insensitive
 * search finds the word in it (Unicode's case folding equates each character with its lower case).
 * Lower-casing every review in other scripts than Latin (ICU's slow path) and scanning each for
 * foldable characters were most of the cost of a search on a large store.
 */
function holdsWord(text: string, { word, caseless, screen }: WordSearch): boolean {
  if (!screen.test(text)) return false;
  const decomposed = unfolded(text);
  return caseless.test(decomposed) && decomposed.toLowerCase().includes(word);
}

function hasFoldable(text: string): boolean {
  const pattern = foldableCharacters();
  pattern.lastIndex = 0;
  return pattern.test(text);
}

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
  const searches = words.map(wordSearch);
  const holds = (text: string, w: number): boolean => holdsWord(text, searches[w] as WordSearch);
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
