import { sql, type SQL } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { holdoutShare } from "@/lib/recs/holdout";
import { EVENTS } from "@/lib/cdp/track/events";
import { addDays, grainOf, isWholeMonths, monthIndex, previousPeriod, resolveRange, shiftMonth, type KpiFilters } from "./filters";
import { refreshKpiFacts } from "./facts";
import { inSegment, rollupSource, rollupWhere, ROLLUPS } from "./rollups";
import { diffOfMeans, diffOfProportions, type Interval } from "./stats";

/**
 * The KPI queries. The dashboard, its CSV export, `npm run kpi` and the benchmark all call these,
 * so a number means the same thing everywhere. Definitions (shown on the dashboard too):
 *
 * - A sale is an order of kind `sale` that was not cancelled; refunds are refund notes (negative
 *   totals) dated when refunded. Net revenue = sales + refunds. AOV = sales ÷ sale orders.
 * - Periods are shop-local days (SHOP_TIME_ZONE, lib/time.ts): an order at 23:30 UTC on 31 March 2011 is
 *   placed on 1 April in London and counts there.
 * - Filters: device and country are the order's (the event's for the funnel; events carry no
 *   country); a segment means its current members.
 */

/** Sent by the page beacon when a recommended product is clicked (with surface, rank and product_id). */
export { ATTRIBUTION_DAYS, REC_CLICK } from "./facts";
export const REC_LIST_VIEWED = EVENTS.productListViewed;

/**
 * The queries read the facts, daily rollups and monthly tables kept fresh by facts.ts (see
 * README.md here), never the wide source tables. In SQL below, `c` is kpi_customers, `a` a
 * customer's activity row (see `activity`) and `x` a rollup's rows (for everyone or a segment).
 */
const iso = (d: Date) => d.toISOString();
const ratio = (a: number, b: number) => (b > 0 ? a / b : null);
async function rows<T>(db: Db, q: SQL): Promise<T[]> {
  return (await db.execute<T & Record<string, unknown>>(q)).rows as T[];
}

// ---------------------------------------------------------------------------------------------
// Sales: revenue, orders, AOV, customers, mobile share

export type Sales = {
  orders: number;
  salesPence: number;
  refundsPence: number;
  revenuePence: number;
  aovPence: number | null;
  /** Filled by the report from `buyers` (a distinct count, timed on its own). */
  customers: number | null;
  /** Share of web sales (orders with a known device) placed on a phone. */
  mobileShare: number | null;
  mobileSalesPence: number;
  webSalesPence: number;
};

export async function sales(db: Db, f: KpiFilters): Promise<Sales> {
  const [x] = await rows<{ orders: number; sales: number; refunds: number; mobile: number; web: number }>(
    db,
    sql`select coalesce(sum(x.orders), 0)::float8 as orders, coalesce(sum(x.sales), 0)::float8 as sales, coalesce(sum(x.refunds), 0)::float8 as refunds,
      coalesce(sum(x.sales) filter (where x.device = 'mobile'), 0)::float8 as mobile, coalesce(sum(x.sales) filter (where x.device <> ''), 0)::float8 as web
    from ${rollupSource(ROLLUPS.orders, f)} x where ${rollupWhere(f)}`,
  );
  const v = x!;
  return {
    orders: v.orders,
    salesPence: v.sales,
    refundsPence: v.refunds,
    revenuePence: v.sales + v.refunds,
    aovPence: ratio(v.sales, v.orders),
    customers: null,
    mobileShare: ratio(v.mobile, v.web),
    mobileSalesPence: v.mobile,
    webSalesPence: v.web,
  };
}

/** Distinct customers with a sale in the period (guests not counted). */
export async function buyers(db: Db, f: KpiFilters): Promise<number> {
  const [x] = await rows<{ n: number }>(db, sql`select count(*)::int as n from ${activity(f)} a where ${boughtIn(f)}`);
  return x!.n;
}

export type SeriesRow = { bucket: string; orders: number; revenuePence: number; aovPence: number | null; mobileShare: number | null };

