import { eq, sql, type SQL } from "drizzle-orm";
import { cdpProfiles } from "@/db/schema";
import type { Db } from "@/lib/db";
import { intArray } from "@/lib/db/arrays";
import { env } from "@/lib/env";
import { saleOrder } from "@/lib/orders/sql";

/** Lifecycle windows in days (README "Segments"). */
export const LIFECYCLE = { newDays: 30, activeDays: 90, atRiskDays: 180 } as const;
export const LIFECYCLE_STAGES = ["prospect", "new", "champion", "active", "at_risk", "lapsed"] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

/** The date profiles are computed "as of": CDP_AS_OF (for replaying history) or now. */
export function defaultAsOf(): Date {
  const asOf = env().CDP_AS_OF;
  return asOf ? new Date(asOf) : new Date();
}

export type RecomputeResult = { profiles: number; asOf: Date; cuts: { recency: number[]; frequency: number[]; monetary: number[] } | null };

/**
 * Builds the unified profile of every customer (or only `userIds`) in SQL, from orders (imported
 * and web), order lines, events, shipments, CSAT answers and consent. A full run also re-derives
 * the RFM quintile cut points; a partial run scores against the stored ones, so rescoring one
 * customer after an order never ranks the whole base.
 */
export async function recomputeProfiles(db: Db, opts: { userIds?: number[]; asOf?: Date } = {}): Promise<RecomputeResult> {
  const asOf = opts.asOf ?? defaultAsOf();
  const ids = opts.userIds ? [...new Set(opts.userIds)] : null;
  if (ids && !ids.length) return { profiles: 0, asOf, cuts: null };
  const only = (col: SQL) => (ids ? sql`and ${col} in ${ids}` : sql``);
  const t = asOf.toISOString();

  const upsert = await db.execute(sql`
    with base as (
      select u.id as user_id, u.created_at, u.external_id from users u where u.role = 'customer' ${only(sql`u.id`)}
    ),
    o as (
      select o.user_id,
        count(*) filter (where o.kind = 'sale')::int as orders_count,
        coalesce(sum(o.total_pence), 0)::bigint as ltv,
        coalesce(sum(o.total_pence) filter (where o.kind = 'sale'), 0)::bigint as sales,
        min(o.placed_at) filter (where o.kind = 'sale') as first_order_at,
        max(o.placed_at) filter (where o.kind = 'sale') as last_order_at,
        count(*) filter (where o.kind = 'sale' and o.placed_at > ${t}::timestamptz - interval '365 days')::int as orders_365,
        count(*) filter (where o.kind = 'sale' and o.device_type = 'mobile')::int as mobile_orders,
        count(*) filter (where o.kind = 'sale' and o.device_type is not null)::int as device_orders
      from orders o join base b on b.user_id = o.user_id
      where o.status <> 'cancelled' and o.placed_at <= ${t}::timestamptz
      group by o.user_id
    ),
    cat as (
      select o.user_id, c.slug, c.name, sum(l.quantity)::int as units
      from orders o join base b on b.user_id = o.user_id
      join order_lines l on l.order_id = o.id and l.kind = 'product'
      join products p on p.id = l.product_id
      join categories c on c.id = p.category_id
      where ${saleOrder("o")} and o.placed_at <= ${t}::timestamptz
      group by o.user_id, c.slug, c.name
    ),
    fav as (
      select user_id,
        jsonb_agg(jsonb_build_object('slug', slug, 'name', name, 'units', units) order by units desc, slug) as cats,
        array_agg(slug order by units desc, slug) as slugs
      from (select cat.*, row_number() over (partition by user_id order by units desc, slug) as rn from cat where units > 0) ranked
      where rn <= 3
      group by user_id
    ),
    ev as (
      select e.user_id, count(*)::int as n, min(e."timestamp") as first_at, max(e."timestamp") as last_at,
        count(*) filter (where e.device_type = 'mobile')::int as m,
        count(*) filter (where e.device_type = 'tablet')::int as tb,
        count(*) filter (where e.device_type = 'desktop')::int as d
      from cdp_events e join base b on b.user_id = e.user_id
      where e."timestamp" <= ${t}::timestamptz
      group by e.user_id
    ),
    sh as (
      select o.user_id, count(*)::int as shipments,
        count(*) filter (where s.method in ('bike', 'ev'))::int as eco,
        count(*) filter (where s.on_time)::int as on_time,
        count(*) filter (where s.on_time is not null)::int as judged
      from shipments s join orders o on o.id = s.order_id join base b on b.user_id = o.user_id
      where o.status <> 'cancelled' and o.placed_at <= ${t}::timestamptz
      group by o.user_id
    ),
    cs as (
      select r.user_id, count(*)::int as n, avg(r.order_rating)::float8 as avg
      from csat_responses r join base b on b.user_id = r.user_id
      group by r.user_id
    )
    insert into cdp_profiles as p (
      user_id, first_seen_at, last_seen_at, orders_count, lifetime_value_pence, aov_pence, first_order_at, last_order_at,
      recency_days, orders_365, favourite_categories, favourite_category_slugs, events_count, mobile_events, tablet_events,
      desktop_events, mobile_share, deliveries, eco_deliveries, eco_share, on_time_deliveries, on_time_rate, csat_count,
      csat_average, consent_analytics, consent_personalization, as_of, computed_at
    )
    select b.user_id,
      -- An imported account's created_at is the import run, not a touchpoint.
      least(ev.first_at, o.first_order_at, case when b.external_id is null then b.created_at end),
      greatest(ev.last_at, o.last_order_at, case when b.external_id is null then b.created_at end),
      coalesce(o.orders_count, 0),
      coalesce(o.ltv, 0)::int,
      case when o.orders_count > 0 then round(o.sales::numeric / o.orders_count)::int else 0 end,
      o.first_order_at, o.last_order_at,
      -- Calendar days (UTC) since the last order: "bought yesterday" is 1 whatever the hour.
      ((${t}::timestamptz at time zone 'UTC')::date - (o.last_order_at at time zone 'UTC')::date),
      coalesce(o.orders_365, 0),
      coalesce(fav.cats, '[]'::jsonb), coalesce(fav.slugs, '{}'::text[]),
      coalesce(ev.n, 0), coalesce(ev.m, 0), coalesce(ev.tb, 0), coalesce(ev.d, 0),
      case
        when coalesce(ev.m + ev.tb + ev.d, 0) > 0 then ev.m::float8 / (ev.m + ev.tb + ev.d)
        when coalesce(o.device_orders, 0) > 0 then o.mobile_orders::float8 / o.device_orders
      end,
      coalesce(sh.shipments, 0), coalesce(sh.eco, 0),
      case when sh.shipments > 0 then sh.eco::float8 / sh.shipments end,
      coalesce(sh.on_time, 0),
      case when sh.judged > 0 then sh.on_time::float8 / sh.judged end,
      coalesce(cs.n, 0), cs.avg,
      coalesce(cn.analytics, false), coalesce(cn.personalization, false),
      ${t}::timestamptz, now()
    from base b
    left join o on o.user_id = b.user_id
    left join fav on fav.user_id = b.user_id
    left join ev on ev.user_id = b.user_id
    left join sh on sh.user_id = b.user_id
    left join cs on cs.user_id = b.user_id
    left join cdp_consents cn on cn.subject = 'u:' || b.user_id
    on conflict (user_id) do update set
      first_seen_at = excluded.first_seen_at, last_seen_at = excluded.last_seen_at, orders_count = excluded.orders_count,
      lifetime_value_pence = excluded.lifetime_value_pence, aov_pence = excluded.aov_pence,
      first_order_at = excluded.first_order_at, last_order_at = excluded.last_order_at, recency_days = excluded.recency_days,
      orders_365 = excluded.orders_365, favourite_categories = excluded.favourite_categories,
      favourite_category_slugs = excluded.favourite_category_slugs, events_count = excluded.events_count,
      mobile_events = excluded.mobile_events, tablet_events = excluded.tablet_events, desktop_events = excluded.desktop_events,
      mobile_share = excluded.mobile_share, deliveries = excluded.deliveries, eco_deliveries = excluded.eco_deliveries,
      eco_share = excluded.eco_share, on_time_deliveries = excluded.on_time_deliveries, on_time_rate = excluded.on_time_rate,
      csat_count = excluded.csat_count, csat_average = excluded.csat_average, consent_analytics = excluded.consent_analytics,
      consent_personalization = excluded.consent_personalization, as_of = excluded.as_of, computed_at = excluded.computed_at
    returning user_id`);
  const profiles = (upsert as { rows: unknown[] }).rows.length;

  if (!ids) {
    // Staff accounts are not customers: no profile.
    await db.execute(sql`delete from cdp_profiles p using users u where u.id = p.user_id and u.role <> 'customer'`);
  }
  let cuts = ids ? await storedCuts(db) : null;
  if (!cuts) cuts = await computeCuts(db, asOf);
  await scoreProfiles(db, cuts, asOf, only(sql`p.user_id`));
  return { profiles, asOf, cuts };
}

