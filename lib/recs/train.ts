import { expirePersonal } from "@/lib/cache/expire";
import { sql } from "drizzle-orm";
import { recsForUser, recsNeighbours, recsRuns } from "@/db/schema";
import type { Db } from "@/lib/db";
import { buildDataset, runStepsAsync, topIndices, trainEaseSteps, trainItemKnnSteps, type Interaction } from "./model";
import { saleOrder } from "@/lib/orders/sql";

export const TRAIN_DEFAULTS = {
  /** Products kept in the model (most bought first): EASE inverts an n×n matrix, n³ work. */
  maxItems: 1500,
  lambda: 250,
  /** A purchase weighs 3, a cart add 2, a view 1, halved every `halfLifeDays` before the latest interaction. */
  halfLifeDays: 180,
  perUser: 24,
  neighbours: 12,
};

/** Weighted customer × product interactions from orders (imported and web), carts and CDP events, in SQL. */
export async function loadInteractions(db: Db, halfLifeDays = TRAIN_DEFAULTS.halfLifeDays): Promise<Interaction[]> {
  const { rows } = await db.execute<{ u: number; p: number; w: number }>(sql`
    with src as (
      select o.user_id, l.product_id, 3.0::float8 as w, o.placed_at as at
      from orders o join order_lines l on l.order_id = o.id
      where ${saleOrder("o")} and l.kind = 'product' and l.product_id is not null and o.user_id is not null
      union all
      select c.user_id, cl.product_id, 2.0, cl.added_at from carts c join cart_lines cl on cl.cart_id = c.id where c.user_id is not null
      union all
      select e.user_id, (e.properties->>'product_id')::int, case when e.event = 'Product Added' then 2.0 else 1.0 end, e."timestamp"
      from cdp_events e
      where e.user_id is not null and e.event in ('Product Viewed', 'Product Added') and e.properties->>'product_id' ~ '^[0-9]{1,9}$'
    ),
    latest as (select max(at) as t from src)
    select s.user_id as u, s.product_id as p,
      -- Capped so a wholesaler's hundred repeat orders of one item do not drown everyone else's signal.
      least(10, sum(s.w * power(0.5, extract(epoch from (l.t - s.at)) / 86400.0 / ${halfLifeDays})))::float8 as w
    from src s cross join latest l
    join users u on u.id = s.user_id and u.role = 'customer'
    join products p on p.id = s.product_id
    group by s.user_id, s.product_id`);
  return rows.map((r) => ({ user: String(r.u), item: String(r.p), weight: Number(r.w) }));
}

/**
 * `npm run recs:train`: EASE on the interactions, then per customer the top-N products with the
 * product that contributed most ("because you bought"), and per product its neighbours, written
 * to tables in one transaction (readers see the old or the new lists, never half).
 */
export async function trainAndStore(db: Db, opts: Partial<typeof TRAIN_DEFAULTS> = {}) {
  const o = { ...TRAIN_DEFAULTS, ...opts };
  const started = performance.now();
  const interactions = await loadInteractions(db, o.halfLifeDays);
  const loadMs = performance.now() - started;
  const ds = buildDataset(interactions, { maxItems: o.maxItems });
  // CPU-bound: in time slices, so an app instance running the scheduled job keeps serving.
  const ease = await runStepsAsync(trainEaseSteps(ds, o.lambda));
  const knn = await runStepsAsync(trainItemKnnSteps(ds, o.neighbours));
  const fitMs = performance.now() - started - loadMs;
  const n = ds.items.length;
  const id = (j: number) => Number(ds.items[j]);

  // Scoring every customer and product is CPU-bound too: the same time slices.
  const userRows = await runStepsAsync(
    (function* () {
      const rows: (typeof recsForUser.$inferInsert)[] = [];
      for (let u = 0; u < ds.users.length; u++) {
        const scores = ease.score(u);
        const { items, weights } = ds.rows[u]!;
        topIndices(scores, o.perUser, undefined, true).forEach((j, r) => {
          let best = -1,
            bestV = 0;
          for (let a = 0; a < items.length; a++) {
            const v = weights[a]! * ease.b[items[a]! * n + j]!;
            if (items[a] !== j && v > bestV) {
              bestV = v;
              best = items[a]!;
            }
          }
          rows.push({ userId: Number(ds.users[u]), rank: r + 1, productId: id(j), score: scores[j]!, becauseProductId: best >= 0 ? id(best) : null });
        });
        yield;
      }
      return rows;
    })(),
  );
  const neighbourRows = await runStepsAsync(
    (function* () {
      const rows: (typeof recsNeighbours.$inferInsert)[] = [];
      const row = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        for (const [kind, m] of [
          ["also_bought", knn.sim],
          ["goes_with", ease.b],
        ] as const) {
          for (let j = 0; j < n; j++) row[j] = m[i * n + j]!;
          topIndices(row, o.neighbours, new Set([i]), true).forEach((j, r) => rows.push({ productId: id(i), kind, rank: r + 1, neighbourId: id(j), score: row[j]! }));
        }
        yield;
      }
      return rows;
    })(),
  );
  const trainMs = performance.now() - started;
  const scoreMs = trainMs - loadMs - fitMs;
  await db.transaction(async (tx) => {
    await tx.delete(recsForUser);
    await tx.delete(recsNeighbours);
    // One JSON parameter per 20k rows (not 5 bound values per row): the write is a few statements.
    for (let s = 0; s < userRows.length; s += 20_000) {
      await tx.execute(sql`insert into recs_for_user (user_id, rank, product_id, score, because_product_id)
        select * from json_to_recordset(${JSON.stringify(userRows.slice(s, s + 20_000))}::json)
        as x("userId" int, rank smallint, "productId" int, score float8, "becauseProductId" int)`);
    }
    for (let s = 0; s < neighbourRows.length; s += 20_000) {
      await tx.execute(sql`insert into recs_neighbours (product_id, kind, rank, neighbour_id, score)
        select * from json_to_recordset(${JSON.stringify(neighbourRows.slice(s, s + 20_000))}::json)
        as x("productId" int, kind recs_neighbour_kind, rank smallint, "neighbourId" int, score float8)`);
    }
    await tx
      .insert(recsRuns)
      .values({ model: "EASE", users: ds.users.length, items: n, interactions: interactions.length, ms: Math.round(performance.now() - started), params: o });
  });
  // The tables were replaced wholesale: fresh planner statistics (PGlite has no autovacuum).
  await db.execute(sql`analyze recs_for_user, recs_neighbours`);
  // Every customer's cached For you came from the old lists.
  await expirePersonal("everyone", db);
  return {
    users: ds.users.length,
    items: n,
    interactions: interactions.length,
    userRows: userRows.length,
    neighbourRows: neighbourRows.length,
    trainMs,
    totalMs: performance.now() - started,
    phases: { loadMs, fitMs, scoreMs, writeMs: performance.now() - started - trainMs },
  };
}
