import { othersRating, yourFilm, type YourFilm } from '../domain/diary.js';
import type { RatingSummary } from '../domain/rating.js';
import type { Film, Review } from '../domain/model.js';
import { ratingLabel } from '../domain/rules.js';
import { groupDigits, plural } from '../domain/numbers.js';
import { SPOILER_HIDDEN, type Glyphs, type Look } from './glyphs.js';
import { hint } from './hint.js';
import { titleTypeLabel } from '../domain/title-types.js';
import { renderHistogram, summaryLabel } from './rating.js';
import { safeText } from './safe-text.js';
import { renderTable, tablePieces, type TableSpec } from './table.js';
import { wrapText } from './width.js';

export interface ShowOptions extends Look {
  /** How many reviews to show; null for all. */
  limit: number | null;
  /** Show whole review texts instead of the first few lines. */
  full: boolean;
  /** Show the texts of reviews marked as spoilers. */
  spoilers: boolean;
  /** You, whose rating, watches, watchlist and tags are shown apart from the crowd's; none in a preview. */
  you?: string;
  /** Each review's short id, which `review show`, `edit` and `remove` take; none in a preview. */
  shortId?: (id: string) => string;
}

/** The rating histogram is a chart, not a table: wider only spreads it thin. */
const HISTOGRAM_WIDTH = 60;

/** Lines of a review shown before it is cut (without --full). */
const REVIEW_LINES = 6;

export const formatDate = (iso: string): string => iso.slice(0, 10);

function castLabel(film: Film, glyphs: Glyphs): string {
  if (film.cast.length === 0) return film.castCount ? `${groupDigits(film.castCount)} (names not listed)` : glyphs.none;
  const names = film.cast.join(', ');
  return film.castCount > film.cast.length ? `${names} (${film.castCount} in all)` : names;
}

/** "once, on 2026-03-14", "3 times, last on 2026-03-14", or "yes" for a film marked watched without a day. */
function watchedLabel(mine: YourFilm): string {
  if (mine.lastWatched === null) return 'yes (no day logged)';
  return mine.watches === 1 ? `once, on ${mine.lastWatched}` : `${groupDigits(mine.watches)} times, last on ${mine.lastWatched}`;
}

/** Your rows: only what you have (a rating, watches, the watchlist, a heart, tags). */
function yourRows(mine: YourFilm, glyphs: Glyphs): [string, string][] {
  const rows: [string, string][] = [];
  if (mine.rating !== null) rows.push(['Your rating', ratingLabel(mine.rating, glyphs.rating)]);
  if (mine.watched) rows.push(['Watched', watchedLabel(mine)]);
  if (mine.watchlistedAt !== null) rows.push(['Watchlist', `on yours since ${formatDate(mine.watchlistedAt)}`]);
  if (mine.liked) rows.push(['Liked', 'yes']);
  if (mine.tags.length) rows.push(['Your tags', mine.tags.join(', ')]);
  return rows;
}

function detailsTable(film: Film, others: RatingSummary, mine: YourFilm | null, options: ShowOptions): string {
  const { glyphs } = options;
  const rows: [string, string][] = [['Title', film.title]];
  if (film.localTitle) rows.push(['Also known as', film.localTitle]);
  if (film.titleType) rows.push(['Type', titleTypeLabel(film.titleType)]);
  if (film.year !== null) rows.push(['Year', String(film.year)]);
  rows.push(
    ['Countries', film.countries.join(', ') || glyphs.none],
    ['Genres', film.genres.join(', ') || glyphs.none],
    ['Cast', castLabel(film, glyphs)],
  );
  if (film.ratingsCount !== null) rows.push(['Rated by', plural(film.ratingsCount, 'person', 'people')]);
  rows.push(
    [mine ? "Others' rating" : 'Rating', summaryLabel(others, ['person', 'people'], glyphs.rating)],
    ['Reviews', groupDigits(film.reviews.length)],
  );
  if (mine) rows.push(...yourRows(mine, glyphs));
  return renderTable({
    ...options,
    rows: rows.map(([label, value]) => [options.color.bold(label), safeText(value)]),
    fixed: [true, false],
    compact: true,
  });
}

