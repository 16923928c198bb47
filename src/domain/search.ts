import type { Film, Review } from './model.js';
import { FOLDABLE } from './foldable.js';

/** Case and accents folded away, with where each folded character came from in the original (null: from the same place). */
interface Folded {
  text: string;
  starts: number[] | null;
  ends: number[] | null;
}

const withoutMarks = (text: string): string => text.normalize('NFKD').replace(/\p{M}/gu, '');

const codePoint = (code: number): string => `\\u{${code.toString(16)}}`;

/** The foldable characters (see foldable.ts): a regular expression's class without its brackets. */
const foldableClass = (): string =>
  FOLDABLE.map((item) => (typeof item === 'number' ? codePoint(item) : `${codePoint(item[0])}-${codePoint(item[1])}`)).join('');

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
    // A pair is checked whole; a lone surrogate, flagged with them, decomposes to itself.
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

let walked: RegExp | undefined;

/** The characters foldWithMap folds one at a time: the foldable ones, and the capital sigma, whose lower case depends on the letter after it. */
function walkedCharacters(): RegExp {
  walked ??= new RegExp(`[${foldableClass()}Σ]`, 'gu');
  return walked;
}

/**
 * The text folded as a character at a time, with where each folded character came from: each
 * foldable character and capital sigma on its own, and the stretches between them lower-cased as a
 * whole, which folds each of their characters in place, to one of its own length. Walking every
 * character of the texts that matched was most of a search's cost once they were found.
 */
function foldWithMap(text: string): Folded {
  const pattern = walkedCharacters();
  pattern.lastIndex = 0;
  if (!pattern.test(text)) return { text: text.toLowerCase(), starts: null, ends: null };
  const starts: number[] = [];
  const ends: number[] = [];
  let folded = '';
  let from = 0;
  const inPlace = (to: number): void => {
    folded += text.slice(from, to).toLowerCase();
    for (let at = from; at < to; at++) {
      starts.push(at);
      ends.push(at + 1);
    }
  };
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const char = match[0];
    inPlace(match.index);
    const piece = (char === 'Σ' ? char : withoutMarksOnce(char)).toLowerCase();
    for (let i = 0; i < piece.length; i++) {
      starts.push(match.index);
      ends.push(match.index + char.length);
    }
    folded += piece;
    from = match.index + char.length;
  }
  inPlace(text.length);
  return { text: folded, starts, ends };
}

export type Range = [start: number, end: number];

export interface SearchHit {
  field: 'title' | 'synopsis' | 'review';
  reviewId: string | null;
  author: string | null;
  /** A review marked as a spoiler: shown only when asked for. */
  spoiler: boolean;
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
      const last = at + word.length - 1;
      ranges.push(folded.starts && folded.ends ? [folded.starts[at] ?? 0, folded.ends[last] ?? text.length] : [at, last + 1]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  return ranges.filter((range, i) => i === 0 || range[0] >= (ranges[i - 1] as Range)[1]);
}

export function searchWords(query: readonly string[]): string[] {
  return [...new Set(query.flatMap((part) => fold(part).split(/\s+/)).filter(Boolean))];
}

type Field = Omit<SearchHit, 'ranges'>;

/** A film's fields that may hold the words: its title, its synopsis, then each review. */
function fieldsOf(film: Film): Field[] {
  return [
    { field: 'title', reviewId: null, author: null, spoiler: false, text: film.title },
    { field: 'synopsis', reviewId: null, author: null, spoiler: false, text: film.synopsis },
    ...film.reviews.map((review): Field => ({
      field: 'review',
      reviewId: review.id,
      author: review.author,
      spoiler: review.spoiler,
      text: review.text,
    })),
  ];
}

/**
 * Films in which every word occurs somewhere (title, synopsis or a review), each with the fields
 * that hold any of the words: title first, then synopsis, then reviews holding the most words.
 * Each field is searched once for each word, and a film is left at the first word it lacks.
 */
export function searchFilms(films: readonly Film[], words: readonly string[]): FilmHits[] {
  if (words.length === 0) return [];
  const results: FilmHits[] = [];
  const searches = words.map(wordSearch);
  const textOf = (film: Film, i: number): string => (i === 0 ? film.title : i === 1 ? film.synopsis : (film.reviews[i - 2] as Review).text);
  for (const film of films) {
    const count = film.reviews.length + 2;
    const held = new Array<number>(count).fill(0);
    const holdsAll = searches.every((search) => {
      let found = false;
      for (let i = 0; i < count; i++) {
        if (!holdsWord(textOf(film, i), search)) continue;
        held[i] = (held[i] ?? 0) + 1;
        found = true;
      }
      return found;
    });
    if (!holdsAll) continue;
    const hits = fieldsOf(film)
      .map((entry, i) => ({ entry, count: held[i] ?? 0 }))
      .filter((hit) => hit.count > 0)
      .sort((a, b) => (a.entry.field === 'review' && b.entry.field === 'review' ? b.count - a.count : 0))
      .map(({ entry }) => ({ ...entry, ranges: matchRanges(entry.text, words) }));
    results.push({ film, hits });
  }
  return results;
}
