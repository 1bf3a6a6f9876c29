/** A difference (treatment − control) with its 95% confidence interval and the relative lift. */
export type Interval = { diff: number; low: number; high: number; relative: number | null };

const Z95 = 1.959963984540054;

/** Difference of two proportions, Wald interval (the groups are large; null when a group is empty). */
export function diffOfProportions(x1: number, n1: number, x0: number, n0: number): Interval | null {
  if (n1 <= 0 || n0 <= 0) return null;
  const p1 = x1 / n1;
  const p0 = x0 / n0;
  const se = Math.sqrt((p1 * (1 - p1)) / n1 + (p0 * (1 - p0)) / n0);
  const diff = p1 - p0;
  return { diff, low: diff - Z95 * se, high: diff + Z95 * se, relative: p0 > 0 ? diff / p0 : null };
}

export type Moments = { n: number; sum: number; sumSq: number };

/** Difference of two means from count, sum and sum of squares (Welch's standard error); needs two values per group. */
export function diffOfMeans(a: Moments, b: Moments): Interval | null {
  if (a.n < 2 || b.n < 2) return null;
  const mean = (m: Moments) => m.sum / m.n;
  const variance = (m: Moments) => Math.max(0, (m.sumSq - (m.sum * m.sum) / m.n) / (m.n - 1));
  const se = Math.sqrt(variance(a) / a.n + variance(b) / b.n);
  const diff = mean(a) - mean(b);
  return { diff, low: diff - Z95 * se, high: diff + Z95 * se, relative: mean(b) !== 0 ? diff / mean(b) : null };
}
