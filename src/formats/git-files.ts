import { holdsAsciiControl } from '../domain/rules.js';

/**
 * The lines `films db git-setup` writes into git's own files: .gitattributes, info/exclude and the
 * config values that run films. Pure text, so each rule is tested without git.
 */

/** A word for `sh -c` (git runs drivers through the shell): single-quoted, a quote inside as '\''. */
export const shellWord = (word: string): string => `'${word.replace(/'/g, `'\\''`)}'`;

/** This films as git runs a merge driver: git expands %O, %A… in it, so a % of a path is written %%. */
const driverWords = (films: readonly string[]): string => films.map(shellWord).join(' ').replace(/%/g, '%%');

/** The merge driver's command: git fills in %O %A %B (temp files) and %P (the store's path in the work tree). */
export const mergeDriver = (films: readonly string[]): string => `${driverWords(films)} db merge %O %A %B %P`;

/** The driver git uses to merge the merge bases of a criss-cross merge into their common ancestor (merge.films.recursive). */
export const ANCESTOR_DRIVER = 'films-ancestor';
export const ancestorDriver = (films: readonly string[]): string => `${driverWords(films)} db merge --virtual-base %O %A %B %P`;

/** The textconv command: git appends the file to convert (and expands nothing in it). */
export const textconvCommand = (films: readonly string[]): string => `${films.map(shellWord).join(' ')} db textconv`;

/** Glob characters match themselves when escaped: a store named `a*.json` must not name other files. */
const literalGlob = (path: string): string => path.replace(/[\\*?[]/g, (char) => `\\${char}`);

/** A path with a control character cannot be written in git's pattern files. */
export const unwritablePath = holdsAsciiControl;

/**
 * The .gitattributes line for the store (its path from the repository's root, `/`-separated):
 * `films.json merge=films diff=films`; a path with a space or a quote is C-quoted, as git reads it.
 * A leading `#` would make the line a comment and a leading `!` a negative pattern: both escaped.
 */
export function attributesLine(path: string): string {
  const pattern = literalGlob(path).replace(/^[#!]/, (char) => `\\${char}`);
  const quoted = /[\s"]/.test(pattern) ? `"${pattern.replace(/["\\]/g, (char) => `\\${char}`)}"` : pattern;
  return `${quoted} merge=films diff=films`;
}

/**
 * info/exclude patterns for the files films keeps beside the store: `<store>.bak`, `.lock`,
 * `.conflicts` (all `<store>.*`) and its temp files (`.<store name>.*`), anchored at the root.
 */
export function ignorePatterns(path: string): string[] {
  const slash = path.lastIndexOf('/');
  const [folder, name] = [path.slice(0, slash + 1), path.slice(slash + 1)];
  return [`/${literalGlob(path)}.*`, `/${literalGlob(folder)}.${literalGlob(name)}.*`];
}

/** The temp file of a merge driver killed mid-write, beside git's `.merge_file_XXXXXX` in the work tree's root. */
export const MERGE_TEMP_PATTERN = '/..merge_file_*.tmp';

export const IGNORE_COMMENT = "# films: the store's backup, lock, temp and conflicts files";

/** `text` with the lines it lacks added at its end, or null when it has them all. */
export function withLines(text: string, lines: readonly string[]): string | null {
  const present = new Set(text.split('\n').map((line) => line.replace(/\r$/, '')));
  const missing = lines.filter((line) => !present.has(line));
  if (missing.length === 0) return null;
  const start = text === '' || text.endsWith('\n') ? text : `${text}\n`;
  return `${start}${missing.map((line) => `${line}\n`).join('')}`;
}
