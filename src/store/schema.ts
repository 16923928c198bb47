import { z } from 'zod';

export const STORE_VERSION = 1;

/** `Date.prototype.toISOString()` output, the only time format the store holds. */
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const reviewSchema = z.object({
  id: z.string().min(1),
  author: z.string().min(1),
  createdAt: z.string().regex(ISO_UTC, 'expected an ISO 8601 UTC time like 2024-09-11T08:43:00.000Z'),
  rating: z.number().int().min(1).max(10).nullable(),
  text: z.string(),
  spoiler: z.boolean(),
  /** From Letterboxd: the day it was watched (YYYY-MM-DD), whether it was a rewatch, its tags. */
  watchedDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date like 2024-09-11').optional(),
  rewatch: z.boolean().optional(),
  tags: z.array(z.string()).optional(),
});

export const filmSchema = z.object({
  slug: z.string().regex(SLUG, 'expected lower-case ASCII words joined by "-"'),
  title: z.string().min(1),
  year: z.number().int().min(1870).max(2200).nullable(),
  countries: z.array(z.string()),
  genres: z.array(z.string()),
  synopsis: z.string(),
  cast: z.array(z.string()),
  castCount: z.number().int().min(0),
  ratingsCount: z.number().int().min(0).nullable(),
  related: z.array(z.string()),
  /** Ids elsewhere, for matching imports: IMDb's tt-number and the Letterboxd film URI. */
  imdbId: z.string().regex(/^tt\d+$/, 'expected an IMDb id like tt0123456').optional(),
  letterboxdUri: z.string().optional(),
  reviews: z.array(reviewSchema),
});

export const storeSchema = z.object({
  version: z.literal(STORE_VERSION),
  films: z.array(filmSchema),
  /** The author of the last review written here: the default for the next one. */
  lastAuthor: z.string().optional(),
});

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
const KEY_ORDER = [...Object.keys(storeSchema.shape), ...Object.keys(filmSchema.shape), ...Object.keys(reviewSchema.shape)];

/** JSON of store data (the store, an export, a film) in the schema's key order, whatever built the objects. */
export function storeJson(value: unknown, indent: number): string {
  return JSON.stringify(value, KEY_ORDER, indent || undefined);
}
