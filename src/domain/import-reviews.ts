import type { Review, ReviewContent } from './model.js';
import { isPlainRating, isRedundantRating } from './ratings.js';
import { newestFirst, reviewId } from './reviews.js';

/**
 * The reviews a CSV import brings to one film, merged with those it has, so that importing one
 * person's files in any order, or twice, gives the same reviews:
 * - an entry is known by its own Letterboxd link; without one, by its author, day watched, rating
 *   and text (one side's text may be missing: diary.csv has none), and the time it was logged when
 *   the source says it. The same entry seen again adds what it lacked (a review's text to its
 *   diary row) and is not counted twice; identical rows of one file stay as many entries;
 * - a plain rating is the person's current one: it replaces their earlier plain rating, unless that
 *   is newer, and is not kept when their diary entries and reviews already say it.
 */

/** A review as an importer reads it. `undated`: the source gives no time for it, and createdAt stands in (not compared). */
export interface ImportedReview extends ReviewContent {
  undated?: true;
}

export interface ReviewCounts {
  added: number;
  /** Reviews already there that the import completed or replaced. */
  updated: number;
  /** Already there, or saying nothing new (a plain rating an entry already gives). */
  skipped: number;
  /** Plain ratings dropped because the import's entries now say them. */
  removed: number;
}

/** An entry link is one person's entry: imported as someone else's (--author), it is theirs apart. */
const linkKey = (review: ReviewContent): string => `${review.author}\u0000${review.letterboxdUri ?? ''}`;
const entryKey = (review: ReviewContent): string => `${review.author}\u0000${review.watchedDate ?? ''}\u0000${review.rating ?? ''}`;

/** The same entry twice: links agree where both have one, texts where both have one, and the logged time where both know it. */
function sameEntry(known: Review, incoming: ImportedReview): boolean {
  if (entryKey(known) !== entryKey(incoming)) return false;
  if (known.letterboxdUri && incoming.letterboxdUri && known.letterboxdUri !== incoming.letterboxdUri) return false;
  if (known.text && incoming.text && known.text !== incoming.text) return false;
  return incoming.undated === true || known.watchedDate !== undefined || known.createdAt === incoming.createdAt;
}

/** An entry with what another sighting of it adds: its text, rating, tags, link; flags either sets. */
function completed(known: Review, incoming: ImportedReview): Review {
  // Its files may date one entry apart (diary.csv and reviews.csv): the latest, when it was last written, whatever came
  // first. Only ever later, so a plain rating an entry made redundant stays so (the import's order cannot matter).
  const createdAt = !incoming.undated && incoming.createdAt > known.createdAt ? incoming.createdAt : known.createdAt;
  const entry: Review = { ...known, createdAt, rating: incoming.rating ?? known.rating, text: incoming.text || known.text };
  if (incoming.spoiler) entry.spoiler = true;
  if (incoming.rewatch) entry.rewatch = true;
  if (incoming.liked) entry.liked = true;
  if (incoming.tags?.length) entry.tags = incoming.tags;
  if (!entry.letterboxdUri && incoming.letterboxdUri) entry.letterboxdUri = incoming.letterboxdUri;
  return entry;
}

const sameContent = (a: Review, b: Review): boolean => JSON.stringify(a) === JSON.stringify(b);

/** What a review is without the importer's notes. */
function content(review: ImportedReview): ReviewContent {
  const { undated: _undated, ...rest } = review;
  return rest;
}

/**
 * Merges `incoming` into a film's reviews (newest first); `ids` are the store's review ids, to
 * which the new ones are added, and `fresh` those this import added (to other films' rows before):
 * one it drops again was never there, so it is counted as neither added nor removed.
 */
