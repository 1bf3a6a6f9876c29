import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { EVENTS } from "@/lib/cdp/track/events";
import { prng } from "@/lib/catalog/generate";
import { holdoutBucket, holdoutShare } from "@/lib/recs/holdout";
import { refreshKpiFacts } from "./facts";
import { REC_CLICK, REC_LIST_VIEWED } from "./queries";

/**
 * Synthetic shop history on top of the seed, for demos and for measuring the KPI queries at scale:
 * customers who sign up over the window and come back at their own pace (a few loyal, most once),
 * web orders from a growing share of phones, shipments (eco methods gaining ground, a few late),
 * CSAT answers after delivery (late ones rate lower), deal redemptions, refunds and cancellations,
 * and the CDP events around them (visits that do and do not convert, recommendation rails and
 * clicks). Personalization gives the treatment group slightly more repeat orders than the holdout,
 * so the lift panel has something to find. Deterministic for a given seed.
 */
export type GenerateOptions = {
  orders: number;
  /** The window's last day (exclusive end is the day after); default today. */
  until?: Date;
  months?: number;
  seed?: number;
  /** Visits that do not end in an order, per order. */
  browsingVisitsPerOrder?: number;
  log?: (m: string) => void;
};

export type GenerateReport = {
  customers: number;
  orders: number;
  refunds: number;
  lines: number;
  shipments: number;
  csat: number;
  redemptions: number;
  events: number;
  ms: number;
};

const DAY = 86_400_000;
const COUNTRIES: [string, number][] = [
  ["United Kingdom", 0.82],
  ["Germany", 0.05],
  ["France", 0.045],
  ["Ireland", 0.03],
  ["Netherlands", 0.02],
  ["Spain", 0.015],
  ["Belgium", 0.01],
  ["Sweden", 0.01],
];

