import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';
import {
  IMDB_ID,
  ISO_DAY,
  ISO_UTC,
  SLUG,
  STORE_VERSION,
  TMDB_ID,
  type Film,
  type FilmMark,
  type Review,
  type StoreData,
} from '../domain/model.js';
import { RATING_MAX, RATING_MIN, YEAR_MAX, YEAR_MIN } from '../domain/rules.js';

/** What a value of the file is, as films names it in a problem: "a number", "text", "nothing". */
function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  const kinds: Record<string, string> = { string: 'text', number: 'a number', boolean: 'true or false', object: 'an object' };
  return kinds[typeof value] ?? typeof value;
}

/** What a schema expects, in films' words. */
const EXPECTED: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
};

/**
 * The problems `films db check` lists, in films' words rather than zod's ("Too big: expected
 * number to be <=10"); the messages a schema names itself (a slug's form) and the rarer issues keep theirs.
 */
function filmsWording(issue: z.core.$ZodRawIssue): string | undefined {
  if (issue.code === 'invalid_type') {
    const expected = EXPECTED[issue.expected] ?? issue.expected;
    return issue.input === undefined ? `missing: expected ${expected}` : `expected ${expected}, found ${kindOf(issue.input)}`;
  }
  const found = typeof issue.input === 'number' ? `, found ${String(issue.input)}` : '';
  if (issue.code === 'too_big' && issue.origin === 'number') return `expected at most ${String(issue.maximum)}${found}`;
  if (issue.code === 'too_small' && issue.origin === 'number') return `expected at least ${String(issue.minimum)}${found}`;
  if (issue.code === 'too_small' && issue.origin === 'string' && issue.minimum === 1) return 'must not be empty';
  return undefined;
}

// zod/mini: the same validation as zod's classic API, but tree-shakable, so films starts fast.
z.config({ ...en(), customError: filmsWording });

const text = z.string();
const isoTime = z.string().check(z.regex(ISO_UTC, 'expected an ISO 8601 UTC time like 2024-09-11T08:43:00.000Z'));
const nonEmpty = z.string().check(z.minLength(1));
const wholeNumber = (min: number, max?: number) => z.int().check(z.minimum(min), ...(max === undefined ? [] : [z.maximum(max)]));

const reviewShape = {
  id: nonEmpty,
  author: nonEmpty,
  createdAt: isoTime,
  rating: z.nullable(wholeNumber(RATING_MIN, RATING_MAX)),
  text,
  spoiler: z.boolean(),
  watchedDate: z.optional(z.string().check(z.regex(ISO_DAY, 'expected a date like 2024-09-11'))),
  rewatch: z.optional(z.boolean()),
  liked: z.optional(z.boolean()),
  tags: z.optional(z.array(text)),
  letterboxdUri: z.optional(nonEmpty),
};
const reviewSchema = z.object(reviewShape);

const markSchema = z.object({
  author: nonEmpty,
  watchlistedAt: z.nullable(isoTime),
  watched: z.boolean(),
  liked: z.boolean(),
});

const filmShape = {
  slug: z.string().check(z.regex(SLUG, 'expected lower-case ASCII words joined by "-"')),
  title: nonEmpty,
  year: z.nullable(wholeNumber(YEAR_MIN, YEAR_MAX)),
  countries: z.array(text),
  genres: z.array(text),
  synopsis: text,
  cast: z.array(text),
  castCount: wholeNumber(0),
  ratingsCount: z.nullable(wholeNumber(0)),
  related: z.array(text),
  imdbId: z.optional(z.string().check(z.regex(IMDB_ID, 'expected an IMDb id like tt0123456'))),
  letterboxdUri: z.optional(text),
  tmdbId: z.optional(z.string().check(z.regex(TMDB_ID, 'expected a TMDB id (digits)'))),
  titleType: z.optional(nonEmpty),
  localTitle: z.optional(nonEmpty),
  reviews: z.array(reviewSchema),
  marks: z.array(markSchema),
};
export const filmSchema = z.object(filmShape);

/** Compiling costs ~3–5 ms, which a film repays after a few dozen (the bundled store has one). */
const COMPILE_AFTER = 20;
let filmsParsed = 0;
let compiledFilmSchema: typeof filmSchema | undefined;

/**
 * The film schema to check the next film with. From the COMPILE_AFTER-th film of this process on,
 * it is compiled with z.compile (zod's public API: the same results and error messages, ~5× faster
 * a film, so ~120 ms less on a 100k-review store); before, zod's runtime parser, which starts at once.
 */
export function filmParser(): typeof filmSchema {
  if (compiledFilmSchema) return compiledFilmSchema;
  if (++filmsParsed < COMPILE_AFTER) return filmSchema;
  compiledFilmSchema = z.compile(filmSchema);
  return compiledFilmSchema;
}

const storeShape = {
  version: z.literal(STORE_VERSION),
  films: z.array(filmSchema),
};
export const storeSchema = z.object(storeShape);
/** The store without its films, which are checked one by one (see validate.ts). */
export const storeHeaderSchema = z.object({ ...storeShape, films: z.array(z.unknown()) });

/** True when A and B are assignable to each other and have the same keys (an optional key alone would pass the first test). */
type Same<A, B> = [A, keyof A] extends [B, keyof B] ? ([B, keyof B] extends [A, keyof A] ? true : false) : false;
type Proof<T extends true> = T;
/** The schema checks the model, not a copy of it that could drift: this fails to compile when they differ. */
export type SchemaMatchesModel = [
  Proof<Same<z.infer<typeof reviewSchema>, Review>>,
  Proof<Same<z.infer<typeof markSchema>, FilmMark>>,
  Proof<Same<z.infer<typeof filmSchema>, Film>>,
  Proof<Same<z.infer<typeof storeSchema>, StoreData>>,
];

export const emptyStore = (): StoreData => ({ version: STORE_VERSION, films: [] });

/**
 * The largest store that can be read back: Node turns a file into one string only up to V8's
 * longest string, 2^29 − 24, counted in the file's bytes (not its characters) — ~512 MB.
 */
export const MAX_STORE_BYTES = 2 ** 29 - 24;

/** Past this share of the ceiling every write warns, while there is still room to split the store. */
const CEILING_WARNING_SHARE = 0.8;

/** A warning when a store of `bytes` bytes is near the ceiling; null when it is not. */
export function ceilingWarning(path: string, bytes: number, max: number): string | null {
  if (bytes < max * CEILING_WARNING_SHARE) return null;
  const percent = Math.floor((bytes / max) * 100);
  return `the store ${path} is at ${percent}% of the largest a JSON store can be (2^29 bytes, ~512 MB); move some films to another store (films export, then films import --db OTHER, then films remove) before it fills`;
}
