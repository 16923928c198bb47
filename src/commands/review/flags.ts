import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import type { Deps } from '../../io.js';
import { MAX_TEXT_LENGTH } from '../../domain/limits.js';
import { groupDigits } from '../../domain/numbers.js';
import { readTextInput, type InputLimit } from '../options.js';

/** A review text file: no text within the limit takes more than 4 bytes a character, so a device or an endless pipe stops there. */
const TEXT_FILE_LIMIT: InputLimit = {
  maxBytes: MAX_TEXT_LENGTH * 4,
  tooLarge: (file) => new UsageError(`${file} holds more than ${groupDigits(MAX_TEXT_LENGTH * 4)} bytes, past the review text limit of ${groupDigits(MAX_TEXT_LENGTH)} characters`, 'shorten it'),
};

/** The review flags that `review add` and `review edit` share. */
export interface ReviewFlags {
  author?: string;
  rating?: string;
  text?: string;
  textFile?: string;
  date?: string;
  spoiler?: boolean;
  json?: boolean;
}

/** What the flags say, parsed and checked; undefined where a flag was not given. */
export interface GivenReview {
  author?: string;
  rating?: number | null;
  text?: string;
  createdAt?: string;
  spoiler?: boolean;
}

export function addReviewFlags(command: Command): Command {
  return command
    .option('--author <name>', 'who wrote it')
    .option('--rating <n>', 'a whole number from 1 to 10 (or "none")')
    .option('--text <text>', 'the review text')
    .option('--text-file <path>', 'read the text from a file, or - for standard input')
    .option('--date <date>', 'when it was written: an ISO date or time, UTC unless a zone is given (default: now)')
    .option('--json', 'print the review as JSON');
}

export async function parseReviewFlags(flags: ReviewFlags, deps: Deps): Promise<GivenReview> {
  const { parseDate, parseRating } = await import('../../domain/review-input.js');
  if (flags.text !== undefined && flags.textFile !== undefined) {
    throw new UsageError('--text and --text-file cannot be used together', 'give the text one way');
  }
  const given: GivenReview = {};
  if (flags.author !== undefined) given.author = flags.author;
  if (flags.rating !== undefined) given.rating = parseRating(flags.rating);
  if (flags.text !== undefined) given.text = flags.text;
  if (flags.textFile !== undefined) given.text = await readTextInput(flags.textFile, deps, TEXT_FILE_LIMIT);
  if (flags.date !== undefined) given.createdAt = parseDate(flags.date, { notAfter: deps.now() });
  if (flags.spoiler !== undefined) given.spoiler = flags.spoiler;
  return given;
}
