import { recommend, type Dataset, type Model } from "./model";

export type EvalResult = { model: string; users: number; hitRate: number; recall: number; ndcg: number; coverage: number };

/**
 * Top-k metrics over the users with held-out purchases. `truth` holds, per user index, the product
 * codes they bought after the split and had not bought before (codes the model never saw count
 * too: they are misses for every model alike).
 *   HitRate@k = share of users with at least one hit
 *   Recall@k  = hits / |truth|, averaged over users
 *   NDCG@k    = Σ hits 1/log2(rank+1) / Σ_{r ≤ min(k,|truth|)} 1/log2(r+1), averaged
 *   coverage  = distinct products recommended / products in the training data
 */
export function evaluate(ds: Dataset, model: Model, truth: Map<number, Set<string>>, k: number, fallback?: Float64Array): EvalResult {
  let hits = 0,
    recall = 0,
    ndcg = 0;
  const shown = new Set<number>();
  for (const [u, items] of truth) {
    const recs = recommend(ds, model, u, k, fallback);
    let dcg = 0,
      found = 0;
    recs.forEach((j, r) => {
      shown.add(j);
      if (items.has(ds.items[j]!)) {
        found++;
        dcg += 1 / Math.log2(r + 2);
      }
    });
    let idcg = 0;
    for (let r = 0; r < Math.min(k, items.size); r++) idcg += 1 / Math.log2(r + 2);
    if (found) hits++;
    recall += found / items.size;
    ndcg += idcg ? dcg / idcg : 0;
  }
  const n = truth.size || 1;
  return { model: model.name, users: truth.size, hitRate: hits / n, recall: recall / n, ndcg: ndcg / n, coverage: shown.size / (ds.items.length || 1) };
}
