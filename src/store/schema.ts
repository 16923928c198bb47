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
