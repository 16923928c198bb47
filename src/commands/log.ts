import { UsageError } from '../errors.js';
import type { Deps } from '../io.js';
import { logEntry, type EntryContent, type Logged } from '../domain/diary.js';
import { findFilm } from '../domain/lookup.js';
import { checkReview } from '../domain/reviews.js';
import { filmLabel, localDay } from '../domain/rules.js';
import { reviewJson, toJson } from '../formats/json-export.js';
import { safeText } from '../render/safe-text.js';
import { readStore, updateStore } from '../store/file.js';
import type { EntryInput, GivenEntry } from './log-flags.js';
import { readReviewText } from './review/text-file.js';
import { refuseEmptySpoiler } from './review/flags.js';
import { storeWriter } from './store-writer.js';
import { you } from './you.js';
import { say } from './warn.js';

export interface LogOptions extends EntryInput {
  store: string;
  film: string | null;
  json: boolean;
}

/** The entry the flags describe, with the defaults: yours, watched today, logged now. */
function entryFrom(given: GivenEntry, deps: Deps): EntryContent {
  const now = deps.now();
  return {
    author: given.author ?? you(deps),
    createdAt: now.toISOString(),
    rating: given.rating ?? null,
    text: given.text ?? '',
    spoiler: given.spoiler ?? false,
    watchedDate: given.watchedDate ?? localDay(now),
    ...(given.rewatch ? { rewatch: true } : {}),
    ...(given.liked ? { liked: true } : {}),
    ...(given.tags ? { tags: given.tags } : {}),
  };
}

/**
 * `films log`: a diary entry. With flags (or in a script) it is saved as they say; at a terminal
 * with none it asks, as `review add` does; at a terminal without a film it asks which.
 */
export async function run(options: LogOptions, deps: Deps): Promise<void> {
  const given =
    options.reviewFile === undefined ? options.given : { ...options.given, text: await readReviewText(options.reviewFile, deps) };
  const nothingGiven = Object.keys(given).length === 0;
  refuseEmptySpoiler(given.spoiler, given.text ?? '');
  if (options.film === null && !deps.io.canPrompt) {
    throw new UsageError('which film? give it as the first argument', 'for example: films log <film> [--date YYYY-MM-DD] [--stars 4]');
  }
  const writer = storeWriter(deps);
  let logged: Logged;
  if (options.film !== null && !(nothingGiven && deps.io.canPrompt)) {
    // Everything is known: one read of the store, under the lock.
    const entry = checkReview(entryFrom(given, deps));
    logged = await updateStore(options.store, writer, (data) => logEntry(data, findFilm(data.films, options.film as string).slug, entry));
  } else {
    // Asking takes as long as the person takes: the store is read to ask, then read again under the lock to write.
    const data = await readStore(options.store);
    const [{ askReview }, { entrySteps }] = await Promise.all([import('./review/ask.js'), import('./log-ask.js')]);
    const prompter = await deps.prompter();
    const film = options.film === null ? null : findFilm(data.films, options.film);
    const questions = new Set(['rating', 'text', 'spoiler'] as const);
    const start = entryFrom(given, deps);
    const asked = await askReview(
      { film, review: start },
      new Set([...(film === null ? (['film'] as const) : []), ...(nothingGiven ? questions : [])]),
      { io: deps.io, prompter, films: data.films, extra: nothingGiven ? entrySteps(prompter, deps.now()) : [], kind: 'diary entry' },
    );
    const entry = { ...asked.review, watchedDate: asked.review.watchedDate ?? start.watchedDate };
    logged = await updateStore(options.store, writer, (current) => logEntry(current, asked.film.slug, entry));
  }
  if (options.json) {
    deps.io.out.write(`${toJson(reviewJson(logged))}\n`);
    return;
  }
  const { film, review, leftWatchlist } = logged;
  const whose = given.author === undefined ? 'your' : `${review.author}'s`;
  const offWatchlist = leftWatchlist ? `; it is off ${whose} watchlist now` : '';
  say(
    deps.io,
    `Logged ${filmLabel(film, safeText)}, watched ${review.watchedDate ?? ''}, as entry ${deps.io.color.bold(review.id)}${safeText(offWatchlist)}`,
  );
}
