import { createScanner, parse as parseTolerant, printParseErrorCode, SyntaxKind, type ParseError } from 'jsonc-parser';
import * as z from 'zod/mini';
import { STORE_VERSION, type Film, type Review, type StoreData } from '../domain/model.js';
import { inModelOrder } from '../formats/json-export.js';
import { MAX_JSON_DEPTH, scanKeys, shortPath } from '../formats/forbidden-keys.js';
import type { CheckFilm } from '../formats/json-import.js';
import { isOlderVersion, migrateDocument, withMarks } from './migrations.js';
import { filmParser, filmSchema, storeHeaderSchema } from './schema.js';
import { invalidUtf8At } from '../utf8.js';

/**
 * A valid store, with the version its file has (older versions are migrated in memory), or its
 * problems; `textMerged` when it holds git's conflict markers (git merged it as text).
 */
export type StoreCheck = { ok: true; data: StoreData; fileVersion: number } | { ok: false; problems: string[]; textMerged?: true };

/** The lines git writes around what it could not merge in a text file, each at a line's start. */
const CONFLICT_MARKERS = [/^<{7} /m, /^={7}\r?$/m, /^>{7} /m];

function lineAndColumn(text: string, position: number): string {
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  const column = position - before.lastIndexOf('\n');
  return `line ${line}:${column}`;
}

/** Where a JSON text first nests past MAX_JSON_DEPTH, by its tokens alone, or -1. */
function tooDeepOffset(text: string): number {
  const scanner = createScanner(text, true);
  let depth = 0;
  for (let token = scanner.scan(); token !== SyntaxKind.EOF; token = scanner.scan()) {
    if (token === SyntaxKind.OpenBraceToken || token === SyntaxKind.OpenBracketToken) {
      if (++depth > MAX_JSON_DEPTH) return scanner.getTokenOffset();
    } else if (token === SyntaxKind.CloseBraceToken || token === SyntaxKind.CloseBracketToken) {
      depth--;
    }
  }
  return -1;
}

/** Where JSON.parse failed: its own messages carry no position on every Node version, so a second parser finds it. */
function jsonProblem(text: string): string {
  // That parser recurses: a document nested deep enough would overflow the stack before it found the error.
  const deep = tooDeepOffset(text);
  if (deep >= 0) return `invalid JSON at ${lineAndColumn(text, deep)}: nested more than ${MAX_JSON_DEPTH} levels deep`;
  const errors: ParseError[] = [];
  parseTolerant(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  if (!first) return 'invalid JSON';
  const what = printParseErrorCode(first.error)
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
  return `invalid JSON at ${lineAndColumn(text, first.offset)}: ${what}`;
}

export function pathOf(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)), '');
}

/** Slugs and review ids used twice among the valid `films`, named by their places in the file (`places`, a film's index there). */
function duplicateProblems(films: readonly Film[], places: readonly number[]): string[] {
  const problems: string[] = [];
  const slugs = new Set<string>();
  const ids = new Set<string>();
  for (let at = 0; at < films.length; at++) {
    const film = films[at] as Film;
    const f = places[at] ?? at;
    if (slugs.has(film.slug)) problems.push(`films[${f}].slug: "${film.slug}" is used by another film`);
    slugs.add(film.slug);
    for (let r = 0; r < film.reviews.length; r++) {
      const id = (film.reviews[r] as Review).id;
      if (ids.has(id)) problems.push(`films[${f}].reviews[${r}].id: "${id}" is used by another review`);
      ids.add(id);
    }
  }
  return problems;
}

type Issues = { issues: readonly { path: readonly PropertyKey[]; message: string }[] };
const issueLines = (error: Issues, prefix: PropertyKey[]): string[] =>
  error.issues.map((issue) => `${pathOf([...prefix, ...issue.path]) || 'document'}: ${issue.message}`);

/** One film of a store or an export checked against the schema: the film, or lines like `films[3].year: …`. */
export const checkFilm: CheckFilm = (value, path) => {
  let parsed: ReturnType<typeof filmSchema.safeParse>;
  try {
    parsed = filmParser().safeParse(value);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return { ok: false, problems: problemsFieldByField(value, path) };
  }
  return parsed.success ? { ok: true, film: parsed.data } : { ok: false, problems: issueLines(parsed.error, [...path]) };
};

/**
 * zod gathers an object's issues with push(...issues), which overflows the stack past ~120,000 of
 * them (a list of 300,000 wrong entries): then each field of the film is checked on its own.
 */
function problemsFieldByField(value: unknown, path: readonly (string | number)[]): string[] {
  const problems: string[] = [];
  const film = (value ?? {}) as Record<string, unknown>;
  for (const [key, schema] of Object.entries(filmSchema.shape)) {
    try {
      const parsed = schema.safeParse(film[key]);
      if (!parsed.success) append(problems, issueLines(parsed.error, [...path, key]));
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      problems.push(`${pathOf([...path, key])}: more problems than can be listed`);
    }
  }
  return problems;
}

