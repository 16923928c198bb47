import type { Film, Review } from './model.js';
import { textKey } from './text-key.js';

/**
 * Telling films apart. A known id decides: two films whose ids of one kind differ (IMDb's tt id,
 * the Letterboxd film URI, TMDB's id) are different films, whatever their titles; an id in common
 * makes them one. Title and year match only when no id of a kind differs, and a film without a
 * year is taken for a dated one only when one of the two has no id at all.
 */

/** What tells films apart. */
export type FilmIdentity = Pick<Film, 'title' | 'year' | 'imdbId' | 'letterboxdUri' | 'tmdbId' | 'localTitle'>;

/**
 * A Letterboxd film URI by its form: a boxd.it short link and a letterboxd.com/film/ page name the
 * same film in two ways that cannot be compared here, so each form is an id kind of its own.
 */
function letterboxdId(uri: string): [kind: string, id: string] {
  const bare = uri.trim().replace(/^https?:\/\/(?:www\.)?/i, '');
  const short = /^boxd\.it\/([A-Za-z0-9]+)\/?$/i.exec(bare);
  if (short) return ['boxd.it', short[1] as string];
  const page = /^letterboxd\.com\/film\/([^/?#]+)\/?$/i.exec(bare);
  if (page) return ['letterboxd.com/film', (page[1] as string).toLowerCase()];
  return ['letterboxd', bare];
}

/** The film's ids as "kind:id" keys, the same for the same id however it is written. */
export function idKeys(film: FilmIdentity): string[] {
  const keys: string[] = [];
  if (film.imdbId) keys.push(`imdb:${film.imdbId}`);
  if (film.letterboxdUri) keys.push(letterboxdId(film.letterboxdUri).join(':'));
  if (film.tmdbId) keys.push(`tmdb:${film.tmdbId}`);
  return keys;
}

/** Whether an id of one kind differs between the two: then they are different films. */
export function idsConflict(a: FilmIdentity, b: FilmIdentity): boolean {
  if (a.imdbId && b.imdbId && a.imdbId !== b.imdbId) return true;
  if (a.tmdbId && b.tmdbId && a.tmdbId !== b.tmdbId) return true;
  if (!a.letterboxdUri || !b.letterboxdUri || a.letterboxdUri === b.letterboxdUri) return false;
  const [x, y] = [letterboxdId(a.letterboxdUri), letterboxdId(b.letterboxdUri)];
  return x[0] === y[0] && x[1] !== y[1];
}

const hasIds = (film: FilmIdentity): boolean => Boolean(film.imdbId ?? film.letterboxdUri ?? film.tmdbId);

/** The film's titles as lookup keys: its title and its localised title. */
const titleKeys = (film: FilmIdentity): string[] => [
  ...new Set([textKey(film.title), ...(film.localTitle ? [textKey(film.localTitle)] : [])]),
];

/** Two films of one title are one unless an id of a kind differs, or their years do (a missing year only beside a film without ids). */
function yearsAndIdsAllow(a: FilmIdentity, b: FilmIdentity): boolean {
  if (idsConflict(a, b)) return false;
  if (a.year === b.year) return true;
  return (a.year === null || b.year === null) && !(hasIds(a) && hasIds(b));
}

/** Films in an order of what they are (title, year, ids), so that films read together are matched the same way whatever their order. */
export function inIdentityOrder<T extends FilmIdentity>(films: readonly T[]): T[] {
  const keyed = films.map((film) => ({ film, key: [textKey(film.title), String(film.year ?? ''), idKeys(film).join(' ')] }));
  keyed.sort((a, b) => {
    for (let i = 0; i < a.key.length; i++) if (a.key[i] !== b.key[i]) return (a.key[i] as string) < (b.key[i] as string) ? -1 : 1;
    return 0;
  });
  return keyed.map(({ film }) => film);
}

const titleYear = (key: string, year: number | null): string => `${key}\u0000${year ?? ''}`;

/**
 * The store's films indexed by id, by title and by title and year, so that finding the film an
 * imported one is costs the same however large the store.
 */
export class FilmIndex {
  private readonly byId = new Map<string, number>();
  private readonly byTitle = new Map<string, Set<number>>();
  private readonly byTitleYear = new Map<string, Set<number>>();

  constructor(private readonly films: readonly Film[]) {
    films.forEach((film, index) => this.add(film, index));
  }

  /** Indexes the film at `index`; again after a merge gave it more ids or titles. */
  add(film: Film, index: number): void {
    for (const key of idKeys(film)) if (!this.byId.has(key)) this.byId.set(key, index);
    const push = (map: Map<string, Set<number>>, key: string): void => {
      const set = map.get(key);
      if (set) set.add(index);
      else map.set(key, new Set([index]));
    };
    for (const key of titleKeys(film)) {
      push(this.byTitle, key);
      push(this.byTitleYear, titleYear(key, film.year));
    }
  }

  /**
   * The film `incoming` is: by an id first, then by title and year. Several films of one title and
   * year (told apart by their ids) are never chosen between by guesswork; `incoming` is one of them
   * only when it alone is our export's film of that slug, has the entries' own links on it, carries
   * no id (a film known by title and year alone, as an earlier row without ids left it), or is not
   * merely on the watchlist of someone `incoming` says watched it (logging a film takes it off the
   * watchlist). Otherwise it is `ambiguous`.
   */
  find(incoming: IncomingIdentity): Found {
    for (const key of idKeys(incoming)) {
      const at = this.byId.get(key);
      if (at !== undefined && !idsConflict(this.films[at] as Film, incoming)) return { at };
    }
    const keys = titleKeys(incoming);
    let candidates = this.candidates(
      keys.map((key) => this.byTitleYear.get(titleYear(key, incoming.year))),
      incoming,
    );
    if (candidates.length === 0) {
      const loose = keys.map((key) => (incoming.year === null ? this.byTitle.get(key) : this.byTitleYear.get(titleYear(key, null))));
      candidates = this.candidates(loose, incoming);
    }
    if (candidates.length <= 1) return { at: candidates[0] ?? -1 };
    const links = new Set(incoming.reviews.flatMap((review) => (review.letterboxdUri ? [review.letterboxdUri] : [])));
    // Who says they watched it: an entry, review or rating, or a watched mark (not a watchlist row).
    const watchers = new Set([...incoming.reviews, ...incoming.marks.filter((mark) => mark.watched)].map((one) => one.author));
    const film = (at: number): Film => this.films[at] as Film;
    const narrowed = [
      (at: number) => incoming.slug !== undefined && film(at).slug === incoming.slug,
      (at: number) => film(at).reviews.some((review) => review.letterboxdUri !== undefined && links.has(review.letterboxdUri)),
      (at: number) => !hasIds(film(at)),
      (at: number) => ![...watchers].some((author) => onlyOnWatchlist(film(at), author)),
    ]
      .map((test) => candidates.filter(test))
      .find((left) => left.length === 1);
    return narrowed ? { at: narrowed[0] as number } : { at: -1, ambiguous: candidates };
  }

  private candidates(lists: readonly (ReadonlySet<number> | undefined)[], incoming: FilmIdentity): number[] {
    const found = new Set<number>();
    for (const list of lists) {
      // The index found it by a title the two share (a year it had may since have changed: checked again).
      for (const at of list ?? []) if (yearsAndIdsAllow(this.films[at] as Film, incoming)) found.add(at);
    }
    return [...found].sort((a, b) => a - b);
  }
}

/** What the index needs of an incoming film: what it is, the slug our export gives it, and whose entries and marks it brings. */
export type IncomingIdentity = FilmIdentity &
  Pick<Film, 'marks'> & { slug?: string; reviews: readonly Pick<Review, 'author' | 'letterboxdUri'>[] };

/** The film found (`at`, or -1 for none), or the several it could be (`ambiguous`), of which none is taken. */
export interface Found {
  at: number;
  ambiguous?: number[];
}

/** On `author`'s watchlist and nothing more of theirs: not watched, no review, entry or rating. */
function onlyOnWatchlist(film: Film, author: string): boolean {
  const mark = film.marks.find((one) => one.author === author);
  return mark !== undefined && mark.watchlistedAt !== null && !mark.watched && !film.reviews.some((review) => review.author === author);
}

/** How a film is named to a person telling it from others: its IMDb id, else its Letterboxd URI, else its slug. */
export const filmName = (film: Film): string => film.imdbId ?? film.letterboxdUri ?? film.tmdbId ?? film.slug;

/** Incoming films in the order they are matched: those with an id first, so rows without one meet every film the import names. */
export function inMatchingOrder<T extends FilmIdentity>(films: readonly T[]): T[] {
  return [...inIdentityOrder(films.filter(hasIds)), ...inIdentityOrder(films.filter((film) => !hasIds(film)))];
}
