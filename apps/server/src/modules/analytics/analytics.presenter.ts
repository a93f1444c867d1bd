import type { CreatorAnalytics } from '@nano/contracts';
import type { FigureSums } from './analytics.repository.ts';

type Figures = CreatorAnalytics['totals'];

/** A day or a Nano without any rollup row. */
export const NO_FIGURES: FigureSums = {
  views: 0,
  unique_viewers: 0,
  downloads: 0,
  favorites: 0,
  ratings_count: 0,
  ratings_sum: 0,
};

/** Adds up rollup figures (totals over the days of a range). */
export function addFigures(rows: FigureSums[]): FigureSums {
  const total = { ...NO_FIGURES };
  for (const row of rows) {
    for (const key of Object.keys(total) as Array<keyof FigureSums>) {
      total[key] += Number(row[key]);
    }
  }
  return total;
}

/** Rollup sums as the API shows them; the average of no ratings is null, not 0. */
export function presentFigures(row: FigureSums): Figures {
  const ratingsCount = Number(row.ratings_count);
  return {
    views: Number(row.views),
    uniqueViewers: Number(row.unique_viewers),
    downloads: Number(row.downloads),
    favorites: Number(row.favorites),
    ratingsCount,
    ratingAverage: ratingsCount === 0 ? null : Number(row.ratings_sum) / ratingsCount,
  };
}

/** Ratings per star (index 0 = 1 star) of one Nano, from `(score, count)` rows. */
export function distributionOf(rows: Array<{ score: number; count: number }>): number[] {
  const distribution = [0, 0, 0, 0, 0];
  for (const row of rows) {
    const index = Number(row.score) - 1;
    if (index >= 0 && index < distribution.length) {
      distribution[index] = (distribution[index] ?? 0) + Number(row.count);
    }
  }
  return distribution;
}

/** Count and average of a distribution (null average when there are no ratings). */
export function summarise(distribution: number[]): { count: number; average: number | null } {
  let count = 0;
  let sum = 0;
  distribution.forEach((n, index) => {
    count += n;
    sum += n * (index + 1);
  });
  return { count, average: count === 0 ? null : sum / count };
}
