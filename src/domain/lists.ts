import { textKey } from './text-key.js';

/*
 * Lists as people type them (countries, genres, cast), apart from the rest of a film's rules: the
 * flags of every command are parsed with these, and must not load the slugs' transliteration.
 */

/** "Drama, History" or repeated flags alike: trimmed, empty entries dropped, duplicates (any case) once. */
export function cleanList(values: readonly string[]): string[] {
  const seen = new Set<string>();
  return values
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter((value) => {
      const key = textKey(value);
      if (!value || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/** A list as typed in a flag or at a question: "none" alone is the empty list (it clears a list when editing). */
export function parseList(values: readonly string[]): string[] {
  return values.length === 1 && /^\s*none\s*$/i.test(values[0] as string) ? [] : cleanList(values);
}
