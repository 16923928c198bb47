import type { FilmMark, Review } from './model.js';

export const noMark = (author: string): FilmMark => ({ author, watchlistedAt: null, watched: false, liked: false });

/** A mark with nothing set: never stored. */
export const saysNothing = (mark: FilmMark): boolean => mark.watchlistedAt === null && !mark.watched && !mark.liked;

/** Marks are kept in author order (code points). */
export const byAuthor = (a: FilmMark, b: FilmMark): number => (a.author < b.author ? -1 : a.author > b.author ? 1 : 0);

/** A person's mark on a film (an empty one when they have none). */
export function markOf(marks: readonly FilmMark[], author: string): FilmMark {
  return marks.find((mark) => mark.author === author) ?? noMark(author);
}

/** The marks with `author`'s changed: a mark that says nothing is dropped; the rest stay in author order. */
export function withMark(marks: readonly FilmMark[], author: string, change: (mark: FilmMark) => FilmMark): FilmMark[] {
  const changed = change(markOf(marks, author));
  const others = marks.filter((mark) => mark.author !== author);
  return (saysNothing(changed) ? others : [...others, changed]).sort(byAuthor);
}

/**
 * Marks read from an import added to a film's: each adds what it says and takes nothing away
 * (the earlier time a film went on a watchlist is kept), so importing twice changes nothing.
 */
export function mergeMarks(current: readonly FilmMark[], incoming: readonly FilmMark[]): FilmMark[] {
  let marks = [...current];
  for (const mark of incoming) {
    marks = withMark(marks, mark.author, (old) => ({
      author: old.author,
      watchlistedAt:
        old.watchlistedAt === null || (mark.watchlistedAt !== null && mark.watchlistedAt < old.watchlistedAt)
          ? mark.watchlistedAt
          : old.watchlistedAt,
      watched: old.watched || mark.watched,
      liked: old.liked || mark.liked,
    }));
  }
  return marks;
}

/**
 * "Watched" marks a film watched without a diary entry or review (Letterboxd's watched.csv): for a
 * person who has one of those, it says nothing more and is cleared, whichever came first.
 */
export function withoutRedundantWatched(marks: readonly FilmMark[], reviews: readonly Review[]): FilmMark[] {
  const reviewed = new Set(reviews.map((review) => review.author));
  if (!marks.some((mark) => mark.watched && reviewed.has(mark.author))) return [...marks];
  return marks.flatMap((mark) => {
    const cleared = reviewed.has(mark.author) ? { ...mark, watched: false } : mark;
    return saysNothing(cleared) ? [] : [cleared];
  });
}
