import type { Review } from './model.js';
import { countedRatings } from './ratings.js';

export type Histogram = Record<'1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' | '10', number>;

export interface RatingSummary {
  average: number | null;
  count: number;
  histogram: Histogram;
}

/** Ratings counted one at a time: the one place the average and the histogram are computed. */
export class RatingTally {
  private readonly histogram: Histogram = { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0, '6': 0, '7': 0, '8': 0, '9': 0, '10': 0 };
  private sum = 0;
  private count = 0;

  add(rating: number | null): void {
    if (rating === null) return;
    this.histogram[String(rating) as keyof Histogram] += 1;
    this.sum += rating;
    this.count += 1;
  }

  /** The average has two decimals; null without ratings. */
  summary(): RatingSummary {
    const { count, sum } = this;
    return { average: count ? Math.round((sum / count) * 100) / 100 : null, count, histogram: { ...this.histogram } };
  }
}

/** Our rating of a film, computed from the reviews that carry one, each rating once (see countedRatings). */
export function ratingSummary(reviews: readonly Review[]): RatingSummary {
  const tally = new RatingTally();
  for (const { rating } of countedRatings(reviews)) tally.add(rating);
  return tally.summary();
}
