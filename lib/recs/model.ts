/**
 * Recommenders over a customer × product matrix, pure (no database): the store's training job and
 * the offline CLI share this code. EASE (Steck 2019, "Embarrassingly Shallow Autoencoders") is the
 * model; item-kNN (cosine) and popularity are the baselines it is measured against.
 */
/**
 * Long computations are written as generators that yield between small pieces of work: the CLI
 * drains them at once (`runSteps`), the web server in time slices (`runStepsAsync`) so a training
 * run inside an app instance never holds up its requests for more than a slice.
 */
export type Steps<T> = Generator<void, T, void>;

export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

export async function runStepsAsync<T>(steps: Steps<T>, sliceMs = 20): Promise<T> {
  let t = performance.now();
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    if (performance.now() - t >= sliceMs) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      t = performance.now();
    }
  }
}

export type Interaction = { user: string; item: string; weight: number };

export type Dataset = {
  users: string[];
  items: string[];
  /** Per user (index), the items (indices) and weights, sorted by item index. */
  rows: { items: Int32Array; weights: Float64Array }[];
  /** Distinct users per item. */
  itemUsers: Int32Array;
};

/** Builds the matrix; several interactions with one item add up. `maxItems` keeps the most-bought items. */
export function buildDataset(interactions: Iterable<Interaction>, opts: { maxItems?: number } = {}): Dataset {
  const byUser = new Map<string, Map<string, number>>();
  const usersOf = new Map<string, number>();
  for (const { user, item, weight } of interactions) {
    if (!(weight > 0)) continue;
    let m = byUser.get(user);
    if (!m) byUser.set(user, (m = new Map()));
    if (!m.has(item)) usersOf.set(item, (usersOf.get(item) ?? 0) + 1);
    m.set(item, (m.get(item) ?? 0) + weight);
  }
  let items = [...usersOf.keys()].sort((a, b) => usersOf.get(b)! - usersOf.get(a)! || (a < b ? -1 : 1));
  if (opts.maxItems && items.length > opts.maxItems) items = items.slice(0, opts.maxItems);
  const itemIndex = new Map(items.map((it, i) => [it, i]));
  const users = [...byUser.keys()].sort();
  const rows = users.map((u) => {
    const pairs = [...byUser.get(u)!]
      .filter(([it]) => itemIndex.has(it))
      .map(([it, w]) => [itemIndex.get(it)!, w] as const)
      .sort((a, b) => a[0] - b[0]);
    return { items: Int32Array.from(pairs.map((p) => p[0])), weights: Float64Array.from(pairs.map((p) => p[1])) };
  });
  return { users, items, rows, itemUsers: Int32Array.from(items.map((it) => usersOf.get(it)!)) };
}

/** Xᵀ·X as a dense n×n matrix (row-major). */
export function gram(ds: Dataset, binary = false): Float64Array {
  const n = ds.items.length;
  const g = new Float64Array(n * n);
  for (const { items, weights } of ds.rows) {
    for (let a = 0; a < items.length; a++) {
      const wa = binary ? 1 : weights[a]!;
      const off = items[a]! * n;
      for (let b = 0; b < items.length; b++) g[off + items[b]!]! += wa * (binary ? 1 : weights[b]!);
    }
  }
  return g;
}

/**
 * In-place inverse of a symmetric positive-definite matrix (no pivoting needed: EASE adds λ to the
 * diagonal). Rows with a zero multiplier are skipped, which the sparse co-occurrence of real
 * baskets makes common.
 */
export function invertSpd(a: Float64Array, n: number): Float64Array {
  return runSteps(invertSpdSteps(a, n));
}

/**
 * `invertSpd` as steps (one per pivot), so a server can run it between requests (`runStepsAsync`).
 * The sweep operator (Goodnight 1979) keeps the matrix symmetric at every step, so only the upper
 * triangle is updated: n³/2 multiply-adds instead of Gauss–Jordan's n³. After sweeping every pivot
 * the matrix holds −A⁻¹; it is negated and mirrored at the end.
 */
export function* invertSpdSteps(a: Float64Array, n: number): Steps<Float64Array> {
  for (let k = 0; k < n; k++) {
    const prow = a.subarray(k * n, k * n + n);
    // Row k's left part is stale (only the upper triangle is kept): refresh it from column k.
    for (let j = 0; j < k; j++) prow[j] = a[j * n + k]!;
    const d = prow[k]!;
    if (!(Math.abs(d) > 1e-12)) throw new Error("matrix is singular");
    for (let i = 0; i < n; i++) {
      if (i === k) continue;
      const aik = prow[i]!; // a_ik = a_ki (symmetric)
      if (aik === 0) continue;
      const f = aik / d;
      // Row views keep the inner loop free of index arithmetic.
      const row = a.subarray(i * n, i * n + n);
      for (let j = i; j < n; j++) row[j]! -= f * prow[j]!;
      if (i < k) row[k] = f; // a_ik / d, kept in the upper triangle
    }
    for (let j = k + 1; j < n; j++) prow[j]! /= d;
    prow[k] = -1 / d;
    yield;
  }
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      const v = -a[i * n + j]!;
      a[i * n + j] = v;
      a[j * n + i] = v;
    }
  }
  return a;
}

