import { eq, sql, type SQL } from "drizzle-orm";
import { users } from "@/db/schema";
import { expirePersonal } from "@/lib/cache/expire";
import type { Db } from "@/lib/db";
import { UserError } from "@/lib/result";

type Who = { id: number; email: string; anon: string[] };

/**
 * Every table that can hold a customer's data, with the query for one customer's rows. The
 * privacy tests check that every table in the database is listed here or in NO_CUSTOMER_DATA,
 * so a new table cannot be forgotten by the export or the erasure.
 */
const CUSTOMER_DATA: Record<string, (w: Who) => SQL> = {
  users: (w) => sql`select id, email, name, role, external_id, country, first_order_at, prefers_eco_delivery, created_at, updated_at from users where id = ${w.id}`,
  addresses: (w) => sql`select * from addresses where user_id = ${w.id} order by id`,
  orders: (w) => sql`select * from orders where user_id = ${w.id} order by placed_at, id`,
  order_lines: (w) => sql`select l.* from order_lines l join orders o on o.id = l.order_id where o.user_id = ${w.id} order by l.order_id, l.line_no`,
  shipments: (w) => sql`select s.* from shipments s join orders o on o.id = s.order_id where o.user_id = ${w.id} order by s.id`,
  shipment_events: (w) =>
    sql`select e.* from shipment_events e join shipments s on s.id = e.shipment_id join orders o on o.id = s.order_id where o.user_id = ${w.id} order by e.id`,
  returns: (w) =>
    sql`select r.id, o.number as order_number, r.status, r.note, r.staff_note, r.created_at, r.decided_at, r.received_at from returns r join orders o on o.id = r.order_id where o.user_id = ${w.id} order by r.id`,
  return_lines: (w) =>
    sql`select l.* from return_lines l join returns r on r.id = l.return_id join orders o on o.id = r.order_id where o.user_id = ${w.id} order by l.return_id, l.line_no`,
  csat_responses: (w) => sql`select * from csat_responses where user_id = ${w.id} order by order_id`,
  carts: (w) => sql`select * from carts where user_id = ${w.id}`,
  cart_lines: (w) => sql`select l.* from cart_lines l join carts c on c.id = l.cart_id where c.user_id = ${w.id} order by l.product_id`,
  // Token hashes are secrets: only when a reset was asked for.
  password_reset_tokens: (w) => sql`select created_at, expires_at, used_at from password_reset_tokens where user_id = ${w.id} order by created_at`,
  outbox: (w) => sql`select id, "to", subject, text, status, created_at, sent_at from outbox where lower("to") = lower(${w.email}) order by id`,
  // Emailed links that prove the address (token hashes are secrets).
  email_tokens: (w) => sql`select purpose, order_id, created_at, expires_at, used_at from email_tokens where email = lower(${w.email}) order by created_at`,
  rate_limits: (w) => sql`select key, window_start, count from rate_limits where right(key, ${w.email.length + 1}) = ${":" + w.email.toLowerCase()}`,
  cdp_events: (w) => sql`select * from cdp_events where user_id = ${w.id} ${anonOr(w, sql`anonymous_id`)} order by "timestamp", id`,
  cdp_dead_letters: (w) => sql`select message_id, event, payload, error, at from cdp_dead_letters where user_id = ${w.id} ${anonOr(w, sql`anonymous_id`)} order by id`,
  cdp_identities: (w) => sql`select * from cdp_identities where user_id = ${w.id} order by linked_at`,
  cdp_consents: (w) => sql`select * from cdp_consents where user_id = ${w.id} ${anonOr(w, sql`substr(subject, 3)`, sql`left(subject, 2) = 'a:' and`)}`,
  recently_viewed: (w) =>
    sql`select * from recently_viewed where user_id = ${w.id} ${anonOr(w, sql`substr(subject, 3)`, sql`left(subject, 2) = 'a:' and`)} order by viewed_at desc`,
  cdp_profiles: (w) => sql`select * from cdp_profiles where user_id = ${w.id}`,
  recs_for_user: (w) => sql`select r.rank, r.product_id, r.score, r.because_product_id from recs_for_user r where r.user_id = ${w.id} order by r.rank`,
  deal_redemptions: (w) =>
    sql`select r.deal_id, d.code, d.name, r.order_id, r.discount_pence, r.at from deal_redemptions r join deals d on d.id = r.deal_id where r.user_id = ${w.id} order by r.at`,
  // Changes staff made to this account (role changes, say); the values go on erasure, the record stays.
  audit_log: (w) => sql`select at, actor_email, action, entity, entity_id, before, after from audit_log where entity = 'user' and entity_id = ${String(w.id)} order by id`,
  segment_memberships: (w) => sql`select m.*, s.slug, s.name from segment_memberships m join segments s on s.id = m.segment_id where m.user_id = ${w.id} order by s.id`,
  // The KPI facts derived from the above (lib/kpi/facts.ts).
  kpi_orders: (w) => sql`select * from kpi_orders where user_id = ${w.id} order by placed_at, order_id`,
  kpi_customers: (w) => sql`select * from kpi_customers where user_id = ${w.id}`,
  kpi_customer_dims: (w) => sql`select * from kpi_customer_dims where user_id = ${w.id} order by device, country`,
  kpi_segment_members: (w) => sql`select * from kpi_segment_members where user_id = ${w.id} order by segment_id`,
  kpi_visits: (w) => sql`select * from kpi_visits where user_id = ${w.id} ${anonOr(w, sql`substr(visitor, 3)`, sql`left(visitor, 2) = 'a:' and`)} order by day`,
  kpi_rec_events: (w) => sql`select * from kpi_rec_events where user_id = ${w.id} order by event_id`,
};

