import { sql, type SQL } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { EVENTS } from "@/lib/cdp/track/events";
import { holdoutBucketSql, holdoutShare } from "@/lib/recs/holdout";
import { SHOP_TIME_ZONE } from "@/lib/time";
import { intArray, textArray } from "@/lib/db/arrays";
import { applySegmentChanges, refreshMonths, refreshRollup, ROLLUPS, type RollupName, type Tx } from "./rollups";
import { saleOrder } from "@/lib/orders/sql";

/**
 * Keeps the KPI fact tables (db/schema/kpi.ts) up to date, incrementally: only orders whose order,
 * shipment, CSAT answer or redemption changed since the last run, customers who signed up or
 * bought since, and events after the last one seen. Every step recomputes its rows from the source
 * tables, so running it twice, or over an overlap, changes nothing: that is what lets it look back
 * a little (OVERLAP) for transactions that committed late, and lets several instances run it.
 * The dashboard, `npm run kpi`, the seed and the generator call it before reading.
 */
export const REC_CLICK = EVENTS.productClicked;
export const ATTRIBUTION_DAYS = 7;
// Writes here are short transactions: one that commits this long after its rows' timestamps is
// far-fetched, and each second of look-back is re-read on every refresh.
const OVERLAP = sql`interval '30 seconds'`;
const EVENT_OVERLAP = 200;

/** Shop-local month index (year × 12 + month − 1) and one-day range of a timestamp. */
const monthIndexSql = (at: SQL) => sql`(extract(year from ${at} at time zone ${SHOP_TIME_ZONE}) * 12 + extract(month from ${at} at time zone ${SHOP_TIME_ZONE}) - 1)::int`;
const dayRangeSql = (at: SQL) => sql`daterange((${at} at time zone ${SHOP_TIME_ZONE})::date, (${at} at time zone ${SHOP_TIME_ZONE})::date, '[]')`;

const ORDER_ROLLUPS = ["orders", "delivered", "csat", "deals"] as const satisfies RollupName[];
const EVENT_ROLLUPS = ["visits", "recs"] as const satisfies RollupName[];
const ALL_ROLLUPS = [...ORDER_ROLLUPS, ...EVENT_ROLLUPS];

/** A customer's segment ids, sorted, from kpi_segment_members. */
const segmentsOf = (userId: SQL) => sql`coalesce((select array_agg(m.segment_id order by m.segment_id) from kpi_segment_members m where m.user_id = ${userId}), '{}')`;

/**
 * Brings kpi_segment_members up to segment_memberships, for the segments recomputed (or deleted)
 * since it was last synced, and leaves who joined (+1) or left (−1) in temp table kpi_segment_diff. A
 * recompute that commits meanwhile has a newer computed_at than the one recorded here, so the next
 * refresh diffs that segment again.
 */
