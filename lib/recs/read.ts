import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { intArray, textArray } from "@/lib/db/arrays";
import type { ProductCard } from "@/lib/catalog/listing";
import { saleOrder } from "@/lib/orders/sql";
import { cardSql, sellable } from "@/lib/catalog/sql";

/** Categories whose products get used up: bought ones may be recommended again. */
export const CONSUMABLE_CATEGORIES = ["candles-fragrance", "gifts-wrap"];

export type Recommendation = ProductCard & { reason: string | null };

const CARD = cardSql();

/** The customer's bought lines (product_id, placed_at) from orders that were not cancelled, as a subquery to alias. */
const linesBoughtBy = (userId: number) => sql`(select l.product_id, o.placed_at from orders o join order_lines l on l.order_id = o.id
  where o.user_id = ${userId} and ${saleOrder("o")})`;

/** Products `p` (joined with its category `c`) the customer may be shown: consumables, or not bought before. */
const notBoughtBy = (userId: number) => sql`(c.slug = any(${textArray(CONSUMABLE_CATEGORIES)}) or not exists (
  select 1 from ${linesBoughtBy(userId)} b where b.product_id = p.id))`;

/** Which of `productIds` the customer has bought. */
async function boughtAmong(db: Db, userId: number, productIds: number[]): Promise<Set<number>> {
  if (!productIds.length) return new Set();
  const { rows } = await db.execute<{ id: number }>(sql`
    select distinct b.product_id as id from ${linesBoughtBy(userId)} b where b.product_id = any(${intArray(productIds)})`);
  return new Set(rows.map((r) => Number(r.id)));
}

/**
 * "For you": the customer's batch list blended with this visit's signals. Products just viewed
 * or carted lift their "goes with" neighbours above the batch list (so the list reacts within the
 * visit), and orders placed since the last training run lift theirs (cold start for a new
 * customer); bought non-consumables, sold-out and archived products, and the session's own items
 * are left out at read time.
 */
export async function forYou(db: Db, userId: number, sessionProductIds: number[], k = 10, opts: { fillFrom?: () => Promise<ProductCard[]> } = {}): Promise<Recommendation[]> {
  const session = intArray(sessionProductIds.slice(0, 20));
  const { rows } = await db.execute<Recommendation & { score: number }>(sql`
    with batch as (
      select r.product_id, (41 - r.rank)::float8 / 40 as s, r.because_product_id as because, 'bought' as why
      from recs_for_user r where r.user_id = ${userId}
    ),
    fresh as (
      select n.neighbour_id as product_id, 1.0 + (13 - n.rank)::float8 / 12 as s, n.product_id as because, 'viewed' as why
      from recs_neighbours n where n.kind = 'goes_with' and n.product_id = any(${session})
    ),
    -- Orders since the last training run are not in the batch list yet (a new customer's first
    -- order, say): their products' neighbours stand in, weighted like the batch list.
    since as (
      select n.neighbour_id as product_id, 0.5 + (13 - n.rank)::float8 / 24 as s, n.product_id as because, 'bought' as why
      from ${linesBoughtBy(userId)} b
      join recs_neighbours n on n.product_id = b.product_id and n.kind = 'goes_with'
      where b.placed_at > coalesce((select max(trained_at) from recs_runs), '-infinity'::timestamptz)
    ),
    -- Materialized so the few candidates are filtered, not every product (PostgreSQL would
    -- otherwise test "not bought" against the whole catalogue first).
    ranked as materialized (
      select distinct on (product_id) product_id, s, because, why,
        sum(s) over (partition by product_id) as total
      from (select * from batch union all select * from fresh union all select * from since) x
      order by product_id, s desc
    )
    select ${CARD}, r.total as score,
      case when b.title is null then null when r.why = 'viewed' then 'Because you looked at ' || b.title else 'Because you bought ' || b.title end as reason
    from ranked r
    join products p on p.id = r.product_id
    join categories c on c.id = p.category_id
    left join products b on b.id = r.because
    where ${sellable("p")} and p.id <> all(${session})
      and ${notBoughtBy(userId)}
    order by r.total desc, p.id
    limit ${k}`);
  const recs: Recommendation[] = rows.map(({ score: _score, ...r }) => r);
  // A short personal list (a new customer, a small history) is filled with what is popular now;
  // an empty one stays empty (the page shows Trending instead).
  if (recs.length && recs.length < k) {
    const taken = new Set([...recs.map((r) => r.id), ...sessionProductIds]);
    const candidates = (await (opts.fillFrom ?? (() => trending(db, 40)))()).filter((p) => !taken.has(p.id));
    const bought = await boughtAmong(
      db,
      userId,
      candidates.filter((p) => !CONSUMABLE_CATEGORIES.includes(p.categorySlug)).map((p) => p.id),
    );
    for (const p of candidates) {
      if (recs.length >= k) break;
      if (!bought.has(p.id)) recs.push({ ...p, reason: "Popular right now" });
    }
  }
  return recs;
}