/** Tables without any customer's personal data (catalog, definitions, counters, job bookkeeping). */
export const NO_CUSTOMER_DATA = [
  "categories",
  "products",
  "search_lexicon",
  "import_runs",
  "cdp_sources",
  "cdp_rfm_cuts",
  "segments",
  "segment_sizes",
  "job_runs",
  "recs_runs",
  "recs_neighbours",
  "deals",
  "stock_adjustments",
  "product_images",
  "product_image_files",
  "kpi_refresh_state",
  "kpi_segment_state",
  // A source's refused input (never attributed to anyone), the newest 200 per source, rotated.
  "cdp_source_rejections",
  // KPI rollups: sums and counts per day or month, no customer ids.
  "kpi_daily_orders",
  "kpi_daily_delivered",
  "kpi_daily_csat",
  "kpi_daily_deals",
  "kpi_daily_visits",
  "kpi_daily_recs",
  "kpi_cohort_cells",
  "kpi_month_retention",
];
export const CUSTOMER_DATA_TABLES = Object.keys(CUSTOMER_DATA);

function anonOr(w: Who, col: SQL, prefix: SQL = sql``): SQL {
  return w.anon.length ? sql`or (${prefix} ${col} in ${w.anon})` : sql``;
}

async function who(db: Db, userId: number): Promise<Who | null> {
  const [u] = await db.select({ id: users.id, email: users.email }).from(users).where(eq(users.id, userId));
  if (!u) return null;
  const { rows } = await db.execute<{ a: string }>(sql`select anonymous_id as a from cdp_identities where user_id = ${userId}`);
  return { ...u, anon: rows.map((r) => r.a) };
}

/** Everything held about one customer, table by table (the "Download your data" file). */
export async function exportCustomerData(db: Db, userId: number) {
  const w = await who(db, userId);
  if (!w) throw new UserError("Account not found.");
  const tables: Record<string, unknown[]> = {};
  for (const [table, q] of Object.entries(CUSTOMER_DATA)) tables[table] = (await db.execute(q(w))).rows;
  return { format: "hearth-customer-export/1", exportedAt: new Date().toISOString(), customerId: userId, tables };
}

/**
 * Erases a customer: personal data, events, consent, profile and identity links go; orders stay
 * for the accounts (totals, VAT, lines, country) with no name, email or address; CSAT ratings stay
 * without comment or link. One transaction: it all happens or none of it does.
 */
export async function deleteCustomer(db: Db, userId: number): Promise<{ ordersAnonymized: number; eventsDeleted: number }> {
  const w = await who(db, userId);
  if (!w) throw new UserError("Account not found.");
  const erased = await db.transaction(async (tx) => {
    const anonSubjects = w.anon.map((a) => `a:${a}`);
    await tx.execute(sql`update csat_responses set user_id = null, comment = '' where user_id = ${w.id} or order_id in (select id from orders where user_id = ${w.id})`);
    // Their KPI facts go too; the next refresh re-adds the orders without them (and recounts the days).
    await tx.execute(sql`delete from kpi_orders where user_id = ${w.id}`);
    // What the customer wrote about their returns goes; the return itself stays with the (anonymized) order.
    await tx.execute(sql`update returns set note = '' where order_id in (select id from orders where user_id = ${w.id})`);
    const orders = await tx.execute(sql`
      update orders set user_id = null, email = null, idempotency_key = null, updated_at = now(),
        shipping_address = case when shipping_address is null then null else jsonb_build_object('country', shipping_address->>'country') end
      where user_id = ${w.id} returning id`);
    const events = await tx.execute(sql`delete from cdp_events where user_id = ${w.id} ${anonOr(w, sql`anonymous_id`)} returning id`);
    await tx.execute(sql`delete from cdp_dead_letters where user_id = ${w.id} ${anonOr(w, sql`anonymous_id`)}`);
    if (anonSubjects.length) {
      await tx.execute(sql`delete from recently_viewed where subject in ${anonSubjects}`);
      await tx.execute(sql`delete from cdp_consents where subject in ${anonSubjects}`);
      // KPI visits are keyed by the browser's anonymous id (lib/kpi/facts.ts).
      await tx.execute(sql`delete from kpi_visits where visitor in ${anonSubjects}`);
    }
    await tx.execute(sql`delete from outbox where lower("to") = lower(${w.email})`);
    await tx.execute(sql`delete from email_tokens where email = lower(${w.email})`);
    await tx.execute(sql`delete from rate_limits where right(key, ${w.email.length + 1}) = ${":" + w.email.toLowerCase()}`);
    await tx.execute(sql`update audit_log set before = null, after = null where entity = 'user' and entity_id = ${String(w.id)}`);
    // Deals aimed at this customer by id forget them.
    await tx.execute(sql`
      update deals set targeting = jsonb_set(targeting, '{customers}',
        coalesce((select jsonb_agg(x) from jsonb_array_elements(targeting->'customers') x where x <> to_jsonb(${w.id}::int)), '[]'::jsonb))
      where (targeting->'customers') @> to_jsonb(${w.id}::int)`);
    // Addresses, carts, tokens, identities, consents, recently viewed, profile and memberships cascade.
    await tx.delete(users).where(eq(users.id, w.id));
    return { ordersAnonymized: orders.rows.length, eventsDeleted: events.rows.length };
  });
  // Their cached personal block (recently viewed, For you, deals) goes on every instance too.
  await expirePersonal(w.id, db);
  return erased;
}
