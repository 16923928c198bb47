import * as z from 'zod/mini';
import * as core from 'zod/v4/core';
import en from 'zod/v4/locales/en.js';

// zod/mini: the same validation as zod's classic API, but tree-shakable, so films starts fast.
z.config(en());

/**
 * A zod/mini object that parses through the parser zod compiles for each shape, as its classic
 * API does (mini objects take zod's generic path): half the time on a 100k-review store.
 */
type Init = (inst: core.$ZodObject, def: core.$ZodObjectDef) => void;
const initCompiledParser: Init = core.$ZodObjectJIT.init;
const initMiniMethods: Init = z.ZodMiniType.init as unknown as Init;
const CompiledObject = core.$constructor('FilmsCompiledObject', (inst: core.$ZodObject, def: core.$ZodObjectDef) => {
  initCompiledParser(inst, def);
  initMiniMethods(inst, def);
});
const object = <Shape extends core.$ZodLooseShape>(shape: Shape) =>
  new CompiledObject({ type: 'object', shape }) as unknown as z.ZodMiniObject<Shape, core.$strip>;

export const STORE_VERSION = 1;

/** `Date.prototype.toISOString()` output, the only time format the store holds. */
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const text = z.string();
const nonEmpty = z.string().check(z.minLength(1));
const wholeNumber = (min: number, max?: number) => z.int().check(z.minimum(min), ...(max === undefined ? [] : [z.maximum(max)]));

const reviewShape = {
  id: nonEmpty,
  author: nonEmpty,
  createdAt: z.string().check(z.regex(ISO_UTC, 'expected an ISO 8601 UTC time like 2024-09-11T08:43:00.000Z')),
  rating: z.nullable(wholeNumber(1, 10)),
  text,
  spoiler: z.boolean(),
  /** From Letterboxd: the day it was watched (YYYY-MM-DD), whether it was a rewatch, its tags. */
  watchedDate: z.optional(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date like 2024-09-11'))),
  rewatch: z.optional(z.boolean()),
  tags: z.optional(z.array(text)),
};
const reviewSchema = object(reviewShape);

const filmShape = {
  slug: z.string().check(z.regex(SLUG, 'expected lower-case ASCII words joined by "-"')),
  title: nonEmpty,
  year: z.nullable(wholeNumber(1870, 2200)),
  countries: z.array(text),
  genres: z.array(text),
  synopsis: text,
  cast: z.array(text),
  castCount: wholeNumber(0),
  ratingsCount: z.nullable(wholeNumber(0)),
  related: z.array(text),
  /** Ids elsewhere, for matching imports: IMDb's tt-number and the Letterboxd film URI. */
  imdbId: z.optional(z.string().check(z.regex(/^tt\d+$/, 'expected an IMDb id like tt0123456'))),
  letterboxdUri: z.optional(text),
  reviews: z.array(reviewSchema),
};
export const filmSchema = object(filmShape);

const storeShape = {
  version: z.literal(STORE_VERSION),
  films: z.array(filmSchema),
  /** The author of the last review written here: the default for the next one. */
  lastAuthor: z.optional(text),
};
export const storeSchema = object(storeShape);
/** The store without its films, which are checked one by one (see validate.ts). */
export const storeHeaderSchema = object({ ...storeShape, films: z.array(z.unknown()) });

export type Review = z.infer<typeof reviewSchema>;
export type Film = z.infer<typeof filmSchema>;
export type StoreData = z.infer<typeof storeSchema>;

export const emptyStore = (): StoreData => ({ version: STORE_VERSION, films: [] });

/** What a pure change to the store returns: the new data (the same object when nothing changed) and its result. */
export interface Change<T> {
  data: StoreData;
  result: T;
}

/** Every key the store holds, in the schema's order: JSON.stringify writes each object's keys in this order. */
const KEY_ORDER = [...Object.keys(storeShape), ...Object.keys(filmShape), ...Object.keys(reviewShape)];

/** JSON of store data (the store, an export, a film) in the schema's key order, whatever built the objects. */
export function storeJson(value: unknown, indent: number): string {
  return JSON.stringify(value, KEY_ORDER, indent || undefined);
}

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

/**
 * The bytes of `storeJson(document, 2)` plus a final newline, a film at a time, in pieces of about
 * a megabyte: a 75 MB store never exists as one string, which is faster and lighter on memory.
 */
export function* storeJsonChunks(document: { version: number; films: readonly Film[]; lastAuthor?: string }): Generator<string> {
  let piece = `{\n  "version": ${JSON.stringify(document.version)},\n  "films": [`;
  for (const [index, film] of document.films.entries()) {
    piece += `${index ? ',' : ''}\n    ${storeJson(film, 2).replace(/\n/g, '\n    ')}`;
    if (piece.length > 1 << 20) {
      yield piece;
      piece = '';
    }
  }
  piece += document.films.length ? '\n  ]' : ']';
  if (document.lastAuthor !== undefined) piece += `,\n  "lastAuthor": ${JSON.stringify(document.lastAuthor)}`;
  yield `${piece}\n}\n`;
}
