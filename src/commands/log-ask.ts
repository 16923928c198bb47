import type { Prompter } from '../prompts.js';
import { yourFilm } from '../domain/diary.js';
import { cleanList } from '../domain/lists.js';
import type { Film } from '../domain/model.js';
import { readIsoDay, tooLong } from '../domain/rules.js';
import type { Step } from './ask-steps.js';
import type { ReviewDraft } from './review/ask.js';

/** Why typed tags cannot be kept (one over the limit), or true. */
function tagsVerdict(text: string): true | string {
  for (const tag of cleanList([text])) {
    const long = tooLong('tag', tag);
    if (long) return long;
  }
  return true;
}

/** A diary entry's own questions, asked by `films log` at a terminal between the film and the rating: the day, rewatch, liked, tags. */
export function entrySteps(prompter: Prompter, now: Date): Step<ReviewDraft>[] {
  const change = (draft: ReviewDraft, review: Partial<ReviewDraft['review']>): ReviewDraft => ({
    ...draft,
    review: { ...draft.review, ...review },
  });
  const flag = (name: 'rewatch' | 'liked', value: boolean): Partial<ReviewDraft['review']> => ({ [name]: value ? true : undefined });
  const before = (draft: ReviewDraft) => yourFilm(draft.film as Film, draft.review.author);
  return [
    {
      ask: async (draft) => {
        const day = await prompter.input({
          message: 'Watched on (YYYY-MM-DD)',
          default: draft.review.watchedDate,
          validate: (value) => {
            const reading = readIsoDay(value, 'the day', now);
            return reading.ok ? true : reading.why;
          },
        });
        return change(draft, { watchedDate: day.trim() });
      },
    },
    {
      ask: async (draft) => {
        const rewatch = await prompter.confirm({
          message: 'Had you seen it before (a rewatch)?',
          default: draft.review.rewatch ?? before(draft).watched,
        });
        return change(draft, flag('rewatch', rewatch));
      },
    },
    {
      ask: async (draft) => {
        const liked = await prompter.confirm({ message: 'Did you like it?', default: draft.review.liked ?? before(draft).liked });
        return change(draft, flag('liked', liked));
      },
    },
    {
      ask: async (draft) => {
        const typed = await prompter.input({
          message: 'Tags, separated by commas (optional)',
          default: draft.review.tags?.join(', '),
          allowEmpty: true,
          validate: tagsVerdict,
        });
        const tags = cleanList([typed]);
        return change(draft, { tags: tags.length ? tags : undefined });
      },
    },
  ];
}
