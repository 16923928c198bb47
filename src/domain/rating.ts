import type { Review } from './model.js';

export const RATING_MIN = 1;
export const RATING_MAX = 10;

export type Histogram = Record<'1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' | '10', number>;

export interface RatingSummary {
  average: number | null;
  count: number;
  histogram: Histogram;
}

export function emptyHistogram(): Histogram {
  return { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0, '6': 0, '7': 0, '8': 0, '9': 0, '10': 0 };
}

/** Our rating of a film, computed from the reviews that carry one; the average has two decimals. */
export function ratingSummary(reviews: readonly Review[]): RatingSummary {
  const histogram = emptyHistogram();
  let sum = 0;
  let count = 0;
  for (const { rating } of reviews) {
    if (rating === null) continue;
    histogram[String(rating) as keyof Histogram] += 1;
    sum += rating;
    count += 1;
  }
  return { average: count ? Math.round((sum / count) * 100) / 100 : null, count, histogram };
}
