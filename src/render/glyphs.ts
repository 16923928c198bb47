import type { ChalkInstance } from 'chalk';
import { STAR_MARKS, type RatingMarks } from '../domain/rules.js';

/** The border characters cli-table3 draws with, by its names. */
export interface TableChars {
  top: string;
  'top-mid': string;
  'top-left': string;
  'top-right': string;
  bottom: string;
  'bottom-mid': string;
  'bottom-left': string;
  'bottom-right': string;
  left: string;
  'left-mid': string;
  mid: string;
  'mid-mid': string;
  right: string;
  'right-mid': string;
  middle: string;
}

/**
 * The characters output for people is drawn with beyond plain text: Unicode at a terminal that
 * has it, ASCII where the locale says it has not (`LANG=C`). Every renderer takes them from here,
 * so one rule (io.ts, unicodeTerminal) decides for every command.
 */
/** Where a review marked as a spoiler is not shown (show, search): in the terminal's characters through `text`. */
export const SPOILER_HIDDEN = '[spoiler hidden — --spoilers shows it]';

export interface Glyphs {
  unicode: boolean;
  /** Where text was cut. */
  ellipsis: string;
  /** A value that is not there: no year, no genres. */
  none: string;
  /** Rating stars and the mark of no value. */
  rating: RatingMarks;
  /** A chart's bar, and a rule under a title. */
  bar: string;
  rule: string;
  table: TableChars;
  /** Our own words (hints, messages, help) in the characters the terminal has: dashes, ellipses, ×, arrows. */
  text: (text: string) => string;
}

const BOX: TableChars = {
  top: '─',
  'top-mid': '┬',
  'top-left': '┌',
  'top-right': '┐',
  bottom: '─',
  'bottom-mid': '┴',
  'bottom-left': '└',
  'bottom-right': '┘',
  left: '│',
  'left-mid': '├',
  mid: '─',
  'mid-mid': '┼',
  right: '│',
  'right-mid': '┤',
  middle: '│',
};

const PLAIN_BOX: TableChars = {
  top: '-',
  'top-mid': '+',
  'top-left': '+',
  'top-right': '+',
  bottom: '-',
  'bottom-mid': '+',
  'bottom-left': '+',
  'bottom-right': '+',
  left: '|',
  'left-mid': '+',
  mid: '-',
  'mid-mid': '+',
  right: '|',
  'right-mid': '+',
  middle: '|',
};

/** What our words use beyond ASCII, and its ASCII. */
const PLAIN_WORDS: Record<string, string> = {
  '—': '-',
  '–': '-',
  '…': '...',
  '×': 'x',
  '→': '->',
  '★': '*',
  '☆': '.',
  '½': '+',
  '█': '#',
  '─': '-',
  '✔': 'v',
};
const TYPOGRAPHY = new RegExp(`[${Object.keys(PLAIN_WORDS).join('')}]`, 'g');

export const UNICODE_GLYPHS: Glyphs = {
  unicode: true,
  ellipsis: '…',
  none: STAR_MARKS.none,
  rating: STAR_MARKS,
  bar: '█',
  rule: '─',
  table: BOX,
  text: (text) => text,
};

export const ASCII_GLYPHS: Glyphs = {
  unicode: false,
  ellipsis: '...',
  none: '-',
  rating: { full: '*', half: '+', empty: '.', none: '-' },
  bar: '#',
  rule: '-',
  table: PLAIN_BOX,
  text: (text) => text.replace(TYPOGRAPHY, (char) => PLAIN_WORDS[char] ?? char),
};

/** How output for people is drawn: the columns a line may take, its colours, and its characters. */
export interface Look {
  width: number;
  color: ChalkInstance;
  glyphs: Glyphs;
}