export function mergeImportedReviews(
  slug: string,
  current: readonly Review[],
  incoming: readonly ImportedReview[],
  ids: Set<string>,
  fresh: Set<string> = new Set(),
): { reviews: Review[]; counts: ReviewCounts } {
  const counts: ReviewCounts = { added: 0, updated: 0, skipped: 0, removed: 0 };
  const all: (Review | null)[] = [...current];
  const byLink = new Map<string, number>();
  const byKey = new Map<string, number[]>();
  const matched = new Set<number>();
  const added = new Set<number>();
  const index = (at: number): void => {
    const review = all[at] as Review;
    if (isPlainRating(review)) return;
    if (review.letterboxdUri) byLink.set(linkKey(review), at);
    const key = entryKey(review);
    const list = byKey.get(key);
    if (list) list.push(at);
    else byKey.set(key, [at]);
  };
  /** The first entry that is this one (the one with the same text before others), skipping those an earlier row took. */
  const cursors = new Map<string, number>();
  const sameAs = (review: ImportedReview): number | undefined => {
    const key = entryKey(review);
    const list = byKey.get(key) ?? [];
    // Entries matched already lead the list (identical rows are taken in order), so each search starts past them.
    let start = cursors.get(key) ?? 0;
    while (start < list.length && matched.has(list[start] as number)) start++;
    cursors.set(key, start);
    let first: number | undefined;
    for (let i = start; i < list.length; i++) {
      const at = list[i] as number;
      if (matched.has(at) || !sameEntry(all[at] as Review, review)) continue;
      if ((all[at] as Review).text === review.text) return at;
      first ??= at;
    }
    return first;
  };
  /** Added by this import, in this call or an earlier one. */
  const isNew = (at: number): boolean => added.has(at) || fresh.has((all[at] as Review).id);
  /** A review dropped: removed from the store, or, added by this import, never added. */
  const drop = (at: number): void => {
    if (isNew(at)) {
      counts.added -= 1;
      counts.skipped += 1;
    } else counts.removed += 1;
  };
  const add = (review: ReviewContent): number => {
    const id = reviewId(slug, review, ids);
    ids.add(id);
    fresh.add(id);
    all.push({ id, ...review });
    added.add(all.length - 1);
    counts.added += 1;
    return all.length - 1;
  };
  all.forEach((_, at) => index(at));

  for (const review of incoming.filter((one) => !isPlainRating(one))) {
    const linked = review.letterboxdUri === undefined ? undefined : byLink.get(linkKey(review));
    const at = linked ?? sameAs(review);
    if (at === undefined) {
      const fresh = add(content(review));
      matched.add(fresh);
      index(fresh);
      continue;
    }
    matched.add(at);
    const known = all[at] as Review;
    const entry = completed(known, review);
    if (sameContent(entry, known)) counts.skipped += 1;
    else {
      all[at] = entry;
      if (!added.has(at)) counts.updated += 1;
      index(at);
    }
  }

  for (const rating of incoming.filter(isPlainRating)) {
    const theirs = all.flatMap((review, at) => (review && review.author === rating.author && isPlainRating(review) ? [at] : []));
    const newest = theirs.reduce<number | undefined>(
      (best, at) => (best === undefined || (all[at] as Review).createdAt > (all[best] as Review).createdAt ? at : best),
      undefined,
    );
    const known = newest === undefined ? undefined : (all[newest] as Review);
    if (known && (known.rating === rating.rating || (!rating.undated && known.createdAt > rating.createdAt))) {
      counts.skipped += 1;
      continue;
    }
    for (const at of theirs) if (at !== newest) drop(at);
    for (const at of theirs) all[at] = null;
    if (!known || newest === undefined) add(content(rating));
    else {
      all[newest] = { id: known.id, ...content(rating) };
      if (!isNew(newest)) counts.updated += 1;
    }
  }

  const kept = all.filter((review): review is Review => review !== null);
  const byAuthor = new Map<string, Review[]>(incoming.map((review) => [review.author, []]));
  for (const review of kept) byAuthor.get(review.author)?.push(review);
  const redundant = new Set([...byAuthor.values()].flatMap((theirs) => theirs.filter((review) => isRedundantRating(theirs, review))));
  for (const [at, review] of all.entries()) if (review && redundant.has(review)) drop(at);
  return { reviews: newestFirst(kept.filter((review) => !redundant.has(review))), counts };
}
