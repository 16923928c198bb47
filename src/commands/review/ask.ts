import { lookOf, type IO } from '../../io.js';
import type { Film, ReviewContent } from '../../domain/model.js';
import type { Prompter } from '../../prompts.js';
import { UsageError } from '../../errors.js';
import { finishedReview } from '../../domain/reviews.js';
import { filmLabel, needsText, normaliseText, ratingLabel, readRatingAnswer, tooLong } from '../../domain/rules.js';
import { textKey } from '../../domain/text-key.js';
import { reviewsTable } from '../../render/film.js';
import { safeText } from '../../render/safe-text.js';
import { wrapText } from '../../render/width.js';
import { askSteps, type Step } from '../ask-steps.js';

/** What the review questions ask about; the author is you (or --author), and the date now (or --date): neither is asked. */
export type ReviewQuestion = 'film' | 'rating' | 'text' | 'spoiler';

/** A review being asked for: its film (null until chosen) and its content so far. */
export interface ReviewDraft {
  film: Film | null;
  review: ReviewContent;
}

/** The interactive film picker: type part of a title, pick from the matches. */
export async function chooseFilm(films: readonly Film[], prompter: Prompter): Promise<Film> {
  if (films.length === 0) throw new UsageError('the store has no films yet', "add one with 'films import <page.txt>'");
  const slug = await prompter.search({
    message: 'Film (type part of its title)',
    source: (term) =>
      films
        .filter((film) => textKey(film.title).includes(textKey(term)) || film.slug.includes(textKey(term)))
        .map((film) => ({ name: filmLabel(film, safeText), value: film.slug })),
  });
  return films.find((film) => film.slug === slug) as Film;
}

/** What is typed at the rating question, shown with its stars as it is typed: "8" → "8  8/10 ★★★★☆". */
export function shownRating(typed: string, final: boolean): string {
  const reading = readRatingAnswer(typed);
  if (!reading.ok) return typed;
  const label = reading.value === null ? 'no rating' : ratingLabel(reading.value);
  if (final) return label;
  return typed.trim() ? `${typed}  ${label}` : typed;
}

/**
 * The rating question: a number typed from 1 to 10 (or half stars, 3.5*), checked by the
 * rulebook; empty (or "none") is no rating. `current` is the default, kept by an empty answer.
 */
export async function askRating(prompter: Prompter, current: number | null): Promise<number | null> {
  const typed = await prompter.input({
    message: 'Rating (1 to 10, or stars such as 3.5*; none for no rating)',
    default: current === null ? undefined : String(current),
    allowEmpty: true,
    transform: shownRating,
    validate: (value) => {
      const reading = readRatingAnswer(value);
      return reading.ok || reading.why;
    },
  });
  const reading = readRatingAnswer(typed);
  return reading.ok ? reading.value : current;
}

/** The review's text, written in the person's editor; empty is allowed when there is a rating, or for a diary entry. */
async function askText(prompter: Prompter, review: ReviewContent): Promise<string> {
  return prompter.editor({
    message: needsText(review)
      ? 'Review text (opens your editor)'
      : `Review text, or leave it empty for ${review.rating === null ? 'the watch' : 'a rating'} alone (opens your editor)`,
    default: review.text,
    validate: (value) => {
      const text = normaliseText(value);
      return tooLong('review text', text) ?? (text || !needsText(review) ? true : 'write some text: a review without a rating needs it');
    },
  });
}

/** The questions about a review, in order: each one only if `questions` names it. */
export function reviewSteps(questions: ReadonlySet<ReviewQuestion>, films: readonly Film[], prompter: Prompter): Step<ReviewDraft>[] {
  const steps: Record<ReviewQuestion, Step<ReviewDraft>> = {
    film: { ask: async (draft) => ({ ...draft, film: await chooseFilm(films, prompter) }) },
    rating: { ask: async (draft) => ({ ...draft, review: { ...draft.review, rating: await askRating(prompter, draft.review.rating) } }) },
    text: { ask: async (draft) => ({ ...draft, review: { ...draft.review, text: normaliseText(await askText(prompter, draft.review)) } }) },
    spoiler: {
      // A rating alone has nothing to give away.
      when: (draft) => normaliseText(draft.review.text) !== '',
      ask: async (draft) => {
        const spoiler = await prompter.confirm({ message: 'Does it give away the plot (spoiler)?', default: draft.review.spoiler });
        return { ...draft, review: { ...draft.review, spoiler } };
      },
    },
  };
  return (['film', 'rating', 'text', 'spoiler'] as const).filter((question) => questions.has(question)).map((question) => steps[question]);
}

/** What is being saved, as the preview names it. */
export type ReviewKind = 'review' | 'diary entry';

/** Shows the review as `films show` will, under a heading wrapped to the width, then asks to save it. */
export async function previewReview(
  film: Film,
  review: ReviewContent,
  { io, prompter, kind = 'review' }: { io: IO; prompter: Prompter; kind?: ReviewKind },
): Promise<boolean> {
  const heading = `${kind === 'review' ? 'Review' : 'Diary entry'} of ${safeText(film.title)}`;
  io.out.write(
    `\n${wrapText(heading, io.columns)
      .map((line) => io.color.bold(line))
      .join('\n')}\n`,
  );
  io.out.write(`${reviewsTable([{ id: 'new', ...review }], { ...lookOf(io), limit: null, full: true, spoilers: true })}\n\n`);
  return prompter.confirm({ message: kind === 'review' ? 'Save this review?' : 'Save this entry?', default: true });
}

/**
 * Asks the `questions` about a review (those its flags left out), starting from `start`; if any was
 * asked, shows the review as it will be saved and asks to save it. Esc goes back a question.
 * `extra` questions (a diary entry's) come after the film's and before the rating.
 */
export async function askReview(
  start: ReviewDraft,
  questions: ReadonlySet<ReviewQuestion>,
  {
    io,
    prompter,
    films,
    extra = [],
    kind,
  }: { io: IO; prompter: Prompter; films: readonly Film[]; extra?: readonly Step<ReviewDraft>[]; kind?: ReviewKind },
): Promise<{ film: Film; review: ReviewContent }> {
  const steps = reviewSteps(questions, films, prompter);
  steps.splice(questions.has('film') ? 1 : 0, 0, ...extra);
  const { draft } = await askSteps(io, start, steps, {
    confirm: ({ film, review }) => previewReview(film as Film, finishedReview(review), { io, prompter, kind }),
    declined: 'not saved',
  });
  return { film: draft.film as Film, review: finishedReview(draft.review) };
}
