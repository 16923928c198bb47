import type { ChalkInstance } from 'chalk';
import { othersRating, yourFilm, type YourFilm } from '../domain/diary.js';
import type { RatingSummary } from '../domain/rating.js';
import type { Film, Review } from '../domain/model.js';
import { ratingLabel } from '../domain/rules.js';
import { hint } from './hint.js';
import { titleTypeLabel } from '../domain/title-types.js';
import { renderHistogram, summaryLabel } from './rating.js';
import { safeText } from './safe-text.js';
import { renderTable } from './table.js';
import { truncate, wrapText } from './width.js';
import { groupDigits } from '../domain/numbers.js';

export interface ShowOptions {
  /** How many reviews to show; null for all. */
  limit: number | null;
  /** Show whole review texts instead of the first few lines. */
  full: boolean;
  /** Show the texts of reviews marked as spoilers. */
  spoilers: boolean;
  width: number;
  color: ChalkInstance;
  /** You, whose rating, watches, watchlist and tags are shown apart from the crowd's; none in a preview. */
  you?: string;
}

/** The rating histogram is a chart, not a table: wider only spreads it thin. */
const HISTOGRAM_WIDTH = 60;

/** Lines of a review shown before it is cut (without --full). */
const REVIEW_LINES = 6;

const plural = (count: number, word: string): string => `${groupDigits(count)} ${word}${count === 1 ? '' : 's'}`;

export const formatDate = (iso: string): string => iso.slice(0, 10);

function castLabel(film: Film): string {
  if (film.cast.length === 0) return film.castCount ? `${film.castCount} (names not listed)` : '—';
  const names = film.cast.join(', ');
  return film.castCount > film.cast.length ? `${names} (${film.castCount} in all)` : names;
}

/** "once, on 2026-03-14", "3 times, last on 2026-03-14", or "yes" for a film marked watched without a day. */
function watchedLabel(mine: YourFilm): string {
  if (mine.lastWatched === null) return 'yes (no day logged)';
  return mine.watches === 1 ? `once, on ${mine.lastWatched}` : `${groupDigits(mine.watches)} times, last on ${mine.lastWatched}`;
}

/** Your rows: only what you have (a rating, watches, the watchlist, a heart, tags). */
function yourRows(mine: YourFilm): [string, string][] {
  const rows: [string, string][] = [];
  if (mine.rating !== null) rows.push(['Your rating', ratingLabel(mine.rating)]);
  if (mine.watched) rows.push(['Watched', watchedLabel(mine)]);
  if (mine.watchlistedAt !== null) rows.push(['Watchlist', `on yours since ${formatDate(mine.watchlistedAt)}`]);
  if (mine.liked) rows.push(['Liked', 'yes']);
  if (mine.tags.length) rows.push(['Your tags', mine.tags.join(', ')]);
  return rows;
}

function detailsTable(film: Film, others: RatingSummary, mine: YourFilm | null, options: ShowOptions): string {
  const rows: [string, string][] = [['Title', film.title]];
  if (film.localTitle) rows.push(['Also known as', film.localTitle]);
  if (film.titleType) rows.push(['Type', titleTypeLabel(film.titleType)]);
  if (film.year !== null) rows.push(['Year', String(film.year)]);
  rows.push(['Countries', film.countries.join(', ') || '—'], ['Genres', film.genres.join(', ') || '—'], ['Cast', castLabel(film)]);
  if (film.ratingsCount !== null) {
    rows.push(['Rated by', `${groupDigits(film.ratingsCount)} ${film.ratingsCount === 1 ? 'person' : 'people'}`]);
  }
  rows.push([mine ? "Others' rating" : 'Rating', summaryLabel(others, ['person', 'people'])], ['Reviews', String(film.reviews.length)]);
  if (mine) rows.push(...yourRows(mine));
  return renderTable({
    rows: rows.map(([label, value]) => [options.color.bold(label), safeText(value)]),
    width: options.width,
    fixed: [true, false],
    compact: true,
    color: options.color,
  });
}