/** Cut points as whole numbers (percentiles of integer columns, but drivers may hand back text). */
const whole = (a: number[]) => intArray(a.map((n) => Math.round(Number(n))));

type Cuts = { recency: number[]; frequency: number[]; monetary: number[] };

async function storedCuts(db: Db): Promise<Cuts | null> {
  const { rows } = await db.execute<Cuts>(sql`select recency, frequency, monetary from cdp_rfm_cuts where id = 1`);
  return rows[0] ?? null;
}

/** Quintile cut points (20/40/60/80th percentiles) over customers with orders. */
async function computeCuts(db: Db, asOf: Date): Promise<Cuts> {
  const { rows } = await db.execute<Cuts>(sql`
    select
      coalesce(percentile_disc(array[0.2, 0.4, 0.6, 0.8]) within group (order by recency_days), array[0,0,0,0]) as recency,
      coalesce(percentile_disc(array[0.2, 0.4, 0.6, 0.8]) within group (order by orders_count), array[0,0,0,0]) as frequency,
      coalesce(percentile_disc(array[0.2, 0.4, 0.6, 0.8]) within group (order by lifetime_value_pence), array[0,0,0,0]) as monetary
    from cdp_profiles where orders_count > 0`);
  const cuts = rows[0]!;
  await db.execute(sql`
    insert into cdp_rfm_cuts (id, recency, frequency, monetary, as_of, computed_at)
    values (1, ${whole(cuts.recency)}, ${whole(cuts.frequency)}, ${whole(cuts.monetary)}, ${asOf.toISOString()}::timestamptz, now())
    on conflict (id) do update set recency = excluded.recency, frequency = excluded.frequency, monetary = excluded.monetary,
      as_of = excluded.as_of, computed_at = excluded.computed_at`);
  return cuts;
}

