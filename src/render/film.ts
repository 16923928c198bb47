import type { ChalkInstance } from 'chalk';
import { ratingSummary, type RatingSummary } from '../domain/rating.js';
import type { Film, Review } from '../domain/model.js';
import { ratingLabel } from '../domain/rules.js';
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

function detailsTable(film: Film, summary: RatingSummary, options: ShowOptions): string {
  const rows: [string, string][] = [['Title', film.title]];
  if (film.localTitle) rows.push(['Also known as', film.localTitle]);
  if (film.titleType) rows.push(['Type', titleTypeLabel(film.titleType)]);
  if (film.year !== null) rows.push(['Year', String(film.year)]);
  rows.push(['Countries', film.countries.join(', ') || '—'], ['Genres', film.genres.join(', ') || '—'], ['Cast', castLabel(film)]);
  if (film.ratingsCount !== null) {
    rows.push(['Rated by', `${groupDigits(film.ratingsCount)} ${film.ratingsCount === 1 ? 'person' : 'people'}`]);
  }
  rows.push(['Our rating', summaryLabel(summary)], ['Reviews', String(film.reviews.length)]);
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

export function reviewsTable(reviews: readonly Review[], options: ShowOptions): string {
  return renderTable({
    head: ['Author', 'Date', 'Rating', 'Review'],
    rows: reviews.map((review) => [
      safeText(review.author),
      formatDate(review.createdAt),
      ratingLabel(review.rating),
      reviewText(review, options),
    ]),
    width: options.width,
    fixed: [false, true, true, false],
    grow: 3,
    limitLines: (lines, column, width) => (column === 3 ? cutLines(lines, options, width) : lines),
    color: options.color,
  });
}

/** `films show`: details, synopsis, rating histogram, then the newest reviews. */
export function renderFilm(film: Film, options: ShowOptions): string {
  const summary = ratingSummary(film.reviews);
  const parts = [detailsTable(film, summary, options)];
  if (film.synopsis) parts.push(wrapText(safeText(film.synopsis), options.width).join('\n'));
  const chartWidth = Math.min(options.width, HISTOGRAM_WIDTH);
  if (summary.count > 0) parts.push(`${options.color.bold('Ratings')}\n${renderHistogram(summary.histogram, chartWidth, options.color)}`);
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
