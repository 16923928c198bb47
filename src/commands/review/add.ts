import { UsageError } from '../../errors.js';
import type { Deps } from '../../io.js';
import { storeWriter } from '../store-writer.js';
import { refuseEmptySpoiler, type GivenReview, type ReviewInput } from './flags.js';
import { givenReview } from './text-file.js';
import type { ReviewQuestion } from './ask.js';
import { addReview, checkReview, type FoundReview } from '../../domain/reviews.js';
import type { ReviewContent } from '../../domain/model.js';
import { readStore, updateStore } from '../../store/file.js';
import { findFilm } from '../../domain/lookup.js';
import { reviewProblems } from '../../domain/rules.js';
import { printReviewResult } from './print.js';
import { you } from '../you.js';

export interface ReviewAddOptions extends ReviewInput {
  store: string;
  film: string | null;
  /** Save what the flags say without asking anything, even at a terminal. */
  yes: boolean;
  json: boolean;
}

/** Nothing may be asked (a script, --no-input or --yes): name the first missing value's flag and stop. */
function requireGiven(film: string | null, given: GivenReview): void {
  const example = 'films review add <film> --text <text> [--rating N] [--author <name>]';
  if (film === null) throw new UsageError('which film? give it as the first argument', `for example: ${example}`);
  if (given.text === undefined && given.rating === undefined) {
    throw new UsageError('missing --text <text>, --text-file <path> or --rating <n>', `for example: ${example}`);
  }
}

/** At a terminal, the questions the flags left out; the author (you) and the date (now) are never asked. */
function questionsLeft(film: string | null, given: GivenReview): Set<ReviewQuestion> {
  const left = new Set<ReviewQuestion>();
  if (film === null) left.add('film');
  if (given.rating === undefined) left.add('rating');
  if (given.text === undefined) left.add('text');
  if (given.spoiler === undefined) left.add('spoiler');
  return left;
}

export async function run(options: ReviewAddOptions, deps: Deps): Promise<void> {
  const given = await givenReview(options, deps);
  // Text read from standard input (--text-file -) uses it up: nothing more can be asked.
  const asking = deps.io.canPrompt && !options.yes && options.textFile !== '-';
  if (!asking) requireGiven(options.film, given);
  const start: ReviewContent = {
    author: given.author ?? you(deps),
    createdAt: given.createdAt ?? deps.now().toISOString(),
    rating: given.rating ?? null,
    text: given.text ?? '',
    spoiler: given.spoiler ?? false,
  };
  // The text is known (not asked): a spoiler mark needs some.
  if (!asking || given.text !== undefined) refuseEmptySpoiler(given.spoiler, start.text);
  const writer = storeWriter(deps);
  let added: FoundReview;
  if (!asking) {
    // Everything is known: one read of the store, under the lock.
    added = await updateStore(options.store, writer, (data) =>
      addReview(data, findFilm(data.films, options.film as string).slug, checkReview(start)),
    );
  } else {
    // What the flags gave is checked before anything is asked.
    const [problem] = reviewProblems(start, { asked: true });
    if (problem) throw new UsageError(problem.why, problem.fix);
    // Asking takes as long as the person takes, so the store is read to ask, then read again under the lock to write.
    const { films } = await readStore(options.store);
    const film = options.film === null ? null : findFilm(films, options.film);
    // The prompts and their preview load only at a terminal, as in films add.
    const { askReview } = await import('./ask.js');
    const asked = await askReview({ film, review: start }, questionsLeft(options.film, given), {
      io: deps.io,
      prompter: await deps.prompter(),
      films,
    });
    added = await updateStore(options.store, writer, (current) => addReview(current, asked.film.slug, asked.review));
  }
  printReviewResult('Added', added, options.json, deps.io);
}