async function syncSegmentMembers(tx: Tx, full: boolean): Promise<number> {
  await tx.execute(sql`create temp table kpi_segment_diff (segment_id int not null, user_id int not null, sign int not null) on commit drop`);
  if (full) {
    await tx.execute(sql`truncate kpi_segment_members, kpi_segment_state`);
    await tx.execute(sql`insert into kpi_segment_state (segment_id, computed_at) select id, computed_at from segments`);
    await tx.execute(sql`insert into kpi_segment_members (segment_id, user_id) select segment_id, user_id from segment_memberships`);
    return 0;
  }
  const { rows: gone } = await tx.execute<{ id: number }>(
    sql`delete from kpi_segment_state st where not exists (select 1 from segments s where s.id = st.segment_id) returning st.segment_id as id`,
  );
  if (gone.length) {
    for (const name of ALL_ROLLUPS) await tx.execute(sql`delete from ${sql.raw(ROLLUPS[name].table)} where segment_id = any(${intArray(gone.map((g) => g.id))})`);
  }
  const { rows: changed } = await tx.execute<{ id: number; at: string | null }>(sql`
    select s.id, to_char(s.computed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at from segments s
    left join kpi_segment_state st on st.segment_id = s.id where st.segment_id is null or st.computed_at is distinct from s.computed_at`);
  if (!changed.length) return 0;
  const ids = intArray(changed.map((c) => c.id));
  await tx.execute(sql`
    insert into kpi_segment_diff
    select coalesce(a.segment_id, b.segment_id), coalesce(a.user_id, b.user_id), case when a.user_id is null then -1 else 1 end
    from (select segment_id, user_id from segment_memberships where segment_id = any(${ids})) a
    full join (select segment_id, user_id from kpi_segment_members where segment_id = any(${ids})) b on b.segment_id = a.segment_id and b.user_id = a.user_id
    where a.user_id is null or b.user_id is null`);
  await tx.execute(sql`analyze kpi_segment_diff`);
  await tx.execute(sql`delete from kpi_segment_members k using kpi_segment_diff d where k.segment_id = d.segment_id and k.user_id = d.user_id`);
  await tx.execute(sql`insert into kpi_segment_members (segment_id, user_id)
    select m.segment_id, m.user_id from segment_memberships m join kpi_segment_diff d on d.segment_id = m.segment_id and d.user_id = m.user_id on conflict do nothing`);
  // Their customers' segment lists (kpi_customer_dims copies them). These and the rollup deltas
  // after them are a few index reads per customer; the default page cost (for spinning disks)
  // makes the planner scan whole tables instead. The KPI tables are hot, read all the time.
  await tx.execute(sql`set local random_page_cost = 1.1`);
  await tx.execute(sql`update kpi_customers c set segments = ${segmentsOf(sql`c.user_id`)} where c.user_id in (select user_id from kpi_segment_diff)`);
  await tx.execute(sql`update kpi_customer_dims c set segments = ${segmentsOf(sql`c.user_id`)} where c.user_id in (select user_id from kpi_segment_diff)`);
  for (const c of changed) {
    await tx.execute(sql`insert into kpi_segment_state (segment_id, computed_at) values (${c.id}, ${c.at}::timestamptz)
      on conflict (segment_id) do update set computed_at = excluded.computed_at`);
  }
  return Number((await tx.execute<{ n: number }>(sql`select count(*)::int as n from kpi_segment_diff`)).rows[0]!.n);
}

export type RefreshResult = { orders: number; customers: number; events: number; full: boolean; ms: number };