function cutLines(lines: string[], options: ShowOptions, width: number): string[] {
  if (options.full || lines.length <= REVIEW_LINES) return lines;
  const hidden = lines.length - (REVIEW_LINES - 1);
  const marker = truncate(`… ${hidden} more lines (--full)`, width);
  return [...lines.slice(0, REVIEW_LINES - 1), options.color.dim(marker)];
}

const SPOILER_HIDDEN = '[spoiler hidden — --spoilers shows it]';

/** A review's text as shown: spoilers hidden unless asked for, and marked either way. */
export function reviewText(review: Review, options: Pick<ShowOptions, 'spoilers'>): string {
  if (!review.spoiler) return safeText(review.text, { multiline: true }) || '—';
  if (!options.spoilers) return SPOILER_HIDDEN;
  return `[spoiler] ${safeText(review.text, { multiline: true })}`;
}

/** A diary entry's watch: its day, and whether it was a rewatch and liked, a line each. */
const watchCell = (review: Review): string =>
  [review.watchedDate ?? '', review.rewatch ? 'rewatch' : '', review.liked ? 'liked' : ''].filter(Boolean).join('\n');

/** The columns of a review table the diary adds (watched, tags), only when a review shown has them. */
export function diaryColumns(reviews: readonly Review[]): { head: string; cell: (review: Review) => string; fixed: boolean }[] {
  const columns = [];
  if (reviews.some((review) => review.watchedDate !== undefined)) columns.push({ head: 'Watched', cell: watchCell, fixed: true });
  if (reviews.some((review) => review.tags?.length)) {
    columns.push({ head: 'Tags', cell: (review: Review) => safeText((review.tags ?? []).join(', ')), fixed: false });
  }
  return columns;
}

export function reviewsTable(reviews: readonly Review[], options: ShowOptions): string {
  const diary = diaryColumns(reviews);
  const text = 3 + diary.length;
  return renderTable({
    head: ['Author', 'Date', 'Rating', ...diary.map((column) => column.head), 'Review'],
    rows: reviews.map((review) => [
      safeText(review.author),
      formatDate(review.createdAt),
      ratingLabel(review.rating),
      ...diary.map((column) => column.cell(review)),
      reviewText(review, options),
    ]),
    width: options.width,
    fixed: [false, true, true, ...diary.map((column) => column.fixed), false],
    grow: text,
    limitLines: (lines, column, width) => (column === text ? cutLines(lines, options, width) : lines),
    color: options.color,
  });
}

/** `films show`: details, synopsis, rating histogram, then the newest reviews. */
export function renderFilm(film: Film, options: ShowOptions): string {
  const mine = options.you === undefined ? null : yourFilm(film, options.you);
  const others = othersRating(film, options.you ?? null);
  const untouched = mine !== null && mine.rating === null && !mine.watched;
  const howTo = untouched
    ? `\n${hint(`You have not rated or logged it: 'films rate ${film.slug} <1–10>' or 'films log ${film.slug}'.`, options.width, options.color)}`
    : '';
  const parts = [`${detailsTable(film, others, mine, options)}${howTo}`];
  if (film.synopsis) parts.push(wrapText(safeText(film.synopsis), options.width).join('\n'));
  const chartWidth = Math.min(options.width, HISTOGRAM_WIDTH);
  if (others.count > 0) {
    const title = mine ? "Others' ratings" : 'Ratings';
    parts.push(`${options.color.bold(title)}\n${renderHistogram(others.histogram, chartWidth, options.color)}`);
  }
  const shown = options.limit === null ? film.reviews : film.reviews.slice(0, options.limit);
  if (shown.length > 0) parts.push(reviewsTable(shown, options));
  const hidden = film.reviews.length - shown.length;
  if (hidden > 0) {
    parts.push(options.color.dim(`${plural(hidden, 'more review')} — use --all to see them, or --limit N`));
  } else if (film.reviews.length === 0) {
    parts.push(options.color.dim('No reviews yet.'));
  }
  return `${parts.join('\n\n')}\n`;
}