/** Revenue, orders, AOV and mobile share per day (ranges up to 92 days) or per month; empty buckets included. */
export async function salesSeries(db: Db, f: KpiFilters): Promise<{ grain: "day" | "month"; rows: SeriesRow[] }> {
  const grain = grainOf(f);
  const found = await rows<{ bucket: string; orders: number; sales: number; refunds: number; mobile: number; web: number }>(
    db,
    sql`select to_char(date_trunc(${grain}, x.day), 'YYYY-MM-DD') as bucket,
      sum(x.orders)::float8 as orders, sum(x.sales)::float8 as sales, sum(x.refunds)::float8 as refunds,
      coalesce(sum(x.sales) filter (where x.device = 'mobile'), 0)::float8 as mobile, coalesce(sum(x.sales) filter (where x.device <> ''), 0)::float8 as web
    from ${rollupSource(ROLLUPS.orders, f)} x where ${rollupWhere(f)}
    group by 1 order by 1`,
  );
  const by = new Map(found.map((x) => [x.bucket, x]));
  return {
    grain,
    rows: buckets(f, grain).map((bucket) => {
      const x = by.get(bucket);
      return {
        bucket,
        orders: x?.orders ?? 0,
        revenuePence: x ? x.sales + x.refunds : 0,
        aovPence: x ? ratio(x.sales, x.orders) : null,
        mobileShare: x ? ratio(x.mobile, x.web) : null,
      };
    }),
  };
}

