/**
 * The model: what films keeps. Everyone imports it; it imports nothing of ours. store/schema.ts
 * checks files against it and proves at compile time that its types equal these. Type aliases
 * rather than interfaces, as zod's inferred types were, so a film still reads as a record.
 *
 * Invariants, whoever builds the data: slugs match SLUG and are unique in a store; review ids are
 * unique in a store; a film's reviews are newest first (equal times keep the order added);
 * createdAt is ISO_UTC; a rating is a whole number from 1 to 10 or null; a review has text, a
 * rating, or both.
 */

/** The version of the store and export documents; a newer one is refused. */
export const STORE_VERSION = 2;

/** Every version a store or export document may have: older ones are migrated when read (store/migrations.ts). */
export const KNOWN_VERSIONS = [1, 2] as const;

/** A film's id: lower-case ASCII words joined by "-". */
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** `Date.prototype.toISOString()` output, the only time format the store holds. */
export const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** A day without a time (YYYY-MM-DD), as Letterboxd's watched dates are. */
export const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** IMDb's id of a film: tt and digits. */
export const IMDB_ID = /^tt\d+$/;

/** TMDB's id of a film: digits. */
export const TMDB_ID = /^\d+$/;

export type Review = {
  /** Short hex, unique in the store, derived from the review's film and content. */
  id: string;
  author: string;
  /** ISO_UTC. */
  createdAt: string;
  /** 1–10, or null for a review without a rating. */
  rating: number | null;
  /** Line breaks as \n; empty for a rating alone. */
  text: string;
  spoiler: boolean;
  /** A diary entry has the day it was watched (ISO_DAY); then also whether it was a rewatch and liked. */
  watchedDate?: string;
  rewatch?: boolean;
  liked?: boolean;
  tags?: string[];
  /** The entry's own Letterboxd link (diary.csv, reviews.csv): tells a re-imported entry apart, never a film. */
  letterboxdUri?: string;
};

/** A review before it has an id: what a person or an importer says. */
export type ReviewContent = Omit<Review, 'id'>;

export type Film = {
  /** SLUG, unique in the store; it never changes once given. */
  slug: string;
  title: string;
  /** Null when unknown. */
  year: number | null;
  countries: string[];
  genres: string[];
  synopsis: string;
  cast: string[];
  /** The page's cast size (`Cast (19)`), which may exceed the names in `cast`. */
  castCount: number;
  /** The outside count ("6367 people rated"); null when unknown. */
  ratingsCount: number | null;
  related: string[];
  /** The film's ids elsewhere (IMDB_ID, the Letterboxd film URI, TMDB_ID): two films whose ids of one kind differ are different films. */
  imdbId?: string;
  letterboxdUri?: string;
  tmdbId?: string;
  /** IMDb's kind of title: movie, tvSeries, tvEpisode, short, … */
  titleType?: string;
  /** A localised title beside `title`, the original one (IMDb's "Title" when its "Original Title" differs). */
  localTitle?: string;
  /** Newest first. */
  reviews: Review[];
  /** What each person marked apart from their reviews: one per person, by author in code-point order. */
  marks: FilmMark[];
};

/**
 * A person's marks on a film: on their watchlist since a time, watched with no date, liked. A mark
 * with none of these is not kept.
 */
export type FilmMark = {
  author: string;
  /** ISO_UTC, or null when the film is not on the person's watchlist. */
  watchlistedAt: string | null;
  watched: boolean;
  liked: boolean;
};

export type StoreData = {
  version: typeof STORE_VERSION;
  films: Film[];
};

/** What a pure change to the store returns: the new data (the same object when nothing changed) and its result. */
export interface Change<T> {
  data: StoreData;
  result: T;
}

/**
 * Whether two records (a film, a review) hold the same values: the same keys with a value (an
 * undefined one counts as none), each equal as JSON. An edit to the same values changes nothing.
 */
export function sameRecord(a: object, b: object): boolean {
  const canonical = (record: object): string =>
    JSON.stringify(
      Object.entries(record)
        .filter(([, value]) => value !== undefined)
        .sort(([one], [other]) => (one < other ? -1 : 1)),
    );
  return canonical(a) === canonical(b);
}

/** The order of each object's keys in every JSON text films writes (the JSON contract). */
export const STORE_KEYS = ['version', 'films'] as const;
export const FILM_KEYS = [
  'slug',
  'title',
  'year',
  'countries',
  'genres',
  'synopsis',
  'cast',
  'castCount',
  'ratingsCount',
  'related',
  'imdbId',
  'letterboxdUri',
  'tmdbId',
  'titleType',
  'localTitle',
  'reviews',
  'marks',
] as const;
export const REVIEW_KEYS = [
  'id',
  'author',
  'createdAt',
  'rating',
  'text',
  'spoiler',
  'watchedDate',
  'rewatch',
  'liked',
  'tags',
  'letterboxdUri',
] as const;
export const MARK_KEYS = ['author', 'watchlistedAt', 'watched', 'liked'] as const;

/** True when `Keys` names every key of T and nothing else. */
type NamesEveryKey<Keys extends readonly string[], T> = [Keys[number]] extends [keyof T]
  ? [keyof T] extends [Keys[number]]
    ? true
    : false
  : false;
type Proof<T extends true> = T;
/** Compiles only while the key lists name every key of the model: a key left out would be dropped from every JSON text. */
export type KeyListsAreComplete = [
  Proof<NamesEveryKey<typeof STORE_KEYS, StoreData>>,
  Proof<NamesEveryKey<typeof FILM_KEYS, Film>>,
  Proof<NamesEveryKey<typeof REVIEW_KEYS, Review>>,
  Proof<NamesEveryKey<typeof MARK_KEYS, FilmMark>>,
];
