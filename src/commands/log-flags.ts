import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import { parseRatingFlags, parseWatchedDay } from '../domain/rules.js';
import { collect } from './flag-values.js';

/** The flags of `films log`, as commander gives them. */
export interface LogFlags {
  date?: string;
  rating?: string;
  stars?: string;
  rewatch?: boolean;
  liked?: boolean;
  tag?: string[];
  review?: string;
  reviewFile?: string;
  spoiler?: boolean;
  author?: string;
  json?: boolean;
}

/** What the flags say about the entry, parsed and checked; undefined where a flag was not given. */
export interface GivenEntry {
  watchedDate?: string;
  rating?: number | null;
  rewatch?: boolean;
  liked?: boolean;
  tags?: string[];
  text?: string;
  spoiler?: boolean;
  author?: string;
}

/** The entry the flags give; the text of --review-file is read when the command runs. */
export interface EntryInput {
  given: GivenEntry;
  /** --review-file: a path, or - for standard input. */
  reviewFile?: string;
}

export function addLogFlags(command: Command): Command {
  return command
    .option('--date <day>', 'the day you watched it, YYYY-MM-DD (default: today)')
    .option('--rating <n>', 'a whole number from 1 to 10')
    .option('--stars <s>', "the rating in Letterboxd's half stars, 0.5 to 5 (×2 gives 1 to 10)")
    .option('--rewatch', 'you had seen it before')
    .option('--liked', 'you liked it (the film gets your heart)')
    .option('--tag <tag>', 'a tag (repeatable, or several separated by commas)', collect)
    .option('--review <text>', 'what you thought of it')
    .option('--review-file <path>', 'read the review from a file, or - for standard input')
    .option('--spoiler', 'the review gives away the plot')
    .option('--author <name>', 'whose diary (default: you)')
    .option('--json', 'print the entry as JSON');
}

export function parseLogFlags(flags: LogFlags, now: Date): EntryInput {
  if (flags.review !== undefined && flags.reviewFile !== undefined) {
    throw new UsageError('--review and --review-file cannot be used together', 'give the review one way');
  }
  const given: GivenEntry = {};
  if (flags.date !== undefined) given.watchedDate = parseWatchedDay(flags.date, now);
  const rating = parseRatingFlags(flags);
  if (rating !== undefined) given.rating = rating;
  if (flags.rewatch) given.rewatch = true;
  if (flags.liked) given.liked = true;
  if (flags.tag?.length) given.tags = flags.tag;
  if (flags.review !== undefined) given.text = flags.review;
  if (flags.spoiler) given.spoiler = true;
  if (flags.author !== undefined) given.author = flags.author;
  return flags.reviewFile === undefined ? { given } : { given, reviewFile: flags.reviewFile };
}
