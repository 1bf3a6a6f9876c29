import { describe, expect, it } from "vitest";
import { diffOfMeans, diffOfProportions } from "./stats";

describe("confidence intervals for the lift", () => {
  it("differences two proportions with a Wald interval", () => {
    // 120/1000 vs 100/1000: diff 0.02, se = sqrt(.12·.88/1000 + .10·.90/1000) = 0.013964...
    const i = diffOfProportions(120, 1000, 100, 1000)!;
    expect(i.diff).toBeCloseTo(0.02, 12);
    expect(i.high - i.diff).toBeCloseTo(1.959963984540054 * Math.sqrt((0.12 * 0.88 + 0.1 * 0.9) / 1000), 12);
    expect(i.low).toBeLessThan(0);
    expect(i.relative).toBeCloseTo(0.2, 12);
  });

  it("differences two means from count, sum and sum of squares (Welch)", () => {
    const a = [10, 12, 14];
    const b = [8, 9, 10, 13];
    const m = (xs: number[]) => ({ n: xs.length, sum: xs.reduce((s, x) => s + x, 0), sumSq: xs.reduce((s, x) => s + x * x, 0) });
    // Sample variances: a → 4, b → 14/3.
    const i = diffOfMeans(m(a), m(b))!;
    expect(i.diff).toBeCloseTo(12 - 10, 12);
    expect(i.high - i.diff).toBeCloseTo(1.959963984540054 * Math.sqrt(4 / 3 + 14 / 3 / 4), 12);
  });

  it("gives no interval for an empty group or a single value", () => {
    expect(diffOfProportions(1, 10, 0, 0)).toBeNull();
    expect(diffOfMeans({ n: 1, sum: 5, sumSq: 25 }, { n: 3, sum: 6, sumSq: 14 })).toBeNull();
  });
});
