import { describe, expect, it } from "vitest";
import { evaluate } from "./metrics";
import { buildDataset, gram, invertSpd, invertSpdSteps, runStepsAsync, recommend, topIndices, trainEase, trainItemKnn, trainPopularity, type Interaction } from "./model";

const baskets: Record<string, string[]> = {
  u1: ["a", "b"],
  u2: ["a", "b", "c"],
  u3: ["b", "c"],
  u4: ["c", "d"],
};
const data: Interaction[] = Object.entries(baskets).flatMap(([user, items]) => items.map((item) => ({ user, item, weight: 1 })));

describe("linear algebra", () => {
  it("inverts a symmetric positive-definite matrix", () => {
    const a = Float64Array.from([4, 2, 2, 3]);
    invertSpd(a, 2);
    // inverse of [[4,2],[2,3]] = 1/8 · [[3,-2],[-2,4]]
    expect([...a].map((v) => +v.toFixed(6))).toEqual([0.375, -0.25, -0.25, 0.5]);
    const b = Float64Array.from([2, -1, 0, -1, 2, -1, 0, -1, 2]);
    invertSpd(b, 3);
    expect([...b].map((v) => +v.toFixed(6))).toEqual([0.75, 0.5, 0.25, 0.5, 1, 0.5, 0.25, 0.5, 0.75]);
  });

  it("builds the co-occurrence matrix XᵀX", () => {
    const ds = buildDataset(data);
    // Items by buyers: b (3), c (3), a (2), d (1).
    expect(ds.items).toEqual(["b", "c", "a", "d"]);
    expect([...gram(ds)]).toEqual([3, 2, 2, 0, 2, 3, 1, 1, 2, 1, 2, 0, 0, 1, 0, 1]);
  });
});

describe("models", () => {
  it("EASE matches the closed form on a tiny matrix", () => {
    const ds = buildDataset(data);
    const lambda = 1;
    const ease = trainEase(ds, lambda);
    // Checked by its defining property rather than a printed matrix:
    const n = 4;
    const g = gram(ds);
    for (let i = 0; i < n; i++) g[i * n + i]! += lambda;
    // B = I − P diag(1/diag P) ⇒ (G+λI)·B = (G+λI) − diag(1/diag P): off-diagonal entries of (G+λI)·B are equal to those of (G+λI).
    for (let i = 0; i < n; i++) {
      expect(ease.b[i * n + i]).toBe(0);
      for (let j = 0; j < n; j++) {
        if (i === j) continue;
        let v = 0;
        for (let m = 0; m < n; m++) v += g[i * n + m]! * ease.b[m * n + j]!;
        expect(v).toBeCloseTo(g[i * n + j]!, 9);
      }
    }
    // u1 bought a and b; c (bought with both) ranks above d (never with them).
    const u1 = ds.users.indexOf("u1");
    const s = ease.score(u1);
    expect(s[1]).toBeGreaterThan(0); // c
    expect(s[1]).toBeGreaterThan(s[3]!); // c over d
    expect(ds.items[recommend(ds, ease, u1, 1)[0]!]).toBe("c");
  });

  it("item-kNN scores by cosine similarity of buyer sets", () => {
    const ds = buildDataset(data);
    const knn = trainItemKnn(ds, 10);
    const n = ds.items.length;
    const [b, c, a, d] = [0, 1, 2, 3];
    expect(knn.sim[a * n + b]).toBeCloseTo(2 / Math.sqrt(2 * 3));
    expect(knn.sim[c * n + d]).toBeCloseTo(1 / Math.sqrt(3 * 1));
    expect(knn.sim[a * n + d]).toBe(0);
    const u4 = ds.users.indexOf("u4"); // c, d → b (with c twice) before a
    const s = knn.score(u4);
    expect(s[b]).toBeCloseTo(2 / 3);
    expect(s[a]).toBeCloseTo(1 / Math.sqrt(6));
    expect(recommend(ds, knn, u4, 2)).toEqual([b, a]);
  });

  it("popularity ranks by distinct buyers and never repeats what was bought", () => {
    const ds = buildDataset(data);
    const pop = trainPopularity(ds);
    expect(recommend(ds, pop, ds.users.indexOf("u4"), 2).map((j) => ds.items[j])).toEqual(["b", "a"]);
  });

  it("topIndices keeps order and ties by index", () => {
    expect(topIndices(Float64Array.from([1, 5, 3, 5, 0]), 3)).toEqual([1, 3, 2]);
    expect(topIndices(Float64Array.from([1, 5, 3, 5, 0]), 3, new Set([1]))).toEqual([3, 2, 0]);
    expect(topIndices(Float64Array.from([0, -1, 2]), 3, undefined, true)).toEqual([2]);
  });
});

describe("metrics", () => {
  it("hit rate, recall, NDCG and coverage match a hand computation", () => {
    const ds = buildDataset(data);
    const pop = trainPopularity(ds);
    // Popularity ranking: b, c, a, d. u1 (has a, b) gets [c, d]; u4 (has c, d) gets [b, a].
    const truth = new Map([
      [ds.users.indexOf("u1"), new Set(["d", "zz"])], // hit at rank 2 of 2
      [ds.users.indexOf("u4"), new Set(["e"])], // miss
    ]);
    const r = evaluate(ds, pop, truth, 2);
    expect(r.users).toBe(2);
    expect(r.hitRate).toBe(0.5);
    expect(r.recall).toBeCloseTo((1 / 2 + 0) / 2);
    // u1: DCG = 1/log2(3); IDCG = 1 + 1/log2(3)
    expect(r.ndcg).toBeCloseTo((1 / Math.log2(3) / (1 + 1 / Math.log2(3)) + 0) / 2);
    expect(r.coverage).toBe(1); // c, d, b, a: all four products shown
  });
});

describe("inverse on a larger matrix", () => {
  it("A · A⁻¹ = I for a random sparse-ish SPD matrix (XᵀX + λI, as EASE builds it)", () => {
    const n = 30,
      rows = 60;
    let seed = 7;
    const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const x = Array.from({ length: rows }, () => Array.from({ length: n }, () => (rnd() < 0.2 ? 1 + Math.floor(rnd() * 3) : 0)));
    const a = new Float64Array(n * n);
    for (const r of x) for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) a[i * n + j]! += r[i]! * r[j]!;
    for (let i = 0; i < n; i++) a[i * n + i]! += 2;
    const inv = invertSpd(Float64Array.from(a), n);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        let v = 0;
        for (let m = 0; m < n; m++) v += a[i * n + m]! * inv[m * n + j]!;
        expect(v).toBeCloseTo(i === j ? 1 : 0, 9);
      }
    }
  });
});

describe("time-sliced training", () => {
  it("gives the same inverse in slices and lets other work run between them", async () => {
    const n = 40;
    const m = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) m[i * n + j] = i === j ? n : 1 / (1 + Math.abs(i - j));
    const sync = invertSpd(Float64Array.from(m), n);
    let ranBetween = false;
    setImmediate(() => (ranBetween = true));
    const sliced = await runStepsAsync(invertSpdSteps(Float64Array.from(m), n), 0);
    expect(ranBetween).toBe(true);
    expect(Array.from(sliced)).toEqual(Array.from(sync));
  });
});