/** "Customers also bought" (cosine over buyers) or "Goes well with" (EASE weights) for a product. */
export async function neighboursOf(db: Db, productId: number, kind: "also_bought" | "goes_with", k = 8, exclude: number[] = []): Promise<ProductCard[]> {
  const { rows } = await db.execute<ProductCard>(sql`
    select ${CARD} from recs_neighbours n
    join products p on p.id = n.neighbour_id join categories c on c.id = p.category_id
    where n.product_id = ${productId} and n.kind = ${kind} and ${sellable("p")} and p.id <> all(${intArray(exclude)})
    order by n.rank limit ${k}`);
  return rows;
}

/** "Complete the look": what goes with everything in the cart, summed, minus the cart itself. */
export async function completeTheLook(db: Db, cartProductIds: number[], k = 8): Promise<ProductCard[]> {
  if (!cartProductIds.length) return [];
  const cart = intArray(cartProductIds);
  const { rows } = await db.execute<ProductCard>(sql`
    select ${CARD} from (
      select n.neighbour_id, sum(13 - n.rank) as s from recs_neighbours n
      where n.kind = 'goes_with' and n.product_id = any(${cart}) group by n.neighbour_id
    ) x join products p on p.id = x.neighbour_id join categories c on c.id = p.category_id
    where ${sellable("p")} and p.id <> all(${cart})
    order by x.s desc, p.id limit ${k}`);
  return rows;
}

/**
 * "Trending" (cold start: visitors, new customers, the control group): units sold in web and
 * imported orders over the last `days` before the latest order, plus product views and adds in
 * the same window, so the list follows the shop's own recent activity.
 */
export async function trending(db: Db, k = 10, days = 30): Promise<ProductCard[]> {
  const { rows } = await db.execute<ProductCard>(sql`
    with latest as (select coalesce(max(placed_at), now()) as t from orders where kind = 'sale'),
    sold as (
      select l.product_id, sum(l.quantity)::float8 as s from orders o join order_lines l on l.order_id = o.id, latest
      where o.kind = 'sale' and o.status <> 'cancelled' and o.placed_at > latest.t - make_interval(days => ${days}) and l.product_id is not null
      group by l.product_id
    ),
    seen as (
      select (e.properties->>'product_id')::int as product_id, count(*)::float8 * 0.2 as s from cdp_events e
      where e.event in ('Product Viewed', 'Product Added') and e."timestamp" > now() - make_interval(days => ${days})
        and e.properties->>'product_id' ~ '^[0-9]{1,9}$'
      group by 1
    ),
    -- All-time bestsellers fill the list when the window is quiet (a new shop, a slow month).
    best as (select id as product_id, units_sold::float8 / 1e9 as s from products where ${sellable()} order by units_sold desc, id limit ${k}),
    -- Materialized: planned inline, PostgreSQL misjudges the union's size and nests a loop over products.
    x as materialized (select product_id, sum(s) as s from (select * from sold union all select * from seen union all select * from best) u group by product_id)
    select ${CARD} from x
    join products p on p.id = x.product_id join categories c on c.id = p.category_id
    where ${sellable("p")}
    order by x.s desc, p.id limit ${k}`);
  return rows;
}