export async function generateData(db: Db, opts: GenerateOptions): Promise<GenerateReport> {
  const started = Date.now();
  const log = opts.log ?? (() => {});
  const rnd = prng(opts.seed ?? 42);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const weighted = <T>(xs: readonly [T, number][]) => {
    let x = rnd() * xs.reduce((s, [, w]) => s + w, 0);
    for (const [v, w] of xs) if ((x -= w) <= 0) return v;
    return xs[xs.length - 1]![0];
  };
  const normal = () => Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());

  // The window ends at the end of `until`, or now: nothing is placed in the future.
  const end = opts.until ? Date.UTC(opts.until.getUTCFullYear(), opts.until.getUTCMonth(), opts.until.getUTCDate()) + DAY : Date.now();
  const start = end - (opts.months ?? 24) * 30.4 * DAY;
  const span = end - start;

  const products = (
    await db.execute<{ id: number; sku: string; title: string; price: number }>(
      sql`select id, sku, title, price_pence as price from products where status = 'active' and price_pence > 0 order by id limit 2000`,
    )
  ).rows;
  if (!products.length) throw new Error("No active products: seed the catalogue first (npm run db:seed).");
  const dealRows = (await db.execute<{ id: number }>(sql`select id from deals order by id limit 20`)).rows;
  const share = holdoutShare();

  // Reserve id blocks, so rows can refer to each other before they are written.
  const reserve = async (seq: string, n: number) => {
    if (n <= 0) return 0;
    const { rows } = await db.execute<{ last: string | number }>(sql`select setval(${seq}::regclass, nextval(${seq}::regclass) + ${n} - 1) as last`);
    return Number(rows[0]!.last) - n + 1;
  };
  const run = `${(opts.seed ?? 42).toString(36)}${Date.now().toString(36)}`;

  // Customers: each has a sign-up time, a device habit, a country and a pace.
  const customerCount = Math.max(1, Math.round(opts.orders / 4));
  const firstUser = await reserve("users_id_seq", customerCount);
  type Customer = { id: number; signup: number; mobileBias: number; country: string; gapDays: number; loyal: number; control: boolean };
  const customers: Customer[] = [];
  for (let i = 0; i < customerCount; i++) {
    const id = firstUser + i;
    // Sign-ups grow over the window (more late than early).
    const signup = start + Math.sqrt(rnd()) * span * 0.97;
    customers.push({
      id,
      signup,
      mobileBias: rnd(),
      country: weighted(COUNTRIES),
      gapDays: 20 + rnd() * 90,
      loyal: rnd(),
      control: holdoutBucket(id) < share,
    });
  }

  // Orders: spread over customers in proportion to how loyal they are (a long tail).
  type Order = {
    id: number;
    userId: number;
    at: number;
    device: string;
    country: string;
    total: number;
    status: string;
    kind: "sale" | "refund";
    lines: { productId: number; sku: string; title: string; qty: number; price: number }[];
  };
  const firstOrder = await reserve("orders_id_seq", Math.round(opts.orders * 1.05) + 10);
  const orders: Order[] = [];
  let nextOrderId = firstOrder;
  const weights = customers.map((c) => 0.3 + c.loyal ** 3 * 6 * (c.control ? 0.92 : 1));
  const totalWeight = weights.reduce((s, w) => s + w, 0);
  // Orders per customer: in proportion to loyalty with some noise, then nudged to the exact total.
  const counts = weights.map((w) => {
    const expected = (w / totalWeight) * opts.orders;
    return Math.max(1, Math.round(expected + normal() * Math.sqrt(expected)));
  });
  let sum = counts.reduce((s, n) => s + n, 0);
  while (sum < opts.orders) {
    counts[Math.floor(rnd() * counts.length)]! += 1;
    sum++;
  }
  for (let guard = 0; sum > opts.orders && guard < 50 * counts.length; guard++) {
    const i = Math.floor(rnd() * counts.length);
    if (counts[i]! > (sum - opts.orders > customers.length / 2 ? 0 : 1)) {
      counts[i]! -= 1;
      sum--;
    }
  }
  for (let ci = 0; ci < customers.length; ci++) {
    const c = customers[ci]!;
    const n = counts[ci]!;
    if (!n) continue;
    // Customer-paced gaps; squeezed to fit when they would run past the window's end.
    const gaps = Array.from({ length: n }, (_, k) => (k === 0 ? rnd() * 3 : c.gapDays * (0.3 - Math.log(1 - rnd()))) * DAY);
    const total = gaps.reduce((s, g) => s + g, 0);
    // (to a random part of the room left, so squeezed customers do not all end on the last day).
    const room = (end - 60_000 - c.signup) * (0.4 + 0.6 * rnd());
    const squeeze = total > room ? room / total : 1;
    let t = c.signup;
    for (let k = 0; k < n; k++) {
      t += gaps[k]! * squeeze;
      const progress = (t - start) / span;
      // Phones gain share over the window (40% → 65% of web orders).
      const mobile = rnd() < 0.4 + 0.25 * progress + (c.mobileBias - 0.5) * 0.3;
      const device = mobile ? "mobile" : rnd() < 0.2 ? "tablet" : "desktop";
      const lineCount = 1 + Math.floor(rnd() * rnd() * 5);
      const lines = Array.from({ length: lineCount }, () => {
        const p = pick(products);
        return { productId: p.id, sku: p.sku, title: p.title, qty: 1 + Math.floor(rnd() * rnd() * 6), price: p.price };
      });
      const total = lines.reduce((s, l) => s + l.qty * l.price, 0) + (rnd() < 0.6 ? 495 : 0);
      const status = end - t < 3 * DAY ? "dispatched" : rnd() < 0.02 ? "cancelled" : "delivered";
      orders.push({ id: nextOrderId++, userId: c.id, at: t, device, country: c.country, total, status, kind: "sale", lines });
    }
  }
  // Refund notes for 3% of delivered sales, a few days later.
  const refunds: Order[] = [];
  for (const o of orders) {
    if (o.status !== "delivered" || rnd() >= 0.03) continue;
    const l = o.lines[0]!;
    const at = Math.min(o.at + (3 + rnd() * 20) * DAY, end - 1000);
    refunds.push({
      id: nextOrderId++,
      userId: o.userId,
      at,
      device: o.device,
      country: o.country,
      total: -l.qty * l.price,
      status: "refunded",
      kind: "refund",
      lines: [{ ...l, qty: -l.qty }],
    });
  }
  if (nextOrderId > firstOrder + Math.round(opts.orders * 1.05) + 10) throw new Error("order id block too small");
  log(`planned ${customers.length} customers, ${orders.length} orders, ${refunds.length} refunds`);

  const report: GenerateReport = { customers: 0, orders: 0, refunds: refunds.length, lines: 0, shipments: 0, csat: 0, redemptions: 0, events: 0, ms: 0 };
  const insert = async (table: string, rows: Record<string, unknown>[]) => {
    for (let s = 0; s < rows.length; s += 10_000) {
      const chunk = rows.slice(s, s + 10_000);
      if (!chunk.length) continue;
      // Named columns: the rest (serial ids, defaults such as updated_at = now()) are filled by the table.
      const cols = sql.raw(
        Object.keys(chunk[0]!)
          .map((c) => `"${c}"`)
          .join(", "),
      );
      await db.execute(sql`insert into ${sql.raw(table)} (${cols}) select ${cols} from json_populate_recordset(null::${sql.raw(table)}, ${JSON.stringify(chunk)}::json)`);
    }
  };
  const ts = (ms: number) => new Date(ms).toISOString();

  const userRows = customers.map((c) => ({
    id: c.id,
    email: `shopper-${run}-${c.id}@synthetic.hearth.example`,
    name: `Synthetic shopper ${c.id}`,
    role: "customer",
    country: c.country,
    session_version: 0,
    prefers_eco_delivery: rnd() < 0.15,
    created_at: ts(c.signup),
  }));
  for (let s = 0; s < userRows.length; s += 50_000) await insert("users", userRows.slice(s, s + 50_000));
  report.customers = userRows.length;
  log(`customers written`);

  const all = [...orders, ...refunds];
  const BATCH = 50_000;
  for (let s = 0; s < all.length; s += BATCH) {
    const batch = all.slice(s, s + BATCH);
    const orderRows: Record<string, unknown>[] = [];
    const lineRows: Record<string, unknown>[] = [];
    const shipmentRows: Record<string, unknown>[] = [];
    const csatRows: Record<string, unknown>[] = [];
    const redemptionRows: Record<string, unknown>[] = [];
    const eventRows: Record<string, unknown>[] = [];
    let eventSeq = 0;
    const event = (userId: number | null, anon: string | null, device: string, at: number, type: "page" | "track", name: string | null, properties: Record<string, unknown>) => {
      eventRows.push({
        message_id: `syn-${run}-${s}-${eventSeq++}`,
        type,
        event: name,
        category: type === "track" && (name === EVENTS.orderCompleted || name === EVENTS.csatSubmitted) ? "necessary" : "analytics",
        anonymous_id: anon,
        user_id: userId,
        device_type: device,
        context: {},
        properties,
        timestamp: ts(at),
        received_at: ts(at),
      });
    };
    for (const o of batch) {
      let discount = 0;
      if (o.kind === "sale" && dealRows.length && rnd() < 0.08) {
        discount = Math.round(o.total * 0.1);
        redemptionRows.push({ deal_id: pick(dealRows).id, user_id: o.userId, order_id: o.id, discount_pence: discount, at: ts(o.at) });
      }
      const total = o.total - discount;
      const number = `S${run}-${o.id}`;
      orderRows.push({
        id: o.id,
        number,
        user_id: o.userId,
        kind: o.kind,
        status: o.status,
        source: "web",
        country: o.country,
        currency: "GBP",
        subtotal_pence: o.kind === "sale" ? total - (o.total - o.lines.reduce((x, l) => x + l.qty * l.price, 0)) : total,
        shipping_pence: o.kind === "sale" ? o.total - o.lines.reduce((x, l) => x + l.qty * l.price, 0) : 0,
        discount_pence: -discount,
        fees_pence: 0,
        total_pence: total,
        tax_pence: Math.round(total / 6),
        placed_at: ts(o.at),
        email: null,
        cancelled_at: o.status === "cancelled" ? ts(o.at + 3_600_000) : null,
        device_type: o.device,
        created_at: ts(o.at),
      });
      o.lines.forEach((l, i) =>
        lineRows.push({ order_id: o.id, line_no: i + 1, kind: "product", product_id: l.productId, sku: l.sku, title: l.title, quantity: l.qty, unit_price_pence: l.price }),
      );
      if (o.kind !== "sale") continue;

      // The visit that ended in this order, sometimes via a recommendation.
      const progress = (o.at - start) / span;
      const visitStart = o.at - (5 + rnd() * 25) * 60_000;
      event(o.userId, null, o.device, visitStart, "page", "Home", { path: "/" });
      const control = customers[o.userId - firstUser]!.control;
      const fromRec = !control && rnd() < 0.35;
      if (!control && rnd() < 0.6) {
        event(o.userId, null, o.device, visitStart + 1000, "track", REC_LIST_VIEWED, { list_id: "for_you", products: 8 });
        if (fromRec)
          event(o.userId, null, o.device, visitStart + 2000, "track", REC_CLICK, { surface: "for_you", rank: 1 + Math.floor(rnd() * 8), product_id: o.lines[0]!.productId });
      }
      for (const l of o.lines) event(o.userId, null, o.device, visitStart + 3000, "track", EVENTS.productViewed, { product_id: l.productId });
      event(o.userId, null, o.device, visitStart + 60_000, "track", EVENTS.productAdded, { product_id: o.lines[0]!.productId, quantity: o.lines[0]!.qty });
      event(o.userId, null, o.device, visitStart + 120_000, "track", EVENTS.checkoutStarted, { value: o.total / 100 });
      event(o.userId, null, o.device, o.at, "track", EVENTS.orderCompleted, { order_id: number, total: total / 100 });
      // Browsing visits that did not convert: some anonymous, some signed in, mostly bounces.
      const browsing = opts.browsingVisitsPerOrder ?? 2;
      for (let v = 0; v < browsing; v++) {
        const at = Math.max(start, o.at - rnd() * 30 * DAY);
        const anon = rnd() < 0.5 ? `anon-${run}-${o.id}-${v}` : null;
        const device = rnd() < 0.45 + 0.25 * progress ? "mobile" : "desktop";
        event(anon ? null : o.userId, anon, device, at, "page", "Home", { path: "/" });
        if (rnd() < 0.55) event(anon ? null : o.userId, anon, device, at + 20_000, "track", EVENTS.productViewed, { product_id: pick(products).id });
        if (rnd() < 0.15) {
          event(anon ? null : o.userId, anon, device, at + 40_000, "track", EVENTS.productAdded, { product_id: pick(products).id, quantity: 1 });
          // Abandoned checkouts.
          if (rnd() < 0.3) event(anon ? null : o.userId, anon, device, at + 90_000, "track", EVENTS.checkoutStarted, { value: 10 });
        }
        if (!anon && !control && rnd() < 0.3) event(o.userId, null, device, at + 10_000, "track", REC_LIST_VIEWED, { list_id: "for_you", products: 8 });
      }

      if (o.status === "cancelled") continue;
      const eco = rnd() < 0.12 + 0.25 * progress;
      const method = eco ? (rnd() < 0.5 ? "bike" : "ev") : rnd() < 0.8 ? "standard" : "express";
      const promisedFrom = o.at + (method === "express" ? 1 : 2) * DAY;
      const promisedTo = promisedFrom + DAY;
      const delivered = o.status === "delivered";
      const late = rnd() < 0.08;
      const deliveredAt = delivered ? (late ? promisedTo + (0.2 + rnd() * 2) * DAY : promisedFrom + rnd() * 0.95 * DAY) : null;
      const distance = 1 + rnd() * 15;
      shipmentRows.push({
        order_id: o.id,
        method,
        status: delivered ? "delivered" : "dispatched",
        distance_km: distance,
        co2_grams: Math.round(distance * (method === "bike" ? 0 : method === "ev" ? 25 : method === "express" ? 180 : 120)),
        promised_from: ts(promisedFrom),
        promised_to: ts(promisedTo),
        eta_at: ts(promisedFrom + DAY / 2),
        delivered_at: deliveredAt === null ? null : ts(deliveredAt),
        on_time: deliveredAt === null ? null : deliveredAt <= promisedTo,
        route: [
          [10, 10],
          [50, 50],
          [90, 80],
        ],
        progress: delivered ? 1 : 0.5,
        attempts: delivered ? 1 : 0,
        created_at: ts(o.at),
      });
      if (deliveredAt !== null && rnd() < 0.3 && deliveredAt + DAY < end) {
        const base = late ? 2.6 : 4.3;
        const rating = Math.min(5, Math.max(1, Math.round(base + normal() * 0.9)));
        csatRows.push({
          order_id: o.id,
          user_id: o.userId,
          order_rating: rating,
          delivery_rating: Math.min(5, Math.max(1, rating + (late ? -1 : 0))),
          comment: "",
          created_at: ts(deliveredAt + DAY),
        });
        event(o.userId, null, o.device, deliveredAt + DAY, "track", EVENTS.csatSubmitted, { order_id: number, order_rating: rating });
      }
    }
    await insert("orders", orderRows);
    await insert("order_lines", lineRows);
    await insert("shipments", shipmentRows);
    await insert("csat_responses", csatRows);
    await insert("deal_redemptions", redemptionRows);
    await insert("cdp_events", eventRows);
    report.orders += orderRows.filter((r) => r.kind === "sale").length;
    report.lines += lineRows.length;
    report.shipments += shipmentRows.length;
    report.csat += csatRows.length;
    report.redemptions += redemptionRows.length;
    report.events += eventRows.length;
    log(`${Math.min(all.length, s + BATCH).toLocaleString("en-GB")} of ${all.length.toLocaleString("en-GB")} orders written (${report.events.toLocaleString("en-GB")} events)`);
  }
  // Bulk loads leave the planner blind (and PGlite has no autovacuum).
  await db.execute(sql`analyze`);
  log("refreshing the KPI facts");
  await refreshKpiFacts(db);
  report.ms = Date.now() - started;
  return report;
}
