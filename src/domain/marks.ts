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
 * A person's marks once their reviews are known, whichever came first:
 * - "watched" marks a film watched without a diary entry or review (Letterboxd's watched.csv): for a
 *   person who has one of those, it says nothing more and is cleared;
 * - logging a film takes it off the person's watchlist (as `films log` and Letterboxd do): a
 *   watchlist mark from before the day of one of their diary entries is cleared. One from a later
 *   day stays (put back on it to watch again).
 */
export function settledMarks(marks: readonly FilmMark[], reviews: readonly Review[]): FilmMark[] {
  const reviewed = new Set<string>();
  const lastWatched = new Map<string, string>();
  for (const review of reviews) {
    reviewed.add(review.author);
    const last = lastWatched.get(review.author);
    if (review.watchedDate !== undefined && (last === undefined || review.watchedDate > last))
      lastWatched.set(review.author, review.watchedDate);
  }
  return marks.flatMap((mark) => {
    const watched = mark.watched && !reviewed.has(mark.author);
    const last = lastWatched.get(mark.author);
    const logged = mark.watchlistedAt !== null && last !== undefined && mark.watchlistedAt.slice(0, 10) <= last;
    const settled = { ...mark, watched, watchlistedAt: logged ? null : mark.watchlistedAt };
    return saysNothing(settled) ? [] : [settled];
  });
}