export async function refreshKpiFacts(db: Db, opts: { full?: boolean } = {}): Promise<RefreshResult> {
  const started = Date.now();
  const tz = SHOP_TIME_ZONE;
  return db.transaction(async (tx) => {
    // One refresh at a time; a second caller skips (the first one's result is as fresh).
    const { rows: lock } = await tx.execute<{ ok: boolean }>(sql`select pg_try_advisory_xact_lock(hashtext('hearth:kpi-refresh')) as ok`);
    if (!lock[0]?.ok) return { orders: 0, customers: 0, events: 0, full: false, ms: Date.now() - started };
    const { rows: st } = await tx.execute<{ time_zone: string; holdout_share: number; since: string | null; events_after: number }>(
      sql`select time_zone, holdout_share, to_char(changes_since at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as since, events_after::float8 as events_after from kpi_refresh_state where id = 1`,
    );
    const state = st[0];
    const share = holdoutShare();
    const full = opts.full || !state || state.time_zone !== tz || state.since === null || state.holdout_share !== share;
    const { rows: nowRow } = await tx.execute<{ now: string }>(sql`select to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as now`);
    const now = nowRow[0]!.now;
    const since = full ? null : sql`${state!.since}::timestamptz - ${OVERLAP}`;
    const eventsAfter = full ? 0 : Math.max(0, state!.events_after - EVENT_OVERLAP);
    if (full) await tx.execute(sql`truncate kpi_orders, kpi_customers, kpi_customer_dims, kpi_visits, kpi_rec_events`);

    // Orders to (re)compute.
    const changed: SQL = full
      ? sql`select id from orders`
      : sql`select id from orders where updated_at > ${since}
        union select order_id from shipments where updated_at > ${since}
        union select s.order_id from shipment_events e join shipments s on s.id = e.shipment_id where e.at > ${since}
        union select order_id from csat_responses where updated_at > ${since}
        union select order_id from deal_redemptions where at > ${since}
        union select o.id from cdp_events e join orders o on o.user_id = e.user_id
          and o.placed_at >= e.timestamp and o.placed_at < e.timestamp + make_interval(days => ${ATTRIBUTION_DAYS})
          where e.id > ${eventsAfter} and e.event = ${REC_CLICK} and e.user_id is not null`;
    // The orders to recompute, and their facts as they were: only rows that really change (or are
    // new) touch the rollups, so re-reading the overlap costs little.
    await tx.execute(sql`create temp table kpi_changed on commit drop as ${changed}`);
    await tx.execute(
      sql`create temp table kpi_before on commit drop as select k.order_id, k.day, k.delivered_day, k.csat_day from kpi_orders k join kpi_changed c on c.id = k.order_id`,
    );
    await tx.execute(sql`create temp table kpi_moved (id int primary key) on commit drop`);
    await tx.execute(sql`
      with ids as materialized (select id from kpi_changed),
      o as materialized (select o.* from orders o join ids on ids.id = o.id),
      clicks as materialized (
        select e.user_id, (e.properties->>'product_id')::int as product_id, e.timestamp as at from cdp_events e
        where e.event = ${REC_CLICK} and e.user_id is not null and jsonb_typeof(e.properties->'product_id') = 'number'
          and e.user_id in (select user_id from o)
      ),
      -- Hash joins on (customer, product), then the time window; a line clicked twice counts once.
      attributed as (
        select x.order_id, sum(x.amount) as amount from (
          select distinct l.order_id, l.line_no, l.quantity * l.unit_price_pence as amount
          from o join order_lines l on l.order_id = o.id and l.kind = 'product'
          join clicks k on k.user_id = o.user_id and k.product_id = l.product_id
            and k.at <= o.placed_at and k.at > o.placed_at - make_interval(days => ${ATTRIBUTION_DAYS})
        ) x group by x.order_id
      ),
      r as (
        select x.order_id, count(*)::int as n, sum(x.discount_pence)::int as discount from deal_redemptions x
        where x.order_id in (select id from o) group by x.order_id
      ),
      up as (
      insert into kpi_orders (order_id, user_id, placed_at, day, month, sale, refund, device, country, total_pence,
        ship_method, co2_grams, delivered_day, on_time, delivery_hours, csat_rating, csat_day, deal_redemptions, deal_discount_pence, rec_revenue_pence)
      select o.id, o.user_id, o.placed_at, (o.placed_at at time zone ${tz})::date, date_trunc('month', o.placed_at at time zone ${tz})::date,
        ${saleOrder("o")}, o.kind = 'refund' and o.status <> 'cancelled', o.device_type, o.country, o.total_pence,
        s.method::text, s.co2_grams, (s.delivered_at at time zone ${tz})::date, s.on_time,
        extract(epoch from (s.delivered_at - o.placed_at)) / 3600,
        c.order_rating, (c.created_at at time zone ${tz})::date,
        coalesce(r.n, 0), coalesce(r.discount, 0), coalesce(a.amount, 0)
      from o
      left join shipments s on s.order_id = o.id
      left join csat_responses c on c.order_id = o.id
      left join r on r.order_id = o.id
      left join attributed a on a.order_id = o.id
      on conflict (order_id) do update set user_id = excluded.user_id, placed_at = excluded.placed_at, day = excluded.day, month = excluded.month,
        sale = excluded.sale, refund = excluded.refund, device = excluded.device, country = excluded.country, total_pence = excluded.total_pence,
        ship_method = excluded.ship_method, co2_grams = excluded.co2_grams, delivered_day = excluded.delivered_day, on_time = excluded.on_time,
        delivery_hours = excluded.delivery_hours, csat_rating = excluded.csat_rating, csat_day = excluded.csat_day,
        deal_redemptions = excluded.deal_redemptions, deal_discount_pence = excluded.deal_discount_pence, rec_revenue_pence = excluded.rec_revenue_pence
      where (kpi_orders.user_id, kpi_orders.placed_at, kpi_orders.sale, kpi_orders.refund, kpi_orders.device, kpi_orders.country, kpi_orders.total_pence,
          kpi_orders.ship_method, kpi_orders.co2_grams, kpi_orders.delivered_day, kpi_orders.on_time, kpi_orders.delivery_hours, kpi_orders.csat_rating,
          kpi_orders.csat_day, kpi_orders.deal_redemptions, kpi_orders.deal_discount_pence, kpi_orders.rec_revenue_pence)
        is distinct from (excluded.user_id, excluded.placed_at, excluded.sale, excluded.refund, excluded.device, excluded.country, excluded.total_pence,
          excluded.ship_method, excluded.co2_grams, excluded.delivered_day, excluded.on_time, excluded.delivery_hours, excluded.csat_rating,
          excluded.csat_day, excluded.deal_redemptions, excluded.deal_discount_pence, excluded.rec_revenue_pence)
      returning order_id
      )
      insert into kpi_moved (id) select order_id from up`);
    const orders = Number((await tx.execute<{ n: number }>(sql`select count(*)::int as n from kpi_moved`)).rows[0]!.n);
    // The days (and months) of the rows that changed, before and after.
    const touched = full
      ? []
      : (
          await tx.execute<{ d: string; m: string }>(sql`
          with moved as (select id from kpi_moved)
          select distinct to_char(d, 'YYYY-MM-DD') as d, to_char(date_trunc('month', d), 'YYYY-MM-DD') as m from (
            select unnest(array[k.day, k.delivered_day, k.csat_day]) as d from kpi_orders k join moved on moved.id = k.order_id
            union all select unnest(array[b.day, b.delivered_day, b.csat_day]) from kpi_before b join moved on moved.id = b.order_id
          ) x where d is not null`)
        ).rows;

    // Segment rollups and the customers' `segments` count kpi_segment_members: bring it up to the
    // segments' current members first.
    const segmentChanges = await syncSegmentMembers(tx, full);

    // Customers who signed up, changed or bought since.
    const who: SQL = full
      ? sql`select id from users where role = 'customer'`
      : sql`select id from users where role = 'customer' and updated_at > ${since}
        union select user_id from orders where updated_at > ${since} and user_id is not null`;
    await tx.execute(sql`create temp table kpi_who on commit drop as ${who}`);
    // Whose cohort (first purchase month) this refresh moves: every month they bought in changes.
    await tx.execute(sql`create temp table kpi_old_cohort on commit drop as select k.user_id, k.first_sale_month from kpi_customers k join kpi_who w on w.id = k.user_id`);
    const customers = await tx.execute(sql`
      with f as (
        select o.user_id, min(o.placed_at) as first_any,
          min(o.placed_at) filter (where ${saleOrder("o")}) as first_sale,
          (array_agg(o.placed_at order by o.placed_at) filter (where ${saleOrder("o")}))[2] as second_sale,
          coalesce(array_agg(distinct ${monthIndexSql(sql`o.placed_at`)}) filter (where ${saleOrder("o")}), '{}') as months,
          coalesce(range_agg(${dayRangeSql(sql`o.placed_at`)}) filter (where ${saleOrder("o")}), '{}') as days
        from orders o where o.user_id in (select id from kpi_who) group by o.user_id
      )
      insert into kpi_customers (user_id, known_at, first_sale_at, first_sale_month, second_sale_at, active_months, sale_days, bucket, segments)
      select u.id, least(u.created_at, f.first_any), f.first_sale, date_trunc('month', f.first_sale at time zone ${tz})::date, f.second_sale,
        coalesce(f.months, '{}'), coalesce(f.days, '{}'), ${holdoutBucketSql(sql`u.id`)}, ${segmentsOf(sql`u.id`)}
      from users u join kpi_who w on w.id = u.id
      left join f on f.user_id = u.id
      where u.role = 'customer'
      on conflict (user_id) do update set known_at = excluded.known_at, first_sale_at = excluded.first_sale_at, first_sale_month = excluded.first_sale_month,
        second_sale_at = excluded.second_sale_at, active_months = excluded.active_months, sale_days = excluded.sale_days, bucket = excluded.bucket, segments = excluded.segments
      where (kpi_customers.known_at, kpi_customers.first_sale_at, kpi_customers.second_sale_at, kpi_customers.active_months, kpi_customers.sale_days, kpi_customers.bucket, kpi_customers.segments)
        is distinct from (excluded.known_at, excluded.first_sale_at, excluded.second_sale_at, excluded.active_months, excluded.sale_days, excluded.bucket, excluded.segments)`);
    // The same per order device and/or country, rebuilt for these customers.
    if (!full) await tx.execute(sql`delete from kpi_customer_dims where user_id in (select id from kpi_who)`);
    await tx.execute(sql`
      insert into kpi_customer_dims (user_id, device, country, first_sale_at, second_sale_at, active_months, sale_days, first_sale_ever_at, first_sale_month, bucket, segments)
      select d.user_id, d.device, d.country, d.first_at, d.second_at, d.months, d.days, c.first_sale_at, c.first_sale_month, c.bucket, c.segments from (
        select o.user_id, case when grouping(o.device) = 1 then '*' else o.device end as device, case when grouping(o.country) = 1 then '*' else o.country end as country,
          min(o.placed_at) as first_at, (array_agg(o.placed_at order by o.placed_at))[2] as second_at,
          array_agg(distinct ${monthIndexSql(sql`o.placed_at`)}) as months, range_agg(${dayRangeSql(sql`o.placed_at`)}) as days
        from (select user_id, placed_at, coalesce(device_type, '') as device, coalesce(country, '') as country from orders
          where ${saleOrder()} and user_id in (select id from kpi_who)) o
        group by grouping sets ((o.user_id, o.device), (o.user_id, o.country), (o.user_id, o.device, o.country))
      ) d join kpi_customers c on c.user_id = d.user_id where d.device <> '' and d.country <> ''
      order by 2, 3, 1`); // a filter's rows together on disk (after a rebuild), so it reads fewer pages
    const movedMonths = full
      ? []
      : (
          await tx.execute<{ m: string }>(sql`
          select distinct to_char(k.month, 'YYYY-MM-DD') as m from kpi_orders k
          where k.user_id in (select o.user_id from kpi_old_cohort o join kpi_customers c on c.user_id = o.user_id where c.first_sale_month is distinct from o.first_sale_month)`)
        ).rows.map((r) => r.m);
    // Staff are not customers (a customer promoted to staff leaves the table).
    if (!full) {
      await tx.execute(sql`delete from kpi_customers k using users u where u.id = k.user_id and u.role <> 'customer' and u.updated_at > ${since}`);
      await tx.execute(sql`delete from kpi_customer_dims k using users u where u.id = k.user_id and u.role <> 'customer' and u.updated_at > ${since}`);
    }

    // Events after the last one seen: visits (steps OR-ed in) and recommendation rails and clicks.
    const { rows: maxRow } = await tx.execute<{ max: number | null }>(sql`select max(id)::float8 as max from cdp_events`);
    const maxEvent = maxRow[0]?.max ?? 0;
    const visits = await tx.execute<{ d: string }>(sql`
      insert into kpi_visits (day, visitor, device, user_id, product_view, cart, checkout, ordered)
      select (e.timestamp at time zone ${tz})::date, coalesce('a:' || e.anonymous_id, 'u:' || e.user_id::text), coalesce(e.device_type, 'unknown'),
        max(e.user_id), bool_or(e.event = ${EVENTS.productViewed}), bool_or(e.event = ${EVENTS.productAdded}),
        bool_or(e.event = ${EVENTS.checkoutStarted}), bool_or(e.event = ${EVENTS.orderCompleted})
      from cdp_events e
      where e.id > ${eventsAfter} and e.id <= ${maxEvent} and e.type in ('page', 'track') and (e.user_id is not null or e.anonymous_id is not null)
      group by 1, 2, 3
      on conflict (day, visitor, device) do update set user_id = coalesce(excluded.user_id, kpi_visits.user_id),
        product_view = kpi_visits.product_view or excluded.product_view, cart = kpi_visits.cart or excluded.cart,
        checkout = kpi_visits.checkout or excluded.checkout, ordered = kpi_visits.ordered or excluded.ordered
      where kpi_visits.user_id is distinct from coalesce(excluded.user_id, kpi_visits.user_id)
        or (excluded.product_view and not kpi_visits.product_view) or (excluded.cart and not kpi_visits.cart)
        or (excluded.checkout and not kpi_visits.checkout) or (excluded.ordered and not kpi_visits.ordered)
      returning to_char(day, 'YYYY-MM-DD') as d`);
    const recs = await tx.execute<{ d: string }>(sql`
      insert into kpi_rec_events (event_id, day, user_id, device, surface, click)
      select e.id, (e.timestamp at time zone ${tz})::date, e.user_id, e.device_type,
        coalesce(case when e.event = ${REC_CLICK} then e.properties->>'surface' else e.properties->>'list_id' end, 'unknown'), e.event = ${REC_CLICK}
      from cdp_events e where e.id > ${eventsAfter} and e.id <= ${maxEvent} and e.event in (${REC_CLICK}, ${EVENTS.productListViewed})
      on conflict (event_id) do nothing
      returning to_char(day, 'YYYY-MM-DD') as d`);
    const eventDays = [...new Set([...visits.rows, ...recs.rows].map((r) => r.d))];

    // The rollups, for the days (and months) this refresh touched; everything on a full refresh.
    if (!full) {
      await tx.execute(sql`create temp table kpi_redo (rollup text not null, segment_id int not null, day date not null) on commit drop`);
      const everySegment = sql`(select 0 as id union all select id from segments)`;
      const orderDays = [...new Set(touched.map((x) => x.d))];
      for (const [names, days] of [
        [ORDER_ROLLUPS, orderDays],
        [EVENT_ROLLUPS, eventDays],
      ] as const) {
        if (!days.length) continue;
        await tx.execute(sql`insert into kpi_redo select n, s.id, d from unnest(${textArray([...names])}) n, unnest(${textArray(days)}::date[]) d, ${everySegment} s`);
      }
      await tx.execute(sql`analyze kpi_redo`);
    }
    const redo = full ? ALL_ROLLUPS : (await tx.execute<{ rollup: RollupName }>(sql`select distinct rollup from kpi_redo`)).rows.map((r) => r.rollup);
    for (const name of redo) await refreshRollup(tx, name, full);
    // Joiners' and leavers' facts on the other days are added to or taken from their segments' rows.
    if (segmentChanges) for (const name of ALL_ROLLUPS) await applySegmentChanges(tx, name);
    await refreshMonths(tx, full ? null : [...new Set(touched.map((x) => x.m).concat(movedMonths))]);

    await tx.execute(sql`
      insert into kpi_refresh_state (id, time_zone, holdout_share, changes_since, events_after, refreshed_at) values (1, ${tz}, ${share}, ${now}::timestamptz, ${Math.max(maxEvent, full ? 0 : state!.events_after)}, now())
      on conflict (id) do update set time_zone = excluded.time_zone, holdout_share = excluded.holdout_share, changes_since = excluded.changes_since, events_after = excluded.events_after, refreshed_at = excluded.refreshed_at`);
    if (full)
      await tx.execute(
        sql`analyze kpi_orders, kpi_customers, kpi_customer_dims, kpi_segment_members, kpi_visits, kpi_rec_events, kpi_daily_orders, kpi_daily_delivered, kpi_daily_csat, kpi_daily_deals, kpi_daily_visits, kpi_daily_recs, kpi_cohort_cells, kpi_month_retention`,
      );
    const count = (r: unknown) => (r as { rowCount?: number; affectedRows?: number }).rowCount ?? (r as { affectedRows?: number }).affectedRows ?? 0;
    return { orders, customers: count(customers), events: maxEvent - eventsAfter, full, ms: Date.now() - started };
  });
}
