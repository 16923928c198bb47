import { groupDigits, plural } from '../domain/numbers.js';
import { RATING_MAX } from '../domain/rules.js';
import type { Histogram } from '../domain/rating.js';
import type { Count, Stats, YearStats } from '../domain/stats.js';
import { MONTHS } from './diary.js';
import type { Look } from './glyphs.js';
import { hint } from './hint.js';
import { safeText } from './safe-text.js';
import { displayWidth, truncate, widest, wrapLines, wrapText } from './width.js';

export interface StatsRenderOptions extends Look {
  title: string;
  /** The stats of one film (`films stats <film>`): no count of films, nor charts of its one genre list and country list. */
  oneFilm?: boolean;
}

const MAX_LABEL = 24;
/** The least room a bar keeps beside its label, however narrow the terminal: labels are cut first. */
const MIN_BAR = 5;

/** Horizontal bars scaled to the widest count, labels and counts aligned, every line within `width`. */
export function barChart(rows: readonly Count[], options: Look): string {
  if (rows.length === 0) return options.color.dim('  (none)');
  const most = rows.reduce((largest, row) => Math.max(largest, row.count), 1);
  const countWidth = String(most).length;
  const maxLabel = Math.max(1, Math.min(MAX_LABEL, options.width - 2 - 1 - MIN_BAR - 1 - countWidth));
  const labels = rows.map((row) => truncate(safeText(row.name), maxLabel, options.glyphs.ellipsis));
  const labelWidth = widest(labels);
  const room = Math.max(1, options.width - 2 - labelWidth - 1 - 1 - countWidth);
  const bar = options.glyphs.bar;
  return rows
    .map((row, i) => {
      const length = row.count ? Math.max(1, Math.round((row.count / most) * room)) : 0;
      const label = `${labels[i]}${' '.repeat(labelWidth - displayWidth(labels[i] as string))}`;
      return `  ${label} ${options.color.cyan(bar.repeat(length))}${' '.repeat(room - length)} ${String(row.count).padStart(countWidth)}`;
    })
    .join('\n');
}

/** Charts wider than this only spread thin. */
const MAX_CHART_WIDTH = 80;

/** A histogram as chart rows, 10 at the top. */
const ratingRows = (histogram: Histogram): Count[] =>
  Array.from({ length: RATING_MAX }, (_, i) => String(RATING_MAX - i)).map((name) => ({ name, count: histogram[name as keyof Histogram] }));

/** The pieces every stats page is drawn with, at the chart's width. */
function page(given: StatsRenderOptions) {
  const options = { ...given, width: Math.min(given.width, MAX_CHART_WIDTH) };
  const rule = options.glyphs.rule.repeat(Math.min(options.width, 60));
  return {
    title: `${wrapText(options.glyphs.text(safeText(options.title)), options.width)
      .map((line) => options.color.bold(line))
      .join('\n')}\n${rule}`,
    section: (title: string, body: string): string => `${options.color.bold(title)}\n${body}`,
    chart: (rows: readonly Count[]): string => barChart(rows, options),
    none: (text: string): string => options.color.dim(`  (${text})`),
    counts: (lines: readonly string[]): string => wrapLines(lines.join('\n'), options.width),
  };
}

const average = (value: number | null): string => (value === null ? 'none yet' : `${value}/${RATING_MAX}`);

/** `films stats`: the counts, then one chart per section. */
export function renderStats(stats: Stats, options: StatsRenderOptions): string {
  const { title, section, chart, none, counts: countLines } = page(options);
  const catalogue = !options.oneFilm;
  const counts = [
    ...(catalogue ? [`  films    ${groupDigits(stats.films)}`] : []),
    `  reviews  ${groupDigits(stats.reviews)}`,
    `  ratings  ${groupDigits(stats.ratings)} (average ${average(stats.averageRating)})`,
    `  authors  ${groupDigits(stats.authors)}`,
  ];
  const parts = [
    title,
    countLines(counts),
    section('Ratings', stats.ratings ? chart(ratingRows(stats.histogram)) : none('no ratings yet')),
    section('Reviews per year', chart(stats.reviewsPerYear)),
    ...(catalogue ? [section('Top genres (films)', chart(stats.genres)), section('Top countries (films)', chart(stats.countries))] : []),
    section('Most active authors (reviews)', chart(stats.topAuthors)),
  ];
  return `${parts.join('\n\n')}\n`;
}

/** `films stats --year`: a person's year in films, from their diary. */
export function renderYear(stats: YearStats, options: Look): string {
  const { title, section, chart, none, counts: countLines } = page({ ...options, title: `${stats.year} in films — ${stats.author}` });
  if (stats.entries === 0) {
    return `${title}\n${hint(`No diary entries in ${stats.year} — log a film with 'films log <film>'.`, options)}\n`;
  }
  const counts = [
    `  watches  ${stats.entries} (${plural(stats.films, 'film')})`,
    `  ratings  ${stats.ratings} (average ${average(stats.averageRating)})`,
    `  liked    ${stats.liked}`,
  ];
  const months = stats.months.map((month, i) => ({ name: MONTHS[i] ?? month.name, count: month.count }));
  const watches = [
    { name: 'first watches', count: stats.firstWatches },
    { name: 'rewatches', count: stats.rewatches },
  ];
  const parts = [
    title,
    countLines(counts),
    section('Watches per month', chart(months)),
    section('First watches and rewatches', chart(watches)),
    section('Ratings', stats.ratings ? chart(ratingRows(stats.histogram)) : none('no ratings')),
    section('Most used tags', stats.tags.length ? chart(stats.tags) : none('no tags')),
  ];
  return `${parts.join('\n\n')}\n`;
}