/** Without --full, a long review's first lines and a line saying how many more: wrapped, never cut. */
function cutLines(lines: string[], options: ShowOptions, width: number): string[] {
  if (options.full || lines.length <= REVIEW_LINES) return lines;
  const hidden = lines.length - (REVIEW_LINES - 1);
  const marker = wrapText(options.glyphs.text(`… ${plural(hidden, 'more line')} (--full)`), width);
  return [...lines.slice(0, REVIEW_LINES - 1), ...marker.map((line) => options.color.dim(line))];
}

/** A review's text as shown: spoilers hidden unless asked for, and marked either way. */
export function reviewText(review: Review, options: Pick<ShowOptions, 'spoilers' | 'glyphs'>): string {
  if (!review.spoiler) return safeText(review.text, { multiline: true }) || options.glyphs.none;
  if (!options.spoilers) return options.glyphs.text(SPOILER_HIDDEN);
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

/** The reviews of a film as a table: its short id when there is one, author, date, rating, the diary's columns, and the text. */
function reviewsSpec(reviews: readonly Review[], options: ShowOptions): TableSpec {
  const { shortId } = options;
  const ids = shortId ? 1 : 0;
  const diary = diaryColumns(reviews);
  const text = ids + 3 + diary.length;
  return {
    ...options,
    head: [...(shortId ? ['ID'] : []), 'Author', 'Date', 'Rating', ...diary.map((column) => column.head), 'Review'],
    rows: reviews.map((review) => [
      ...(shortId ? [safeText(shortId(review.id))] : []),
      safeText(review.author),
      formatDate(review.createdAt),
      ratingLabel(review.rating, options.glyphs.rating),
      ...diary.map((column) => column.cell(review)),
      reviewText(review, options),
    ]),
    fixed: [...(shortId ? [true] : []), false, true, true, ...diary.map((column) => column.fixed), false],
    grow: text,
    limitLines: (lines, column, width) => (column === text ? cutLines(lines, options, width) : lines),
  };
}

export const reviewsTable = (reviews: readonly Review[], options: ShowOptions): string => renderTable(reviewsSpec(reviews, options));

/**
 * `films show`: details, synopsis, rating histogram, then the newest reviews, a piece at a time
 * (a film of thousands of reviews with --all shows its first screen before the rest is drawn).
 */
export function* filmPieces(film: Film, options: ShowOptions): Generator<string> {
  const mine = options.you === undefined ? null : yourFilm(film, options.you);
  const others = othersRating(film, options.you ?? null);
  const untouched = mine !== null && mine.rating === null && !mine.watched;
  const howTo = untouched
    ? `\n${hint(`You have not rated or logged it: 'films rate ${film.slug} <1–10>' or 'films log ${film.slug}'.`, options)}`
    : '';
  const parts = [`${detailsTable(film, others, mine, options)}${howTo}`];
  if (film.synopsis) parts.push(wrapText(safeText(film.synopsis), options.width).join('\n'));
  if (others.count > 0) {
    const title = mine ? "Others' ratings" : 'Ratings';
    parts.push(
      `${options.color.bold(title)}\n${renderHistogram(others.histogram, { ...options, width: Math.min(options.width, HISTOGRAM_WIDTH) })}`,
    );
  }
  yield `${parts.join('\n\n')}\n`;
  const shown = options.limit === null ? film.reviews : film.reviews.slice(0, options.limit);
  if (shown.length > 0) {
    yield '\n';
    yield* tablePieces(reviewsSpec(shown, options));
  }
  const hidden = film.reviews.length - shown.length;
  if (hidden > 0) yield `\n${hint(`${plural(hidden, 'more review')} — --all shows them, or --limit N`, options)}\n`;
  else if (film.reviews.length === 0) yield `\n${hint('No reviews yet.', options)}\n`;
}

export const renderFilm = (film: Film, options: ShowOptions): string => [...filmPieces(film, options)].join('');
