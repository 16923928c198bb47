import type { Change, Film, Review, StoreData } from '../store/schema.js';
import { allReviewIds, contentKey, newestFirst, reviewId, type ReviewContent } from './reviews.js';
import { uniqueSlug } from './slug.js';
import { textKey } from './text-key.js';

/** A film as an importer reads it: everything but the slug and the review ids. */
export interface IncomingFilm extends Omit<Film, 'slug' | 'reviews'> {
  reviews: ReviewContent[];
}

export interface ImportSummary {
  filmsAdded: string[];
  filmsUpdated: string[];
  filmsUnchanged: string[];
  reviewsAdded: number;
  reviewsSkipped: number;
}

const sameFilm = (film: Film, incoming: IncomingFilm): boolean =>
  textKey(film.title) === textKey(incoming.title) && (film.year === incoming.year || incoming.year === null || film.year === null);

/** The film's details with the incoming page's values, keeping what the page leaves empty. */
function mergedDetails(film: Film, incoming: IncomingFilm): Film {
  const pick = <T>(next: T[], current: T[]): T[] => (next.length ? next : current);
  return {
    ...film,
    year: incoming.year ?? film.year,
    countries: pick(incoming.countries, film.countries),
    genres: pick(incoming.genres, film.genres),
    synopsis: incoming.synopsis || film.synopsis,
    cast: pick(incoming.cast, film.cast),
    castCount: Math.max(incoming.castCount, film.castCount),
    ratingsCount: incoming.ratingsCount ?? film.ratingsCount,
    related: pick(incoming.related, film.related),
  };
}

/** Merges imported films into the store: matched by title and year, reviews deduplicated by content. */
export function mergeFilms(data: StoreData, incoming: readonly IncomingFilm[]): Change<ImportSummary> {
  const summary: ImportSummary = { filmsAdded: [], filmsUpdated: [], filmsUnchanged: [], reviewsAdded: 0, reviewsSkipped: 0 };
  const films = [...data.films];
  const slugs = new Set(films.map((film) => film.slug));
  const ids = allReviewIds(films);
  for (const source of incoming) {
    const index = films.findIndex((film) => sameFilm(film, source));
    const existing = index >= 0 ? films[index] : undefined;
    const slug = existing?.slug ?? uniqueSlug(source.title, source.year, slugs);
    const base: Film = existing ? mergedDetails(existing, source) : { ...source, slug, reviews: [] };
    const known = new Set(base.reviews.map(contentKey));
    const added: Review[] = [];
    for (const review of source.reviews) {
      const key = contentKey(review);
      if (known.has(key)) {
        summary.reviewsSkipped += 1;
        continue;
      }
      known.add(key);
      const id = reviewId(slug, review, ids);
      ids.add(id);
      added.push({ id, ...review });
    }
    summary.reviewsAdded += added.length;
    const merged: Film = { ...base, reviews: added.length ? newestFirst([...base.reviews, ...added]) : base.reviews };
    if (!existing) {
      slugs.add(slug);
      films.push(merged);
      summary.filmsAdded.push(slug);
    } else if (JSON.stringify(merged) !== JSON.stringify(existing)) {
      films[index] = merged;
      summary.filmsUpdated.push(slug);
    } else {
      summary.filmsUnchanged.push(slug);
    }
  }
  const changed = summary.filmsAdded.length + summary.filmsUpdated.length > 0;
  return { data: changed ? { ...data, films } : data, result: summary };
}