/** Every day or month start in the range, as YYYY-MM-DD. */
export function buckets(f: KpiFilters, grain: "day" | "month"): string[] {
  const out: string[] = [];
  if (grain === "day") {
    for (let d = f.from; d <= f.to; d = addDays(d, 1)) out.push(d);
    return out;
  }
  for (let m = `${f.from.slice(0, 7)}-01`; m <= f.to; m = shiftMonth(m, 1)) out.push(m);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Customers: repeat purchase, retention, cohorts

/**
 * Distinct-customer numbers cannot be summed from daily rows. They read one row per customer
 * (kpi_customers, or kpi_customer_dims for a device or country filter): the days and months the
 * customer bought in (matching the filter) and their first two such sales. "Bought in the range"
 * is one overlap test on the days; a segment keeps its members' rows. Columns: user_id, first_at,
 * second_at, months, days, the customer's first sale ever (any device or country) and its month
 * (their cohort), and their holdout bucket.
 */
function activity(f: KpiFilters): SQL {
  if (!f.device && !f.country) return customerActivity(f, { everyone: false });
  return sql`(select a.user_id, a.first_sale_at as first_at, a.second_sale_at as second_at, a.active_months as months, a.sale_days as days, a.first_sale_ever_at as first_ever, a.first_sale_month as cohort, a.bucket
    from kpi_customer_dims a where a.device = ${f.device ?? "*"} and a.country = ${f.country ?? "*"} ${segmentOf(f, "a")})`;
}

/** Without a device or country: kpi_customers, buyers only or (`everyone`) with those who never bought and when each became known. */
function customerActivity(f: KpiFilters, { everyone }: { everyone: boolean }): SQL {
  return sql`(select a.user_id, a.first_sale_at as first_at, a.second_sale_at as second_at, a.active_months as months, a.sale_days as days, a.first_sale_at as first_ever, a.first_sale_month as cohort, a.bucket, a.known_at
    from kpi_customers a where ${everyone ? sql`true` : sql`a.first_sale_at is not null`} ${segmentOf(f, "a")})`;
}

/** `and <the row is in the filter's segment>` for a customer row aliased `alias` (nothing without a segment). */
const segmentOf = (f: KpiFilters, alias: "a" | "c") => (f.segment ? sql`and ${inSegment(sql.raw(`${alias}.segments`), f.segment)}` : sql``);

/** The activity row `a` has a (matching) sale in the range. */
const boughtIn = (f: KpiFilters) => sql`a.days && daterange(${f.from}::date, ${f.to}::date, '[]')`;

/**
 * For a buyer in the range: the purchase was a repeat, i.e. not (their first sale ever is the
 * first matching one, inside the range, and the next matching one comes after the range).
 */
function repeats(f: KpiFilters): SQL {
  const { start, end } = resolveRange(f);
  return sql`not (a.first_at = a.first_ever and a.first_at >= ${iso(start)}::timestamptz and (a.second_at is null or a.second_at >= ${iso(end)}::timestamptz))`;
}

/**
 * Repeat-purchase rate: of the customers who bought in the period, the share for whom it was not
 * their first purchase (two or more orders in the period, or one before it). Guests are not counted.
 */
export async function repeatPurchase(db: Db, f: KpiFilters): Promise<{ customers: number; repeaters: number; rate: number | null }> {
  const [x] = await rows<{ customers: number; repeaters: number }>(
    db,
    sql`select count(*)::int as customers, count(*) filter (where ${repeats(f)})::int as repeaters from ${activity(f)} a where ${boughtIn(f)}`,
  );
  return { customers: x!.customers, repeaters: x!.repeaters, rate: ratio(x!.repeaters, x!.customers) };
}

/**
 * Retention: of the customers who bought in the previous period (same length, same filters), the
 * share who bought again in this one.
 */
export async function retention(db: Db, f: KpiFilters): Promise<{ base: number; retained: number; rate: number | null }> {
  const [x] = await rows<{ base: number; retained: number }>(
    db,
    sql`select count(*)::int as base, count(*) filter (where ${boughtIn(f)})::int as retained from ${activity(f)} a where ${boughtIn(previousPeriod(f))}`,
  );
  return { base: x!.base, retained: x!.retained, rate: ratio(x!.retained, x!.base) };
}

export type CohortRow = { cohort: string; customers: number; active: number[] };

/** Month index `m` (year × 12 + month − 1) as the date its month starts. */
const monthStart = (m: SQL) => sql`make_date((${m}) / 12, (${m}) % 12 + 1, 1)`;
/**
 * Whether the activity row bought within the range in its first and in its last month (the only
 * months that can be partly outside it; a whole month needs no test). Customers are grouped by
 * these flags and their months before the months are unnested: many share the same few months.
 */
function edgeMonths(f: KpiFilters): { inFirst: SQL; inLast: SQL } {
  const within = (from: string, to: string) => sql`a.days && daterange(${from}::date, ${to}::date, '[]')`;
  const [firstStart, lastStart] = [`${f.from.slice(0, 7)}-01`, `${f.to.slice(0, 7)}-01`];
  const [wholeFirst, wholeLast] = [f.from === firstStart, addDays(f.to, 1).endsWith("-01")];
  if (firstStart === lastStart) {
    const inMonth = wholeFirst && wholeLast ? sql`true` : within(f.from, f.to);
    return { inFirst: inMonth, inLast: inMonth };
  }
  return {
    inFirst: wholeFirst ? sql`true` : within(f.from, addDays(shiftMonth(firstStart, 1), -1)),
    inLast: wholeLast ? sql`true` : within(lastStart, f.to),
  };
}

/**
 * Monthly cohorts: customers grouped by the shop-local month of their first purchase ever (within
 * the range), and how many of them bought in each month since (offset 0 = the first month).
 */
export async function cohorts(db: Db, f: KpiFilters): Promise<CohortRow[]> {
  if (wholeMonthsUnfiltered(f)) return cohortsFromCells(db, f);
  const { start, end } = resolveRange(f);
  const months = buckets(f, "month");
  const [first, last] = [monthIndex(f.from), monthIndex(f.to)];
  const { inFirst, inLast } = edgeMonths(f);
  const found = await rows<{ cohort: string; month: string | null; customers: number }>(
    db,
    sql`select to_char(c.first_sale_month, 'YYYY-MM-DD') as cohort, null as month, count(*)::int as customers
    from kpi_customers c where c.first_sale_at >= ${iso(start)}::timestamptz and c.first_sale_at < ${iso(end)}::timestamptz ${segmentOf(f, "c")} group by c.first_sale_month
    union all
    select to_char(g.cohort, 'YYYY-MM-DD'), to_char(${monthStart(sql`m`)}, 'YYYY-MM-DD'), sum(g.n)::int from (
      select a.cohort, a.months, ${inFirst} as in_first, ${inLast} as in_last, count(*) as n from ${activity(f)} a
      where a.first_ever >= ${iso(start)}::timestamptz and a.first_ever < ${iso(end)}::timestamptz
      group by 1, 2, 3, 4
    ) g cross join lateral unnest(g.months) m
    where m between ${first} and ${last} and (m <> ${first} or g.in_first) and (m <> ${last} or g.in_last)
    group by g.cohort, m`,
  );
  const index = new Map(months.map((m, i) => [m, i]));
  const out = new Map<string, CohortRow>();
  for (const x of found) {
    const row = out.get(x.cohort) ?? { cohort: x.cohort, customers: 0, active: [] };
    out.set(x.cohort, row);
    if (x.month === null) row.customers = x.customers;
    else row.active[index.get(x.month)! - index.get(x.cohort)!] = x.customers;
  }
  return [...out.values()]
    .sort((a, b) => a.cohort.localeCompare(b.cohort))
    .map((row) => ({ ...row, active: Array.from({ length: months.length - index.get(row.cohort)! }, (_, k) => row.active[k] ?? 0) }));
}

/**
 * The precomputed monthly tables answer when the range is whole calendar months (or runs to today)
 * and nothing is filtered; otherwise the per-customer activity does.
 */
export function wholeMonthsUnfiltered(f: KpiFilters): boolean {
  return !f.segment && !f.device && !f.country && isWholeMonths(f);
}

async function cohortsFromCells(db: Db, f: KpiFilters): Promise<CohortRow[]> {
  const months = buckets(f, "month");
  const last = months[months.length - 1]!;
  const cells = await rows<{ cohort: string; month: string; customers: number }>(
    db,
    sql`select to_char(cohort, 'YYYY-MM-DD') as cohort, to_char(month, 'YYYY-MM-DD') as month, customers::int as customers from kpi_cohort_cells
    where cohort between ${months[0]}::date and ${last}::date and month between cohort and ${last}::date order by 1, 2`,
  );
  const index = new Map(months.map((m, i) => [m, i]));
  const out = new Map<string, CohortRow>();
  for (const c of cells) {
    const row = out.get(c.cohort) ?? { cohort: c.cohort, customers: 0, active: Array.from({ length: months.length - index.get(c.cohort)! }, () => 0) };
    out.set(c.cohort, row);
    // Everyone in a cohort bought in its first month, so that cell is the cohort's size.
    if (c.month === c.cohort) row.customers = c.customers;
    row.active[index.get(c.month)! - index.get(c.cohort)!] = c.customers;
  }
  return [...out.values()].filter((r) => r.customers > 0);
}

/** Month-on-month retention for each calendar month the range touches (whole months, up to its last day): of last month's buyers, the share who bought this month. */
export async function retentionSeries(db: Db, f: KpiFilters): Promise<{ month: string; base: number; retained: number; rate: number | null }[]> {
  const months = buckets(f, "month");
  const [first, last] = [monthIndex(f.from), monthIndex(f.to)];
  const found = wholeMonthsUnfiltered(f)
    ? await rows<{ month: string; base: number; retained: number }>(
        db,
        sql`select to_char(month, 'YYYY-MM-DD') as month, base::int as base, retained::int as retained from kpi_month_retention where month between ${months[0]}::date and ${months[months.length - 1]}::date`,
      )
    : await rows<{ month: string; base: number; retained: number }>(
        db,
        // Base: bought in the month before (always a whole month); retained: also in this month, up to the range's last day.
        sql`select to_char(${monthStart(sql`m + 1`)}, 'YYYY-MM-DD') as month, sum(g.n)::int as base,
          coalesce(sum(g.n) filter (where (m + 1) = any(g.months) and (m + 1 < ${last} or g.in_last)), 0)::int as retained
        from (select a.months, ${edgeMonths({ from: months[months.length - 1]!, to: f.to }).inLast} as in_last, count(*) as n from ${activity(f)} a group by 1, 2) g
        cross join lateral unnest(g.months) m
        where m between ${first - 1} and ${last - 1}
        group by m`,
      );
  const by = new Map(found.map((x) => [x.month, x]));
  return months.map((month) => {
    const x = by.get(month);
    return { month, base: x?.base ?? 0, retained: x?.retained ?? 0, rate: x ? ratio(x.retained, x.base) : null };
  });
}

// ---------------------------------------------------------------------------------------------
// Funnel from CDP events

export const FUNNEL_STEPS = [
  { key: "visits", label: "Visit", event: null },
  { key: "productViews", label: "Product view", event: EVENTS.productViewed },
  { key: "carts", label: "Add to cart", event: EVENTS.productAdded },
  { key: "checkouts", label: "Checkout", event: EVENTS.checkoutStarted },
  { key: "orders", label: "Order", event: EVENTS.orderCompleted },
] as const;
export type FunnelRow = { device: string; visits: number; productViews: number; carts: number; checkouts: number; orders: number };

/**
 * The conversion funnel in visits: a visit is one visitor (customer, or anonymous browser) on one
 * shop-local day; each step counts the visits in which it happened. Per device, plus "all".
 */
export async function funnel(db: Db, f: KpiFilters): Promise<FunnelRow[]> {
  const found = await rows<FunnelRow & { total: boolean; device: string | null }>(
    db,
    sql`select grouping(x.device) = 1 as total, x.device,
      coalesce(sum(x.visits), 0)::int as visits, coalesce(sum(x.product_views), 0)::int as "productViews", coalesce(sum(x.carts), 0)::int as carts,
      coalesce(sum(x.checkouts), 0)::int as checkouts, coalesce(sum(x.orders), 0)::int as orders
    from ${rollupSource(ROLLUPS.visits, f)} x where ${rollupWhere(f, { device: true })}
    group by rollup (x.device) order by 1 desc, 2`,
  );
  return found.map(({ total, device, visits, productViews, carts, checkouts, orders }) => ({ device: total ? "all" : device!, visits, productViews, carts, checkouts, orders }));
}

// ---------------------------------------------------------------------------------------------
// Satisfaction and delivery

export type Csat = { responses: number; average: number | null; satisfiedShare: number | null; distribution: { rating: number; responses: number }[] };

/** CSAT: answers given in the period (order rating, 1–5); satisfied = 4 or 5. */
export async function csat(db: Db, f: KpiFilters): Promise<Csat> {
  const found = await rows<{ rating: number; n: number }>(
    db,
    sql`select x.rating::int as rating, sum(x.answers)::int as n from ${rollupSource(ROLLUPS.csat, f)} x where ${rollupWhere(f)} group by 1`,
  );
  const by = new Map(found.map((x) => [x.rating, x.n]));
  const distribution = [1, 2, 3, 4, 5].map((rating) => ({ rating, responses: by.get(rating) ?? 0 }));
  const responses = distribution.reduce((s, d) => s + d.responses, 0);
  const sum = distribution.reduce((s, d) => s + d.rating * d.responses, 0);
  const satisfied = distribution.filter((d) => d.rating >= 4).reduce((s, d) => s + d.responses, 0);
  return { responses, average: ratio(sum, responses), satisfiedShare: ratio(satisfied, responses), distribution };
}

export type Delivery = {
  delivered: number;
  onTime: number;
  onTimeRate: number | null;
  /** Hours from order to delivery, averaged over deliveries in the period. */
  averageHours: number | null;
  shipments: number;
  eco: number;
  ecoShare: number | null;
  co2Grams: number;
  byMethod: { method: string; shipments: number; co2Grams: number }[];
};

/**
 * On-time rate and delivery time over shipments delivered in the period; eco adoption (bike or EV)
 * over shipments of orders placed in the period.
 */
export async function delivery(db: Db, f: KpiFilters): Promise<Delivery> {
  const [d] = await rows<{ delivered: number; on_time: number; hours: number }>(
    db,
    sql`select coalesce(sum(x.delivered), 0)::int as delivered, coalesce(sum(x.on_time), 0)::int as on_time, coalesce(sum(x.hours), 0)::float8 as hours
    from ${rollupSource(ROLLUPS.delivered, f)} x where ${rollupWhere(f)}`,
  );
  const methods = await rows<{ method: string; n: number; co2: number }>(
    db,
    sql`select x.method, sum(x.orders)::int as n, sum(x.co2)::float8 as co2
    from ${rollupSource(ROLLUPS.orders, f)} x where ${rollupWhere(f)} and x.method <> '' group by 1 having sum(x.orders) > 0 order by 1`,
  );
  const shipments = methods.reduce((s, m) => s + m.n, 0);
  const eco = methods.filter((m) => m.method === "bike" || m.method === "ev").reduce((s, m) => s + m.n, 0);
  return {
    delivered: d!.delivered,
    onTime: d!.on_time,
    onTimeRate: ratio(d!.on_time, d!.delivered),
    averageHours: d!.delivered ? d!.hours / d!.delivered : null,
    shipments,
    eco,
    ecoShare: ratio(eco, shipments),
    co2Grams: methods.reduce((s, m) => s + m.co2, 0),
    byMethod: methods.map((m) => ({ method: m.method, shipments: m.n, co2Grams: m.co2 })),
  };
}

// ---------------------------------------------------------------------------------------------
// Deals and recommendations

export type Deals = {
  redemptions: number;
  ordersWithDeal: number;
  redemptionRate: number | null;
  discountPence: number;
  revenuePence: number;
  byDeal: { code: string; name: string; redemptions: number; discountPence: number; revenuePence: number }[];
};

/** Redemptions on sale orders placed in the period; revenue is those orders' totals (after the discount). */
export async function deals(db: Db, f: KpiFilters): Promise<Deals> {
  const byDeal = await rows<{ code: string; name: string; redemptions: number; discount: number; revenue: number }>(
    db,
    sql`select d.code, d.name, sum(x.redemptions)::int as redemptions, sum(x.discount)::float8 as discount, sum(x.revenue)::float8 as revenue
    from ${rollupSource(ROLLUPS.deals, f)} x join deals d on d.id = x.deal_id where ${rollupWhere(f)}
    group by d.code, d.name order by 3 desc, 1`,
  );
  const [t] = await rows<{ orders: number; revenue: number; all_orders: number }>(
    db,
    sql`select coalesce(sum(x.deal_orders), 0)::int as orders, coalesce(sum(x.deal_revenue), 0)::float8 as revenue, coalesce(sum(x.orders), 0)::int as all_orders
    from ${rollupSource(ROLLUPS.orders, f)} x where ${rollupWhere(f)}`,
  );
  const total = t!.all_orders;
  return {
    redemptions: byDeal.reduce((s, d) => s + d.redemptions, 0),
    ordersWithDeal: t!.orders,
    redemptionRate: ratio(t!.orders, total),
    discountPence: byDeal.reduce((s, d) => s + d.discount, 0),
    revenuePence: t!.revenue,
    byDeal: byDeal.map((d) => ({ code: d.code, name: d.name, redemptions: d.redemptions, discountPence: d.discount, revenuePence: d.revenue })),
  };
}

export type Recs = {
  railViews: number;
  clicks: number;
  clickThrough: number | null;
  attributedRevenuePence: number;
  attributedOrders: number;
  bySurface: { surface: string; railViews: number; clicks: number; clickThrough: number | null }[];
};

/**
 * Recommendation click-through: clicks on recommended products ÷ recommendation rails shown.
 * Attributed revenue: product lines of sale orders in the period whose product the same customer
 * clicked in a recommendation within the 7 days before ordering.
 */
export async function recs(db: Db, f: KpiFilters): Promise<Recs> {
  const surfaces = await rows<{ surface: string; views: number; clicks: number }>(
    db,
    sql`select x.surface, sum(x.views)::int as views, sum(x.clicks)::int as clicks
    from ${rollupSource(ROLLUPS.recs, f)} x where ${rollupWhere(f, { device: true })} group by 1 order by 1`,
  );
  const [a] = await rows<{ revenue: number; orders: number }>(
    db,
    sql`select coalesce(sum(x.rec_revenue), 0)::float8 as revenue, coalesce(sum(x.rec_orders), 0)::int as orders from ${rollupSource(ROLLUPS.orders, f)} x where ${rollupWhere(f)}`,
  );
  const railViews = surfaces.reduce((s, x) => s + x.views, 0);
  const clicks = surfaces.reduce((s, x) => s + x.clicks, 0);
  return {
    railViews,
    clicks,
    clickThrough: ratio(clicks, railViews),
    attributedRevenuePence: a!.revenue,
    attributedOrders: a!.orders,
    bySurface: surfaces.map((x) => ({ surface: x.surface, railViews: x.views, clicks: x.clicks, clickThrough: ratio(x.clicks, x.views) })),
  };
}

// ---------------------------------------------------------------------------------------------
// Personalization lift: treatment vs the holdout (control) group

export type GroupStats = {
  customers: number;
  converters: number;
  orders: number;
  salesPence: number;
  conversion: number | null;
  aovPence: number | null;
  repeatRate: number | null;
  repeaters: number;
};
export type Lift = {
  holdoutShare: number;
  treatment: GroupStats;
  control: GroupStats;
  /** Treatment minus control, with a 95% confidence interval (normal approximation). */
  conversion: Interval | null;
  aovPence: Interval | null;
  repeatRate: Interval | null;
};

/**
 * Customers known by the end of the period (an account or an order by then), split by the
 * holdout rule (lib/recs/holdout.ts). Conversion: share who bought in the period. AOV: their sale
 * orders' mean. Repeat: share of buyers for whom it was a repeat purchase (as `repeatPurchase`).
 */
export async function lift(db: Db, f: KpiFilters): Promise<Lift> {
  const share = holdoutShare();
  // People: everyone known by the end, and the buyers (known by their purchase) with their
  // repeat purchases from the per-customer activity; order sums from the daily rollup, by group.
  const end = sql`${iso(resolveRange(f).end)}::timestamptz`;
  type People = { control: boolean; customers: number; converters: number; repeaters: number };
  let people: People[];
  if (!f.device && !f.country) {
    // One pass over the customers answers both.
    people = await rows<People>(
      db,
      sql`select a.bucket < ${share} as control, count(*) filter (where a.known_at < ${end})::int as customers,
        count(*) filter (where ${boughtIn(f)})::int as converters, count(*) filter (where ${boughtIn(f)} and ${repeats(f)})::int as repeaters
      from ${customerActivity(f, { everyone: true })} a group by 1`,
    );
  } else {
    const known = await rows<{ control: boolean; customers: number }>(
      db,
      sql`select c.bucket < ${share} as control, count(*)::int as customers from kpi_customers c where c.known_at < ${end} ${segmentOf(f, "c")} group by 1`,
    );
    const buying = await rows<{ control: boolean; converters: number; repeaters: number }>(
      db,
      sql`select a.bucket < ${share} as control, count(*)::int as converters, count(*) filter (where ${repeats(f)})::int as repeaters
      from ${activity(f)} a where ${boughtIn(f)} group by 1`,
    );
    people = known.map((k) => ({ ...k, converters: 0, repeaters: 0, ...buying.find((b) => b.control === k.control) }));
  }
  const money = await rows<{ control: boolean; orders: number; sales: number; sales2: number }>(
    db,
    sql`select x.grp = 'control' as control, sum(x.orders)::int as orders, sum(x.sales)::float8 as sales, sum(x.sales2)::float8 as sales2
    from ${rollupSource(ROLLUPS.orders, f)} x where ${rollupWhere(f)} and x.grp <> 'guest' group by 1`,
  );
  const found = people.map((p) => ({ ...p, orders: 0, sales: 0, sales2: 0, ...money.find((m) => m.control === p.control) }));
  const group = (control: boolean) => {
    const x = found.find((g) => g.control === control) ?? { customers: 0, converters: 0, orders: 0, sales: 0, sales2: 0, repeaters: 0 };
    return x;
  };
  const stats = (x: ReturnType<typeof group>): GroupStats => ({
    customers: x.customers,
    converters: x.converters,
    orders: x.orders,
    salesPence: x.sales,
    conversion: ratio(x.converters, x.customers),
    aovPence: ratio(x.sales, x.orders),
    repeatRate: ratio(x.repeaters, x.converters),
    repeaters: x.repeaters,
  });
  const t = group(false);
  const c = group(true);
  return {
    holdoutShare: share,
    treatment: stats(t),
    control: stats(c),
    conversion: diffOfProportions(t.converters, t.customers, c.converters, c.customers),
    aovPence: diffOfMeans({ n: t.orders, sum: t.sales, sumSq: t.sales2 }, { n: c.orders, sum: c.sales, sumSq: c.sales2 }),
    repeatRate: diffOfProportions(t.repeaters, t.converters, c.repeaters, c.converters),
  };
}

// ---------------------------------------------------------------------------------------------
// Everything at once, for the dashboard and the command line

/**
 * The report's parts, each with the queries it needs (the previous period only for headline
 * numbers). Sequential: PGlite runs one query at a time anyway, and a pool of a few connections
 * should not be monopolised by one page.
 */
const withPrevious =
  <T>(query: (db: Db, f: KpiFilters) => Promise<T>) =>
  async (db: Db, f: KpiFilters, prev: KpiFilters) => ({ current: await query(db, f), previous: await query(db, prev) });
const salesAndBuyers = async (db: Db, f: KpiFilters) => ({ ...(await sales(db, f)), customers: await buyers(db, f) });

const PARTS = {
  sales: withPrevious(salesAndBuyers),
  repeatPurchase: withPrevious(repeatPurchase),
  retention: withPrevious(retention),
  series: (db: Db, f: KpiFilters) => salesSeries(db, f),
  retentionSeries: (db: Db, f: KpiFilters) => retentionSeries(db, f),
  cohorts: (db: Db, f: KpiFilters) => cohorts(db, f),
  funnel: (db: Db, f: KpiFilters) => funnel(db, f),
  csat: withPrevious(csat),
  delivery: withPrevious(delivery),
  deals: (db: Db, f: KpiFilters) => deals(db, f),
  recs: (db: Db, f: KpiFilters) => recs(db, f),
  lift: (db: Db, f: KpiFilters) => lift(db, f),
};
export type KpiPart = keyof typeof PARTS;
type Parts = { [K in KpiPart]: Awaited<ReturnType<(typeof PARTS)[K]>> };
export type KpiReport = { filters: KpiFilters; previousPeriod: { from: string; to: string } } & Parts;

/** Some parts of the report (a chart's CSV needs one or two), after bringing the facts up to date. */
export async function kpiReportParts<K extends KpiPart>(db: Db, f: KpiFilters, keys: readonly K[]): Promise<Pick<KpiReport, K | "filters" | "previousPeriod">> {
  await refreshKpiFacts(db);
  const prev = previousPeriod(f);
  const out: Record<string, unknown> = { filters: f, previousPeriod: { from: prev.from, to: prev.to } };
  for (const k of keys) out[k] = await PARTS[k](db, f, prev);
  return out as Pick<KpiReport, K | "filters" | "previousPeriod">;
}

/** All KPIs for a range and its previous period: the dashboard and `npm run kpi`. */
export function kpiReport(db: Db, f: KpiFilters): Promise<KpiReport> {
  return kpiReportParts(db, f, Object.keys(PARTS) as KpiPart[]);
}

/** Each KPI query on its own, for the benchmark. */
export const KPI_QUERIES: Record<string, (db: Db, f: KpiFilters) => Promise<unknown>> = {
  sales,
  buyers,
  salesSeries,
  repeatPurchase,
  retention,
  retentionSeries,
  cohorts,
  funnel,
  csat,
  delivery,
  deals,
  recs,
  lift,
};
