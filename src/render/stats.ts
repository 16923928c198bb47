import type { ChalkInstance } from 'chalk';
import { RATING_MAX } from '../domain/rules.js';
import type { Count, Stats } from '../domain/stats.js';
import { safeText } from './safe-text.js';
import { displayWidth, truncate, widest } from './width.js';

export interface StatsRenderOptions {
  width: number;
  color: ChalkInstance;
  /** Plain ASCII bars and rules for terminals without Unicode. */
  ascii: boolean;
  title: string;
}

const MAX_LABEL = 24;

/** Horizontal bars scaled to the widest count, labels and counts aligned, every line within `width`. */
export function barChart(rows: readonly Count[], options: Pick<StatsRenderOptions, 'width' | 'color' | 'ascii'>): string {
  if (rows.length === 0) return options.color.dim('  (none)');
  const labels = rows.map((row) => truncate(safeText(row.name), MAX_LABEL));
  const labelWidth = widest(labels);
  const most = rows.reduce((largest, row) => Math.max(largest, row.count), 1);
  const countWidth = String(most).length;
  const room = Math.max(1, options.width - 2 - labelWidth - 1 - 1 - countWidth);
  const bar = options.ascii ? '#' : '█';
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

/** `films stats`: the counts, then one chart per section. */
export function renderStats(stats: Stats, given: StatsRenderOptions): string {
  const options = { ...given, width: Math.min(given.width, MAX_CHART_WIDTH) };
  const rule = (options.ascii ? '-' : '─').repeat(Math.min(options.width, 60));
  const section = (title: string, body: string): string => `${options.color.bold(title)}\n${body}`;
  const average = stats.averageRating === null ? 'none yet' : `${stats.averageRating}/${RATING_MAX}`;
  const counts = [
    `  films    ${stats.films}`,
    `  reviews  ${stats.reviews}`,
    `  ratings  ${stats.ratings} (average ${average})`,
    `  authors  ${stats.authors}`,
  ].join('\n');
  const ratingRows = Array.from({ length: RATING_MAX }, (_, i) => String(RATING_MAX - i)).map((name) => ({
    name,
    count: stats.histogram[name as keyof Stats['histogram']],
  }));
  const chart = (rows: readonly Count[]): string => barChart(rows, options);
  const parts = [
    `${options.color.bold(safeText(options.title))}\n${rule}`,
    counts,
    section('Ratings', stats.ratings ? chart(ratingRows) : options.color.dim('  (no ratings yet)')),
    section('Reviews per year', chart(stats.reviewsPerYear)),
    section('Top genres (films)', chart(stats.genres)),
    section('Top countries (films)', chart(stats.countries)),
    section('Most active authors (reviews)', chart(stats.topAuthors)),
  ];
  return `${parts.join('\n\n')}\n`;
}
