import type { IO } from '../../io.js';
import type { Film, ReviewContent } from '../../domain/model.js';
import type { Prompter } from '../../prompts.js';
import { CancelledError, UsageError } from '../../errors.js';
import { checkReview } from '../../domain/reviews.js';
import { filmLabel, needsText, normaliseText, RATING_MAX, RATING_MIN, ratingLabel, tooLong } from '../../domain/rules.js';
import { textKey } from '../../domain/text-key.js';
import { reviewsTable } from '../../render/film.js';
import { safeText } from '../../render/safe-text.js';

export type ReviewField = 'author' | 'rating' | 'text' | 'spoiler';

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

/**
 * Asks for the `fields` not yet known, starting from `start` (given values, defaults or, when
 * editing, the current ones); then shows the review as it will be shown and asks to save it.
 */
export async function askReview(
  film: Film,
  start: ReviewContent,
  fields: ReadonlySet<ReviewField>,
  { io, prompter }: { io: IO; prompter: Prompter },
): Promise<ReviewContent> {
  const review = { ...start };
  if (fields.has('author')) {
    review.author = await prompter.input({
      message: 'Author',
      default: start.author,
      validate: (value) => (value.trim() ? (tooLong('author', value.trim()) ?? true) : 'the author cannot be empty'),
    });
  }
  if (fields.has('rating')) {
    const ratings = Array.from({ length: RATING_MAX - RATING_MIN + 1 }, (_, i) => RATING_MAX - i).map((value) => ({
      name: ratingLabel(value),
      value,
    }));
    review.rating = await prompter.select<number | null>({
      message: 'Rating',
      choices: [{ name: 'no rating', value: null }, ...ratings],
      default: start.rating,
    });
  }
  if (fields.has('text')) {
    review.text = await prompter.editor({
      message: needsText(review)
        ? 'Review text (opens your editor)'
        : `Review text, or leave it empty for ${review.rating === null ? 'the watch' : 'a rating'} alone (opens your editor)`,
      default: start.text,
      validate: (value) => {
        const text = normaliseText(value);
        return tooLong('review text', text) ?? (text || !needsText(review) ? true : 'write some text: a review without a rating needs it');
      },
    });
  }
  if (fields.has('spoiler'))
    review.spoiler = await prompter.confirm({ message: 'Does it give away the plot (spoiler)?', default: start.spoiler });
  const checked = checkReview(review);
  io.out.write(`\n${io.color.bold(`Review of ${safeText(film.title)}`)}\n`);
  io.out.write(
    `${reviewsTable([{ id: 'new', ...checked }], { limit: null, full: true, spoilers: true, width: io.columns, color: io.color })}\n\n`,
  );
  if (!(await prompter.confirm({ message: 'Save this review?', default: true }))) throw new CancelledError();
  return checked;
}