/**
 * Score = 1 + the number of cut points the value is above (recency: below), so ties share a score
 * and a customer scored alone gets what a full ranking would give. Then the lifecycle stage.
 */
async function scoreProfiles(db: Db, cuts: Cuts, asOf: Date, filter: SQL): Promise<void> {
  const above = (col: SQL, c: number[]) =>
    sql.join(
      c.map((x) => sql`(${col} > ${Math.round(Number(x))})::int`),
      sql` + `,
    );
  await db.execute(sql`
    update cdp_profiles p set
      r_score = case when p.orders_count > 0 then 5 - (${above(sql`p.recency_days`, cuts.recency)}) end,
      f_score = case when p.orders_count > 0 then 1 + ${above(sql`p.orders_count`, cuts.frequency)} end,
      m_score = case when p.orders_count > 0 then 1 + ${above(sql`p.lifetime_value_pence`, cuts.monetary)} end
    where true ${filter}`);
  const t = asOf.toISOString();
  await db.execute(sql`
    update cdp_profiles p set lifecycle = case
      when p.orders_count = 0 then 'prospect'
      when p.first_order_at > ${t}::timestamptz - make_interval(days => ${LIFECYCLE.newDays}) then 'new'
      when p.recency_days <= ${LIFECYCLE.activeDays} and p.r_score >= 4 and p.f_score >= 4 then 'champion'
      when p.recency_days <= ${LIFECYCLE.activeDays} then 'active'
      when p.recency_days <= ${LIFECYCLE.atRiskDays} then 'at_risk'
      else 'lapsed' end
    where true ${filter}`);
}

export async function profileOf(db: Db, userId: number) {
  const [row] = await db.select().from(cdpProfiles).where(eq(cdpProfiles.userId, userId));
  return row ?? null;
}
