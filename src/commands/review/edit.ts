import { UsageError } from '../../errors.js';
import type { Deps } from '../../io.js';
import { editReview, finishedReview, findReview, type FoundReview } from '../../domain/reviews.js';
import { storeWriter, updateStoreIfChanged } from '../store-writer.js';
import { refuseEmptySpoiler, type ReviewInput } from './flags.js';
import { givenReview } from './text-file.js';
import { readStore } from '../../store/file.js';
import { printReviewResult } from './print.js';
import { safeText } from '../../render/safe-text.js';
import { filmLabel } from '../../domain/rules.js';
import { say } from '../warn.js';

export interface ReviewEditOptions extends ReviewInput {
  store: string;
  id: string;
  json: boolean;
}

/**
 * With flags, the flags say what changes and every other field keeps its value: nothing is left
 * to ask. Without, at a terminal, the questions of review add, prefilled with the review's values.
 */
export async function run(options: ReviewEditOptions, deps: Deps): Promise<void> {
  const given = await givenReview(options, deps);
  const nothingGiven = Object.keys(given).length === 0;
  if (nothingGiven && !deps.io.canPrompt) {
    throw new UsageError('nothing to change', 'pass --text, --text-file, --rating, --author, --date, --spoiler or --no-spoiler');
  }
  const writer = storeWriter(deps);
  let edited: { result: FoundReview; changed: boolean };
  if (!nothingGiven) {
    // The flags say it all: one read of the store, under the lock.
    edited = await updateStoreIfChanged(options.store, writer, (data) =>
      editReview(data, options.id, ({ id: _id, ...current }) => {
        refuseEmptySpoiler(given.spoiler, given.text ?? current.text);
        return finishedReview({ ...current, ...given });
      }),
    );
  } else {
    const { films } = await readStore(options.store);
    const { film, review } = findReview(films, options.id);
    const { id, ...current } = review;
    const { io } = deps;
    say(
      io,
      `Editing review ${io.color.bold(id)} of ${filmLabel(film, safeText)} by ${safeText(review.author)}, written ${review.createdAt.slice(0, 10)}`,
    );
    const { askReview } = await import('./ask.js');
    const asked = await askReview({ film, review: current }, new Set(['rating', 'text', 'spoiler']), {
      io,
      prompter: await deps.prompter(),
      films,
    });
    edited = await updateStoreIfChanged(options.store, writer, (data) => editReview(data, id, () => asked.review));
  }
  const { film, review } = edited.result;
  if (edited.changed || options.json) printReviewResult('Changed', edited.result, options.json, deps.io);
  else say(deps.io, `Review ${deps.io.color.bold(review.id)} of ${filmLabel(film, safeText)} already says that; nothing changed`);
}
