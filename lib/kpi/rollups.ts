import { sql, type SQL } from "drizzle-orm";
import type { Tx } from "@/lib/db";
import { textArray } from "@/lib/db/arrays";
import { holdoutShare } from "@/lib/recs/holdout";
import { shiftMonth, type KpiFilters } from "./filters";

export type { Tx };

/**
 * The daily rollups: each is defined once, as a per-row SELECT over the facts with its key
 * columns and additive measures. The rollup table holds that SELECT summed per day and key
 * (segment 0), and the same sums over each segment's members. So no two paths can disagree about
 * what a measure means.
 */
type Rollup = { table: string; keys: string[]; measures: string[]; rows: SQL };

export const ROLLUPS = {
  orders: {
    table: "kpi_daily_orders",
    keys: ["device", "country", "method", "grp"],
    measures: ["orders", "sales", "sales2", "refunds", "deal_orders", "deal_revenue", "rec_revenue", "rec_orders", "co2"],
    rows: sql`select k.day, k.user_id, coalesce(k.device, '') as device, coalesce(k.country, '') as country, coalesce(k.ship_method, '') as method,
      case when c.user_id is null then 'guest' when c.bucket < ${holdoutShare()} then 'control' else 'treatment' end as grp,
      k.sale::int as orders, case when k.sale then k.total_pence else 0 end as sales,
      case when k.sale then k.total_pence::float8 * k.total_pence::float8 else 0 end as sales2, case when k.refund then k.total_pence else 0 end as refunds,
      (k.sale and k.deal_redemptions > 0)::int as deal_orders, case when k.sale and k.deal_redemptions > 0 then k.total_pence else 0 end as deal_revenue,
      case when k.sale then k.rec_revenue_pence else 0 end as rec_revenue, (k.sale and k.rec_revenue_pence > 0)::int as rec_orders,
      case when k.sale then coalesce(k.co2_grams, 0) else 0 end as co2
    from kpi_orders k left join kpi_customers c on c.user_id = k.user_id where k.sale or k.refund`,
  },
  delivered: {
    table: "kpi_daily_delivered",
    keys: ["device", "country"],
    measures: ["delivered", "on_time", "hours"],
    rows: sql`select k.delivered_day as day, k.user_id, coalesce(k.device, '') as device, coalesce(k.country, '') as country,
      1 as delivered, coalesce(k.on_time, false)::int as on_time, coalesce(k.delivery_hours, 0) as hours
    from kpi_orders k where k.delivered_day is not null`,
  },
  csat: {
    table: "kpi_daily_csat",
    keys: ["device", "country", "rating"],
    measures: ["answers"],
    rows: sql`select k.csat_day as day, k.user_id, coalesce(k.device, '') as device, coalesce(k.country, '') as country, k.csat_rating as rating, 1 as answers
    from kpi_orders k where k.csat_day is not null`,
  },
  deals: {
    table: "kpi_daily_deals",
    keys: ["device", "country", "deal_id"],
    measures: ["redemptions", "discount", "revenue"],
    rows: sql`select k.day, k.user_id, coalesce(k.device, '') as device, coalesce(k.country, '') as country, x.deal_id,
      1 as redemptions, x.discount_pence as discount, k.total_pence as revenue
    from kpi_orders k join deal_redemptions x on x.order_id = k.order_id where k.sale and k.deal_redemptions > 0`,
  },
  visits: {
    table: "kpi_daily_visits",
    keys: ["device"],
    measures: ["visits", "product_views", "carts", "checkouts", "orders"],
    rows: sql`select v.day, v.user_id, v.device, 1 as visits, v.product_view::int as product_views, v.cart::int as carts, v.checkout::int as checkouts, v.ordered::int as orders
    from kpi_visits v`,
  },
  recs: {
    table: "kpi_daily_recs",
    keys: ["device", "surface"],
    measures: ["views", "clicks"],
    rows: sql`select e.day, e.user_id, coalesce(e.device, '') as device, e.surface, (not e.click)::int as views, e.click::int as clicks from kpi_rec_events e`,
  },
} satisfies Record<string, Rollup>;

const cols = (names: string[]) => sql.raw(names.map((c) => `"${c}"`).join(", "));
export type RollupName = keyof typeof ROLLUPS;

/**
 * Recomputes a rollup's rows: all of them, or the (segment, day) pairs listed for it in the
 * refresh's temp table `kpi_redo (rollup, segment_id, day)` (segment 0 = everyone). A segment's
 * rows sum the per-row SELECT over the customers in kpi_segment_members.
 */
export async function refreshRollup(tx: Tx, name: RollupName, full: boolean) {
  const r: Rollup = ROLLUPS[name];
  const table = sql.raw(r.table);
  const keys = sql.raw(r.keys.map((k) => `r."${k}"`).join(", "));
  const sums = sql.raw(r.measures.map((m) => `sum(r."${m}")`).join(", "));
  const into = sql`insert into ${table} (segment_id, day, ${cols(r.keys)}, ${cols(r.measures)})`;
  if (full) {
    await tx.execute(sql`truncate ${table}`);
    await tx.execute(sql`${into} select 0, r.day, ${keys}, ${sums} from (${r.rows}) r group by r.day, ${keys}`);
    await tx.execute(sql`${into} select m.segment_id, r.day, ${keys}, ${sums} from (${r.rows}) r join kpi_segment_members m on m.user_id = r.user_id
      group by m.segment_id, r.day, ${keys}`);
    return;
  }
  const redo = sql`(select distinct segment_id, day from kpi_redo where rollup = ${name})`;
  await tx.execute(sql`delete from ${table} t using ${redo} d where t.segment_id = d.segment_id and t.day = d.day`);
  await tx.execute(sql`${into} select 0, r.day, ${keys}, ${sums} from (${r.rows}) r
    where r.day in (select day from kpi_redo where rollup = ${name} and segment_id = 0) group by r.day, ${keys}`);
  await tx.execute(sql`${into} select m.segment_id, r.day, ${keys}, ${sums} from (${r.rows}) r
    join kpi_segment_members m on m.user_id = r.user_id join ${redo} d on d.segment_id = m.segment_id and d.day = r.day
    group by m.segment_id, r.day, ${keys}`);
}