/** A film of an export: one written by an older films has no marks yet. */
export const checkImportedFilm: CheckFilm = (value, path) => checkFilm(withMarks(value), path);

const keyCount = (value: object): number => Object.keys(value).length;

/**
 * Whether a film of the file can be kept as parsed: valid, with the model's keys only, in its order,
 * at every level, it is what zod's copy of it would be. zod's validate checks it without building
 * that copy.
 */
function keptAsParsed(raw: unknown): raw is Film {
  try {
    return z.validate(filmParser(), raw) && inModelOrder(raw);
  } catch (error) {
    // zod overflows the stack on a film with hundreds of thousands of problems: checkFilm lists them.
    if (error instanceof RangeError) return false;
    throw error;
  }
}

/** Adds lines one by one: push(...lines) overflows the stack past ~120,000 (a film with 300,000 bad genres). */
function append(problems: string[], lines: readonly string[]): void {
  for (const line of lines) problems.push(line);
}

/**
 * The store's films, each checked against the schema on its own: a film that can be kept as parsed
 * is, and a 100k-review store reads faster than with one parse of the whole; any other is parsed by
 * zod for its problems or its copy (unknown keys dropped, keys in order).
 * Keys that could reach a prototype are refused wherever they are.
 */
function checkFilms(rawFilms: readonly unknown[], problems: string[]): { films: Film[]; places: number[] } {
  const films: Film[] = [];
  const places: number[] = [];
  for (let f = 0; f < rawFilms.length; f++) {
    const raw = rawFilms[f];
    if (keptAsParsed(raw)) {
      films.push(raw);
      places.push(f);
      continue;
    }
    const checked = checkFilm(raw, ['films', f]);
    append(problems, forbiddenProblems(raw, `films[${f}]`));
    if (checked.ok) {
      films.push(checked.film);
      places.push(f);
    } else append(problems, checked.problems);
  }
  return { films, places };
}

/** Keys that could reach a prototype, refused wherever they are, and nesting deeper than any store. */
function forbiddenProblems(value: unknown, path = ''): string[] {
  const { forbidden, tooDeep } = scanKeys(value, path);
  if (tooDeep !== null) return [`${shortPath(tooDeep)}: nested more than ${MAX_JSON_DEPTH} levels deep`];
  return forbidden.map(({ at, key }) => `${at}: a key named "${key}" is not allowed`);
}

/**
 * A store file's text, or its problem: it must be well-formed UTF-8 (a bad byte would be lost to
 * U+FFFD on the next write).
 */
export function decodeStore(bytes: Buffer): string | { ok: false; problems: string[] } {
  const bad = invalidUtf8At(bytes);
  return bad ? { ok: false, problems: [`invalid UTF-8 at byte ${bad.byte}, line ${bad.line}`] } : bytes.toString('utf8');
}

/** Checks what decodeStore gave: the text, or the bytes' problem. */
export const checkDecodedStore = (decoded: ReturnType<typeof decodeStore>): StoreCheck =>
  typeof decoded === 'string' ? checkStoreText(decoded) : decoded;

/** Checks a store file's bytes: well-formed UTF-8, then the text. */
export const checkStoreBytes = (bytes: Buffer): StoreCheck => checkDecodedStore(decodeStore(bytes));

/** Parses and validates a store file's text, collecting every problem found. */
export function checkStoreText(rawText: string): StoreCheck {
  const text = rawText.replace(/^\uFEFF/, '');
  if (text.trim() === '') return { ok: false, problems: ['the file is empty'] };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    const textMerged = CONFLICT_MARKERS.every((marker) => marker.test(text));
    return { ok: false, problems: [jsonProblem(text)], ...(textMerged && { textMerged }) };
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    return {
      ok: false,
      problems: [
        `expected an object with "version" and "films", found ${json === null ? 'null' : Array.isArray(json) ? 'an array' : typeof json}`,
      ],
    };
  }
  const version = (json as { version?: unknown }).version;
  if (typeof version === 'number' && version > STORE_VERSION) {
    return { ok: false, problems: [`version ${version} is newer than this films understands (${STORE_VERSION}); upgrade films`] };
  }
  const fileVersion = migrateDocument(json as Record<string, unknown>);
  const header = storeHeaderSchema.safeParse(json);
  if (!header.success) return { ok: false, problems: [...forbiddenProblems(json), ...issueLines(header.error, [])] };
  const problems = keyCount(json) === keyCount(header.data) ? [] : forbiddenProblems({ ...json, films: [] });
  const { films, places } = checkFilms(header.data.films, problems);
  // Duplicates are looked for among the valid films, named by their places in the file: every problem is listed at once.
  append(problems, duplicateProblems(films, places));
  if (problems.length) return { ok: false, problems };
  return { ok: true, data: { ...header.data, films }, fileVersion: isOlderVersion(fileVersion) ? fileVersion : STORE_VERSION };
}
