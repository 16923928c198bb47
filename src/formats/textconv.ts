import { FILM_KEYS, MARK_KEYS, REVIEW_KEYS, type Film, type Review } from '../domain/model.js';
import { safeText } from '../render/safe-text.js';

/**
 * The store as git diffs it (`films db textconv`, git's textconv): a line per fact, so a changed
 * rating shows as `-  review 6005a0fb by Adérito: rating 7` / `+  review 6005a0fb by Adérito: rating 8`.
 * Films by slug, each a flush-left `film <slug>` line (git's default hunk header picks it), then
 * its fields, its reviews newest first (equal times by id), then its marks by author. Values are
 * JSON, so a long text stays on one line with its line breaks as \n; every line goes through
 * safeText, since git prints it on a terminal.
 */

const DETAIL_KEYS = FILM_KEYS.filter((key) => key !== 'slug' && key !== 'reviews' && key !== 'marks');
const REVIEW_FIELDS = REVIEW_KEYS.filter((key) => key !== 'id' && key !== 'author');
const MARK_FIELDS = MARK_KEYS.filter((key) => key !== 'author');

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const newestThenId = (a: Review, b: Review): number => byText(b.createdAt, a.createdAt) || byText(a.id, b.id);

function factLines<T>(prefix: string, value: T, keys: readonly (keyof T & string)[]): string {
  let text = '';
  for (const key of keys) if (value[key] !== undefined) text += `${safeText(`${prefix}${key} ${JSON.stringify(value[key])}`)}\n`;
  return text;
}

/** One film's lines. */
export function filmFacts(film: Film): string {
  let text = `${safeText(`film ${film.slug}`)}\n${factLines('  ', film, DETAIL_KEYS)}`;
  for (const review of [...film.reviews].sort(newestThenId))
    text += factLines(`  review ${review.id} by ${review.author}: `, review, REVIEW_FIELDS);
  for (const mark of film.marks) text += factLines(`  mark by ${mark.author}: `, mark, MARK_FIELDS);
  return text;
}

/** The whole store, a film at a time: the text grows with the store, never as one string. */
export function* storeFacts(version: number, films: readonly Film[]): Generator<string> {
  yield `films store version ${version}\n`;
  for (const film of [...films].sort((a, b) => byText(a.slug, b.slug))) yield filmFacts(film);
}

/** A file that is no valid store still diffs, as its text under a first line saying why (a failing textconv would stop `git log -p`). */
export function* invalidStoreFacts(problem: string, text: string): Generator<string> {
  yield `${safeText(`films: not a valid films store (${problem}); its text as it is:`)}\n`;
  yield `${safeText(text, { multiline: true })}${text.endsWith('\n') || text === '' ? '' : '\n'}`;
}
