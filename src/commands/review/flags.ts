import type { Command } from 'commander';
import { normaliseText, parseDate, parseRatingFlags } from '../../domain/rules.js';
import { UsageError } from '../../errors.js';

/** The review flags that `review add` and `review edit` share. */
export interface ReviewFlags {
  author?: string;
  rating?: string;
  stars?: string;
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

/** The review flags parsed; the text of --text-file is read when the command runs. */
export interface ReviewInput {
  given: GivenReview;
  /** --text-file: a path, or - for standard input. */
  textFile?: string;
}

/** The flags of `review add`, or of `review edit` (`editing`), where a flag left out keeps the review's value. */
export function addReviewFlags(command: Command, { editing }: { editing: boolean }): Command {
  const date = 'when it was written: an ISO date or time, UTC unless a zone is given';
  return command
    .option('--author <name>', editing ? 'who wrote it' : 'who wrote it (default: you)')
    .option('--rating <n>', 'a whole number from 1 to 10 (or "none")')
    .option('--stars <s>', "the rating in Letterboxd's half stars, 0.5 to 5 (×2 gives 1 to 10)")
    .option('--text <text>', 'the review text')
    .option('--text-file <path>', 'read the text from a file, or - for standard input')
    .option('--date <date>', editing ? date : `${date} (default: now)`)
    .option('--spoiler', 'mark it as giving away the plot')
    .option('--no-spoiler', editing ? 'unmark it' : 'it gives nothing away (not asked at a terminal)')
    .option('--json', 'print the review as JSON');
}

export function parseReviewFlags(flags: ReviewFlags, now: Date): ReviewInput {
  if (flags.text !== undefined && flags.textFile !== undefined) {
    throw new UsageError('--text and --text-file cannot be used together', 'give the text one way');
  }
  const given: GivenReview = {};
  if (flags.author !== undefined) given.author = flags.author;
  const rating = parseRatingFlags(flags);
  if (rating !== undefined) given.rating = rating;
  if (flags.text !== undefined) given.text = flags.text;
  if (flags.date !== undefined) given.createdAt = parseDate(flags.date, { notAfter: now });
  if (flags.spoiler !== undefined) given.spoiler = flags.spoiler;
  return flags.textFile === undefined ? { given } : { given, textFile: flags.textFile };
}

/** --spoiler on a review that has no text (a rating alone): nothing to hide, so refused, as its question is then not asked. */
export function refuseEmptySpoiler(spoiler: boolean | undefined, text: string): void {
  if (spoiler === true && normaliseText(text) === '') {
    throw new UsageError(
      '--spoiler marks a review whose text gives away the plot, and this one has no text',
      'leave --spoiler out, or give the text too',
    );
  }
}