/**
 * Segment members who joined or left (temp table `kpi_segment_diff`, sign +1 or −1): their facts
 * are added to or taken from their segment's rows. Exact, because the rows are sums and the
 * leavers' facts are as they were counted (days whose facts changed in this refresh are in
 * `kpi_redo` and were recounted from scratch, so they are skipped here). Rows left empty go.
 * Far cheaper than recounting the days: a recompute that moves a few thousand customers reads
 * their facts, not every fact on every day they bought.
 */
export async function applySegmentChanges(tx: Tx, name: RollupName) {
  const r: Rollup = ROLLUPS[name];
  const table = sql.raw(r.table);
  const keys = sql.raw(r.keys.map((k) => `r."${k}"`).join(", "));
  await tx.execute(sql`
    insert into ${table} (segment_id, day, ${cols(r.keys)}, ${cols(r.measures)})
    select sd.segment_id, r.day, ${keys}, ${sql.raw(r.measures.map((m) => `sum(r."${m}" * sd.sign)`).join(", "))}
    from (${r.rows}) r join kpi_segment_diff sd on sd.user_id = r.user_id
    where not exists (select 1 from kpi_redo d where d.rollup = ${name} and d.day = r.day)
    group by sd.segment_id, r.day, ${keys}
    on conflict (segment_id, day, ${cols(r.keys)}) do update set ${sql.raw(r.measures.map((m) => `"${m}" = ${r.table}."${m}" + excluded."${m}"`).join(", "))}`);
  // Counts are exact; a float sum (hours, squares) of nothing may keep a rounding residue.
  await tx.execute(sql`delete from ${table} where segment_id in (select segment_id from kpi_segment_diff)
    and ${sql.raw(r.measures.map((m) => `abs("${m}") < 0.5`).join(" and "))}`);
}

/** What a query sums over: the rollup's rows for everyone, or for the segment with that slug. */
export function rollupSource(r: Rollup, f: KpiFilters): SQL {
  const segment = f.segment ? sql`coalesce(${segmentId(f.segment)}, -1)` : sql`0`;
  return sql`(select * from ${sql.raw(r.table)} where segment_id = ${segment})`;
}

const segmentId = (slug: string) => sql`(select id from segments where slug = ${slug})`;

/**
 * A customer row (kpi_customers, kpi_customer_dims) whose `segments` column is `col` is in the
 * segment with this slug, as the rollups last counted its members. No such segment: nobody.
 */
export const inSegment = (col: SQL, slug: string) => sql`${segmentId(slug)} = any(${col})`;

/** The day window and the device/country filters, on a rollup source aliased `x`. */
export function rollupWhere(f: KpiFilters, dims: { device?: boolean; country?: boolean } = { device: true, country: true }): SQL {
  const parts = [sql`x.day between ${f.from}::date and ${f.to}::date`];
  if (dims.device && f.device) parts.push(sql`x.device = ${f.device}`);
  if (dims.country && f.country) parts.push(sql`x.country = ${f.country}`);
  return sql.join(parts, sql` and `);
}

/** Cohort cells and month-on-month retention for the given months (all when null), from the facts. */
export async function refreshMonths(tx: Tx, months: string[] | null) {
  if (months && !months.length) return;
  const only = (col: string) => (months ? sql`and ${sql.raw(col)} = any(${textArray(months)}::date[])` : sql``);
  await tx.execute(months ? sql`delete from kpi_cohort_cells where month = any(${textArray(months)}::date[])` : sql`delete from kpi_cohort_cells`);
  await tx.execute(sql`
    insert into kpi_cohort_cells (cohort, month, customers)
    select c.first_sale_month, k.month, count(distinct k.user_id) from kpi_orders k join kpi_customers c on c.user_id = k.user_id
    where k.sale and c.first_sale_month is not null ${only("k.month")}
    group by 1, 2`);
  // A month's retention reads it and the month before.
  const next = months ? [...new Set(months.flatMap((m) => [m, shiftMonth(m, 1)]))] : null;
  await tx.execute(next ? sql`delete from kpi_month_retention where month = any(${textArray(next)}::date[])` : sql`delete from kpi_month_retention`);
  await tx.execute(sql`
    with um as materialized (
      select distinct k.user_id, k.month from kpi_orders k where k.sale and k.user_id is not null
      ${next ? sql`and k.month = any(${textArray([...new Set(next.flatMap((m) => [m, shiftMonth(m, -1)]))])}::date[])` : sql``}
    )
    insert into kpi_month_retention (month, base, retained)
    select (a.month + interval '1 month')::date, count(*), count(b.user_id)
    from um a left join um b on b.user_id = a.user_id and b.month = a.month + interval '1 month'
    ${next ? sql`where (a.month + interval '1 month')::date = any(${textArray(next)}::date[])` : sql``}
    group by 1`);
}