export interface Model {
  name: string;
  /** Scores of every item for one user (index into the dataset). */
  score(user: number): Float64Array;
}

/** EASE: B = I − P·diag(1/diag(P)), P = (XᵀX + λI)⁻¹, diag(B) = 0; score(u) = x_u·B. */
export function trainEase(ds: Dataset, lambda = 250): Model & { b: Float64Array } {
  return runSteps(trainEaseSteps(ds, lambda));
}

export function* trainEaseSteps(ds: Dataset, lambda = 250): Steps<Model & { b: Float64Array }> {
  const n = ds.items.length;
  const p = gram(ds);
  yield;
  for (let i = 0; i < n; i++) p[i * n + i]! += lambda;
  yield* invertSpdSteps(p, n);
  const b = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) b[i * n + j] = i === j ? 0 : -p[i * n + j]! / p[j * n + j]!;
    if (i % 64 === 63) yield;
  }
  return { name: "EASE", b, score: (u) => scoreLinear(ds, b, u) };
}

function scoreLinear(ds: Dataset, m: Float64Array, u: number): Float64Array {
  const n = ds.items.length;
  const s = new Float64Array(n);
  const { items, weights } = ds.rows[u]!;
  for (let a = 0; a < items.length; a++) {
    const off = items[a]! * n;
    const w = weights[a]!;
    for (let j = 0; j < n; j++) s[j]! += w * m[off + j]!;
  }
  return s;
}

/** Item-kNN: cosine similarity of items' buyer sets, the `k` nearest kept per item. */
export function trainItemKnn(ds: Dataset, k = 50): Model & { sim: Float64Array } {
  return runSteps(trainItemKnnSteps(ds, k));
}

export function* trainItemKnnSteps(ds: Dataset, k = 50): Steps<Model & { sim: Float64Array }> {
  const n = ds.items.length;
  const co = gram(ds, true);
  yield;
  const sim = new Float64Array(n * n);
  const row = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) row[j] = i === j ? 0 : co[i * n + j]! / Math.sqrt(co[i * n + i]! * co[j * n + j]! || 1);
    const keep = topIndices(row, k);
    for (const j of keep) sim[i * n + j] = row[j]!;
    if (i % 64 === 63) yield;
  }
  return { name: "item-kNN", sim, score: (u) => scoreLinear(ds, sim, u) };
}

/** Popularity: the same ranking for everyone (distinct buyers per product). */
export function trainPopularity(ds: Dataset): Model {
  const s = Float64Array.from(ds.itemUsers);
  return { name: "popularity", score: () => Float64Array.from(s) };
}

/** Indices of the `k` highest scores (ties by lower index), skipping `exclude` and non-positive scores when asked. */
export function topIndices(scores: Float64Array, k: number, exclude?: Set<number> | Int32Array, positiveOnly = false): number[] {
  const skip = exclude instanceof Int32Array ? new Set(exclude) : exclude;
  const best: number[] = [];
  for (let j = 0; j < scores.length; j++) {
    const v = scores[j]!;
    if (skip?.has(j) || (positiveOnly && !(v > 0))) continue;
    if (best.length < k) {
      best.push(j);
      if (best.length === k) best.sort((a, b) => scores[b]! - scores[a]! || a - b);
      continue;
    }
    const last = best[k - 1]!;
    if (v > scores[last]! || (v === scores[last]! && j < last)) {
      let pos = k - 1;
      while (pos > 0 && (scores[best[pos - 1]!]! < v || (scores[best[pos - 1]!]! === v && best[pos - 1]! > j))) pos--;
      best.splice(pos, 0, j);
      best.pop();
    }
  }
  if (best.length < k) best.sort((a, b) => scores[b]! - scores[a]! || a - b);
  return best;
}

/** Top-k unseen items for a user, with popularity filling in when the model has fewer than k positive scores. */
export function recommend(ds: Dataset, model: Model, user: number, k: number, fallback?: Float64Array): number[] {
  const seen = new Set(ds.rows[user]!.items);
  const picks = topIndices(model.score(user), k, seen, true);
  if (picks.length < k && fallback) {
    const more = topIndices(fallback, k, new Set([...seen, ...picks]));
    picks.push(...more.slice(0, k - picks.length));
  }
  return picks;
}
