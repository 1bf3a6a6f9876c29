import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { and, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cdpEvents, csatResponses, dealRedemptions, deals, kpiOrders, orderLines, orders, segmentMemberships, segments, shipments, users } from "@/db/schema";
import type { Db } from "@/lib/db";
import { insertProducts } from "@/lib/testing/catalog";
import { createTestDb, dropTestDb } from "@/lib/testing/db";
import { readOrderHistory, DEMO_HISTORY_FILE } from "@/lib/import/read";
import { writeImport } from "@/lib/import/write";
import { recomputeAll } from "@/lib/cdp/audience/refresh";
import { deleteCustomer } from "@/lib/cdp/privacy/privacy";
import { inControlGroup } from "@/lib/recs/holdout";
import { kpiFiltersSchema, localBucket, type KpiFilters } from "./filters";
import { generateData } from "./generate";
import { refreshKpiFacts } from "./facts";
import { KPI_JOBS } from "./jobs";
import { chartTables, findChart } from "./charts";
import { kpiReport, kpiReportParts, type KpiPart, type KpiReport } from "./queries";
import { loadRaw, reference } from "./reference";
import { ROLLUPS } from "./rollups";

/**
 * Every KPI from the dashboard's SQL against the plain-TypeScript reference over the raw rows,
 * within 0.1%: on a hand-made fixture with the edge cases, on generated data, and on the first
 * months of the real order history.
 */
let db: Db;
const close = (a: number | null, b: number | null) => {
  if (a === null || b === null) return expect(a).toBe(b);
  expect(Math.abs(a - b)).toBeLessThanOrEqual(Math.max(1e-9, Math.abs(b) * 0.001));
};
const filters = (f: Record<string, string | undefined>) => kpiFiltersSchema.parse(f);

async function compare(f: KpiFilters) {
  const [sql, raw] = await Promise.all([kpiReport(db, f), loadRaw(db)]);
  const ref = reference(raw, f);
  const s = sql.sales.current;
  close(s.orders, ref.orders);
  close(s.salesPence, ref.salesPence);
  close(s.refundsPence, ref.refundsPence);
  close(s.revenuePence, ref.revenuePence);
  close(s.aovPence, ref.aovPence);
  close(s.customers, ref.customers);
  close(s.mobileShare, ref.mobileShare);
  close(sql.repeatPurchase.current.customers, ref.repeat.customers);
  close(sql.repeatPurchase.current.repeaters, ref.repeat.repeaters);
  close(sql.retention.current.base, ref.retention.base);
  close(sql.retention.current.retained, ref.retention.retained);
  for (const row of sql.series.rows) {
    close(row.orders, ref.series.get(row.bucket)?.orders ?? 0);
    close(row.revenuePence, ref.series.get(row.bucket)?.revenuePence ?? 0);
  }
  expect(sql.series.rows.reduce((n, r) => n + r.orders, 0)).toBe(ref.orders);
  for (const row of sql.retentionSeries) {
    const before = new Date(`${row.month}T12:00:00Z`);
    before.setUTCMonth(before.getUTCMonth() - 1);
    const last = ref.monthBuyers.get(localBucket(before, "month").slice(0, 8) + "01") ?? new Set<number>();
    const now = ref.monthBuyers.get(row.month) ?? new Set<number>();
    close(row.base, last.size);
    close(row.retained, [...last].filter((u) => now.has(u)).length);
  }
  expect(sql.cohorts.map((c) => c.cohort)).toEqual(ref.cohorts.map((c) => c.cohort));
  for (const c of sql.cohorts) {
    const r = ref.cohorts.find((x) => x.cohort === c.cohort)!;
    expect(c.customers).toBe(r.customers);
    const months = Object.entries(r.active).filter(([, n]) => n > 0);
    expect(c.active.filter((n) => n > 0).length).toBe(months.length);
    expect(c.active.reduce((a, b) => a + b, 0)).toBe(months.reduce((a, [, n]) => a + n, 0));
  }
  expect(sql.funnel).toEqual(ref.funnel.filter((x) => x.device === "all" || x.visits > 0));
  close(sql.csat.current.responses, ref.csat.responses);
  close(sql.csat.current.average, ref.csat.average);
  expect(sql.csat.current.distribution.map((d) => d.responses)).toEqual(ref.csat.distribution);
  const d = sql.delivery.current;
  close(d.delivered, ref.delivery.delivered);
  close(d.onTime, ref.delivery.onTime);
  close(d.averageHours, ref.delivery.averageHours);
  close(d.shipments, ref.delivery.shipments);
  close(d.eco, ref.delivery.eco);
  close(sql.deals.redemptions, ref.deals.redemptions);
  close(sql.deals.ordersWithDeal, ref.deals.ordersWithDeal);
  close(sql.deals.discountPence, ref.deals.discountPence);
  close(sql.deals.revenuePence, ref.deals.revenuePence);
  close(sql.recs.railViews, ref.recs.railViews);
  close(sql.recs.clicks, ref.recs.clicks);
  close(sql.recs.attributedRevenuePence, ref.recs.attributedRevenuePence);
  for (const g of ["treatment", "control"] as const) {
    close(sql.lift[g].customers, ref.lift[g].customers);
    close(sql.lift[g].converters, ref.lift[g].converters);
    close(sql.lift[g].orders, ref.lift[g].orders);
    close(sql.lift[g].aovPence, ref.lift[g].aovPence);
    close(sql.lift[g].repeaters, ref.lift[g].repeaters);
  }
  return { sql, ref };
}

/** Every derived KPI table, to check that an incremental refresh leaves what a full rebuild makes. */
const DERIVED = [
  ...Object.values(ROLLUPS).map((r) => r.table),
  "kpi_orders",
  "kpi_customers",
  "kpi_customer_dims",
  "kpi_segment_members",
  "kpi_cohort_cells",
  "kpi_month_retention",
];
// Sums of doubles (delivery hours, squared totals) may differ in the last digits with the order
// they were added (or taken away) in.
const roundFloats = (x: unknown) => JSON.stringify(x, (_, v) => (typeof v === "number" ? Number(v.toPrecision(10)) : v));
async function snapshot() {
  const out: Record<string, unknown[]> = {};
  for (const table of DERIVED) out[table] = (await db.execute(sql.raw(`select * from ${table}`))).rows.map(roundFloats).sort();
  return out;
}

describe("KPIs on a hand-made fixture", () => {
  const id: Record<string, number> = {};
  let seq = 0;
  const order = async (user: string | null, at: string, total: number, extra: Partial<typeof orders.$inferInsert> = {}) => {
    const [o] = await db
      .insert(orders)
      .values({ number: `K${++seq}`, userId: user ? id[user] : null, placedAt: new Date(at), totalPence: total, subtotalPence: total, country: "United Kingdom", ...extra })
      .returning({ id: orders.id });
    return o!.id;
  };

  beforeAll(async () => {
    db = await createTestDb();
    const [lamp] = await insertProducts(db, [{ sku: "L1", title: "Brass Lamp", category: "lighting", pricePence: 2500 }]);
    for (const name of ["ann", "bob", "cat", "dan", "eve"]) {
      const [u] = await db
        .insert(users)
        .values({ email: `${name}@example.com`, createdAt: new Date("2011-01-01T00:00:00Z") })
        .returning({ id: users.id });
      id[name] = u!.id;
    }
    await db.insert(users).values({ email: "staff@example.com", role: "merchandiser", createdAt: new Date("2011-01-01T00:00:00Z") });
    // ann: a February order, then one at 23:30 UTC on 31 March 2011 — 00:30 on 1 April in London (BST).
    await order("ann", "2011-02-10T10:00:00Z", 4000, { deviceType: "desktop" });
    const annApril = await order("ann", "2011-03-31T23:30:00Z", 6000, { deviceType: "mobile" });
    // bob: an order at 23:30 UTC on 31 October 2011 — still 31 October in London (GMT) — and a refund in November.
    await order("bob", "2011-10-31T23:30:00Z", 2000, { deviceType: "mobile", country: "France" });
    await order("bob", "2011-11-05T09:00:00Z", -500, { kind: "refund", status: "refunded", country: "France" });
    // cat: a cancelled order (never counts) and a sale in April.
    await order("cat", "2011-04-02T12:00:00Z", 99_900, { status: "cancelled", cancelledAt: new Date("2011-04-02T13:00:00Z"), deviceType: "desktop" });
    const catApril = await order("cat", "2011-04-20T12:00:00Z", 3000, { deviceType: "desktop" });
    // dan: two orders in April (a repeat within the period); eve: only ever browses. A guest buys in April.
    const danApril = await order("dan", "2011-04-03T08:00:00Z", 1500, { deviceType: "tablet" });
    await order("dan", "2011-04-28T08:00:00Z", 2500, { deviceType: "mobile" });
    await order(null, "2011-04-10T08:00:00Z", 7000);
    await db.insert(orderLines).values([
      { orderId: annApril, lineNo: 1, productId: lamp!.id, sku: "L1", title: "Brass Lamp", quantity: 2, unitPricePence: 2500 },
      { orderId: annApril, lineNo: 2, kind: "shipping", sku: "POST", title: "Postage", quantity: 1, unitPricePence: 1000 },
      { orderId: catApril, lineNo: 1, productId: lamp!.id, sku: "L1", title: "Brass Lamp", quantity: 1, unitPricePence: 2500 },
    ]);
    const t = (s: string) => new Date(s);
    const route: [number, number][] = [[0, 0]];
    await db.insert(shipments).values([
      {
        orderId: annApril,
        method: "bike",
        status: "delivered",
        distanceKm: 2,
        co2Grams: 0,
        promisedFrom: t("2011-04-02T08:00:00Z"),
        promisedTo: t("2011-04-02T18:00:00Z"),
        deliveredAt: t("2011-04-02T15:30:00Z"),
        onTime: true,
        route,
      },
      {
        orderId: catApril,
        method: "standard",
        status: "delivered",
        distanceKm: 9,
        co2Grams: 900,
        promisedFrom: t("2011-04-21T08:00:00Z"),
        promisedTo: t("2011-04-21T18:00:00Z"),
        deliveredAt: t("2011-04-22T10:00:00Z"),
        onTime: false,
        route,
      },
      { orderId: danApril, method: "ev", status: "dispatched", distanceKm: 4, co2Grams: 60, promisedFrom: t("2011-04-05T08:00:00Z"), promisedTo: t("2011-04-05T18:00:00Z"), route },
    ]);
    await db.insert(csatResponses).values([
      { orderId: annApril, userId: id.ann, orderRating: 5, deliveryRating: 5, createdAt: t("2011-04-03T09:00:00Z") },
      { orderId: catApril, userId: id.cat, orderRating: 2, deliveryRating: 1, createdAt: t("2011-04-23T09:00:00Z") },
    ]);
    const [deal] = await db.insert(deals).values({ code: "SPRING", name: "Spring", type: "percent_off", value: 10 }).returning({ id: deals.id });
    await db.insert(dealRedemptions).values({ dealId: deal!.id, userId: id.dan!, orderId: danApril, discountPence: 150, at: t("2011-04-03T08:00:00Z") });
    // Events: ann clicks the lamp in a recommendation two days before her April order (attributed);
    // cat clicked it 9 days before hers (too early). A guest's visit on a phone, eve browsing on a desktop.
    let m = 0;
    const ev = (e: Partial<typeof cdpEvents.$inferInsert> & { timestamp: Date }) => ({ messageId: `m${++m}`, type: "track" as const, category: "analytics" as const, ...e });
    await db.insert(cdpEvents).values([
      ev({ userId: id.ann, deviceType: "mobile", event: "Product List Viewed", properties: { list_id: "for-you" }, timestamp: t("2011-03-30T10:00:00Z") }),
      ev({
        userId: id.ann,
        deviceType: "mobile",
        event: "Product Clicked",
        properties: { surface: "for-you", rank: 1, product_id: lamp!.id },
        timestamp: t("2011-03-30T10:00:05Z"),
      }),
      ev({ userId: id.ann, deviceType: "mobile", type: "page", event: "Home", timestamp: t("2011-03-31T23:20:00Z") }),
      ev({ userId: id.ann, deviceType: "mobile", event: "Product Viewed", timestamp: t("2011-03-31T23:21:00Z") }),
      ev({ userId: id.ann, deviceType: "mobile", event: "Product Added", timestamp: t("2011-03-31T23:22:00Z") }),
      ev({ userId: id.ann, deviceType: "mobile", event: "Checkout Started", timestamp: t("2011-03-31T23:25:00Z") }),
      ev({ userId: id.ann, deviceType: "mobile", event: "Order Completed", category: "necessary", timestamp: t("2011-03-31T23:30:00Z") }),
      ev({
        userId: id.cat,
        deviceType: "desktop",
        event: "Product Clicked",
        properties: { surface: "product", rank: 2, product_id: lamp!.id },
        timestamp: t("2011-04-11T10:00:00Z"),
      }),
      ev({ anonymousId: "guest-1", deviceType: "mobile", type: "page", event: "Home", timestamp: t("2011-04-10T07:50:00Z") }),
      ev({ anonymousId: "guest-1", deviceType: "mobile", event: "Product Viewed", timestamp: t("2011-04-10T07:51:00Z") }),
      ev({ userId: id.eve, deviceType: "desktop", type: "page", event: "Home", timestamp: t("2011-04-12T07:50:00Z") }),
      ev({ userId: id.eve, deviceType: "desktop", type: "page", event: "Home", timestamp: t("2011-04-13T07:50:00Z") }),
    ]);
    const [seg] = await db.insert(segments).values({ slug: "just-dan", name: "Just Dan", kind: "custom" }).returning({ id: segments.id });
    await db.insert(segmentMemberships).values({ segmentId: seg!.id, userId: id.dan! });
  });
  afterAll(dropTestDb);

  it("puts an order at 23:30 UTC on 31 March into April (London summer time) and one on 31 October into October", async () => {
    const { sql } = await compare(filters({ from: "2011-04-01", to: "2011-04-30" }));
    const s = sql.sales.current;
    // ann 6000 + cat 3000 + dan 1500 + 2500 + guest 7000; the cancelled £999 is not there.
    expect(s.orders).toBe(5);
    expect(s.salesPence).toBe(20_000);
    expect(s.aovPence).toBe(4000);
    expect(s.customers).toBe(3);
    // Mobile: ann's 6000 + dan's 2500 of 13000 web sales (the guest's order has no device).
    expect(s.mobileShare).toBeCloseTo(8500 / 13_000, 10);
    // ann bought before April, dan twice in April; cat's cancelled order does not make her a repeat buyer.
    expect(sql.repeatPurchase.current).toMatchObject({ customers: 3, repeaters: 2 });
    expect(sql.recs.attributedRevenuePence).toBe(5000);
    expect(sql.delivery.current).toMatchObject({ delivered: 2, onTime: 1, shipments: 3, eco: 2 });
    expect(sql.csat.current.average).toBe(3.5);
    expect(sql.deals).toMatchObject({ redemptions: 1, ordersWithDeal: 1, discountPence: 150, revenuePence: 1500 });
    const march = (await compare(filters({ from: "2011-03-01", to: "2011-03-31" }))).sql.sales.current;
    expect(march.orders).toBe(0);
    const october = (await compare(filters({ from: "2011-10-01", to: "2011-10-31" }))).sql.sales.current;
    expect(october.revenuePence).toBe(2000);
  });

  it("counts refunds in the period they were made, against net revenue but not AOV", async () => {
    const { sql } = await compare(filters({ from: "2011-11-01", to: "2011-11-30" }));
    expect(sql.sales.current).toMatchObject({ orders: 0, revenuePence: -500, refundsPence: -500, aovPence: null });
    const both = (await compare(filters({ from: "2011-10-01", to: "2011-11-30" }))).sql.sales.current;
    expect(both).toMatchObject({ orders: 1, revenuePence: 1500, aovPence: 2000 });
  });

  it("gives an empty range zeros and no rates, not errors", async () => {
    const { sql } = await compare(filters({ from: "2030-01-01", to: "2030-01-31" }));
    expect(sql.sales.current).toMatchObject({ orders: 0, revenuePence: 0, aovPence: null, mobileShare: null });
    expect(sql.retention.current.rate).toBeNull();
    expect(sql.csat.current.average).toBeNull();
    expect(sql.cohorts).toEqual([]);
    expect(sql.funnel).toEqual([{ device: "all", visits: 0, productViews: 0, carts: 0, checkouts: 0, orders: 0 }]);
    expect(sql.lift.conversion?.diff ?? 0).toBe(0);
  });

  it("narrows to a single customer's segment, a device and a country", async () => {
    const dan = await compare(filters({ from: "2011-01-01", to: "2011-12-31", segment: "just-dan" }));
    expect(dan.sql.sales.current).toMatchObject({ orders: 2, salesPence: 4000, customers: 1 });
    expect(dan.sql.cohorts).toEqual([expect.objectContaining({ cohort: "2011-04-01", customers: 1 })]);
    expect(dan.sql.lift.treatment.customers + dan.sql.lift.control.customers).toBe(1);
    const mobile = await compare(filters({ from: "2011-01-01", to: "2011-12-31", device: "mobile" }));
    expect(mobile.sql.sales.current.mobileShare).toBe(1);
    const france = await compare(filters({ from: "2011-01-01", to: "2011-12-31", country: "France" }));
    expect(france.sql.sales.current).toMatchObject({ orders: 1, revenuePence: 1500 });
  });

  it("groups visits by visitor and local day in the funnel, per device", async () => {
    const { sql } = await compare(filters({ from: "2011-03-25", to: "2011-04-30" }));
    const all = sql.funnel.find((r) => r.device === "all")!;
    // ann's 30 March click, ann's checkout visit (1 April local), the guest, eve on two days, cat's click.
    expect(all).toMatchObject({ visits: 6, productViews: 2, carts: 1, checkouts: 1, orders: 1 });
  });

  it("reads the cohort matrix by first purchase month", async () => {
    const { sql } = await compare(filters({ from: "2011-01-01", to: "2011-12-31" }));
    const feb = sql.cohorts.find((c) => c.cohort === "2011-02-01")!;
    expect(feb.customers).toBe(1);
    expect(feb.active.slice(0, 3)).toEqual([1, 0, 1]);
    expect(sql.lift.treatment.customers + sql.lift.control.customers).toBe(5);
    expect(sql.lift.control.customers).toBe(["ann", "bob", "cat", "dan", "eve"].filter((n) => inControlGroup(id[n]!)).length);
  });

  it("keeps the facts up to date incrementally: cancellations, deliveries, ratings, new events, new customers and erasure", async () => {
    const april = filters({ from: "2011-04-01", to: "2011-04-30" });
    await compare(april);
    const [danLast] = await db
      .select({ id: orders.id })
      .from(orders)
      .where(and(eq(orders.userId, id.dan!), eq(orders.totalPence, 2500)));
    await db
      .update(orders)
      .set({ status: "cancelled", cancelledAt: new Date("2011-04-28T09:00:00Z") })
      .where(eq(orders.id, danLast!.id));
    const [danShipment] = await db.select({ orderId: shipments.orderId }).from(shipments).where(eq(shipments.method, "ev"));
    await db
      .update(shipments)
      .set({ status: "delivered", deliveredAt: new Date("2011-04-06T11:00:00Z"), onTime: false })
      .where(eq(shipments.orderId, danShipment!.orderId));
    await db.insert(csatResponses).values({ orderId: danShipment!.orderId, userId: id.dan, orderRating: 1, deliveryRating: 1, createdAt: new Date("2011-04-07T09:00:00Z") });
    await db.insert(cdpEvents).values({
      messageId: "late-cart",
      type: "track",
      category: "analytics",
      userId: id.eve,
      deviceType: "desktop",
      event: "Product Added",
      timestamp: new Date("2011-04-13T08:00:00Z"),
    });
    const [fay] = await db
      .insert(users)
      .values({ email: "fay@example.com", createdAt: new Date("2011-04-01T00:00:00Z") })
      .returning({ id: users.id });
    id.fay = fay!.id;
    await order("fay", "2011-04-15T10:00:00Z", 8000, { deviceType: "mobile" });
    await deleteCustomer(db, id.bob!);

    const { sql } = await compare(april);
    expect(sql.sales.current).toMatchObject({ orders: 5, salesPence: 20_000 - 2500 + 8000, customers: 4 });
    expect(sql.delivery.current).toMatchObject({ delivered: 3, onTime: 1 });
    expect(sql.csat.current.responses).toBe(3);
    expect(sql.funnel.find((r) => r.device === "desktop")).toMatchObject({ carts: 1 });
    expect(sql.lift.treatment.customers + sql.lift.control.customers).toBe(5);
    // bob's October order is still revenue, without him.
    await compare(filters({ from: "2011-10-01", to: "2011-11-30" }));
    const incremental = await snapshot();
    await refreshKpiFacts(db, { full: true });
    expect(await snapshot()).toEqual(incremental);
  });

  it("exports each chart from only the report parts it reads, the same table the dashboard draws", async () => {
    const f = filters({ from: "2011-01-01", to: "2011-12-31" });
    const tables = chartTables(await kpiReport(db, f));
    expect(tables.length).toBeGreaterThan(5);
    for (const table of tables) {
      const chart = findChart(table.key)!;
      expect(chart.parts.length).toBeLessThanOrEqual(2);
      expect(chart.build((await kpiReportParts(db, f, chart.parts)) as Pick<KpiReport, KpiPart>)).toEqual(table);
    }
    expect(findChart("toString")).toBeUndefined();
  });

  it("the scheduled job brings a new order into the facts", async () => {
    const id = await order("ann", "2011-12-24T15:00:00Z", 1234, { deviceType: "mobile" });
    await KPI_JOBS[0]!.run(db);
    const [fact] = await db.select().from(kpiOrders).where(eq(kpiOrders.orderId, id));
    expect(fact).toMatchObject({ day: "2011-12-24", sale: true, totalPence: 1234, device: "mobile" });
  });
});

describe("KPIs on generated data", () => {
  beforeAll(async () => {
    db = await createTestDb();
    await insertProducts(
      db,
      Array.from({ length: 30 }, (_, i) => ({ sku: `P${i}`, title: `Candle ${i}`, category: "lighting", pricePence: 300 + i * 40 })),
    );
    await db.insert(deals).values({ code: "TEN", name: "Ten off", type: "percent_off", value: 10 });
    await generateData(db, { orders: 1500, until: new Date("2011-12-31T00:00:00Z"), months: 14, seed: 7 });
    const [seg] = await db.insert(segments).values({ slug: "some", name: "Some", kind: "custom" }).returning({ id: segments.id });
    const some = await db.select({ id: users.id }).from(users).limit(120);
    await db.insert(segmentMemberships).values(some.map((u) => ({ segmentId: seg!.id, userId: u.id })));
  });
  afterAll(dropTestDb);

  for (const f of [
    { from: "2011-01-01", to: "2011-12-31" },
    { from: "2011-10-01", to: "2011-10-31" },
    { from: "2011-06-15", to: "2011-09-14", device: "mobile" },
    { from: "2011-01-01", to: "2011-12-31", segment: "some", country: "United Kingdom" },
    { from: "2011-03-10", to: "2011-11-20", segment: "some" },
    { from: "2011-01-01", to: "2011-12-31", device: "desktop" },
  ]) {
    it(`matches the reference for ${JSON.stringify(f)}`, async () => {
      const { sql } = await compare(filters(f));
      expect(sql.sales.current.orders).toBeGreaterThan(0);
    });
  }

  it("follows a segment's new members incrementally, to the same rollups a full rebuild makes", async () => {
    const f = filters({ from: "2011-01-01", to: "2011-12-31", segment: "some" });
    const before = (await compare(f)).sql;
    const [seg] = await db.select({ id: segments.id }).from(segments).where(eq(segments.slug, "some"));
    // A recompute: forty members leave, forty customers join.
    const buyers = (member: boolean) =>
      db.execute<{ id: number }>(sql`select distinct o.user_id as id from orders o where o.user_id is not null
        and ${member ? sql`` : sql`not`} exists (select 1 from segment_memberships m where m.segment_id = ${seg!.id} and m.user_id = o.user_id) order by 1 limit 40`);
    const leavers = (await buyers(true)).rows.map((r) => r.id);
    const joiners = (await buyers(false)).rows.map((r) => r.id);
    await db.delete(segmentMemberships).where(and(eq(segmentMemberships.segmentId, seg!.id), inArray(segmentMemberships.userId, leavers)));
    await db.insert(segmentMemberships).values(joiners.map((id) => ({ segmentId: seg!.id, userId: id })));
    await db.update(segments).set({ computedAt: new Date() }).where(eq(segments.id, seg!.id));

    expect((await refreshKpiFacts(db)).full).toBe(false);
    const after = (await compare(f)).sql;
    expect(after.sales.current.orders).not.toBe(before.sales.current.orders);
    const incremental = await snapshot();
    await refreshKpiFacts(db, { full: true });
    expect(await snapshot()).toEqual(incremental);

    // A deleted segment's rows go with it.
    await db.delete(segments).where(eq(segments.id, seg!.id));
    await refreshKpiFacts(db);
    const { rows } = await db.execute(sql`select count(*)::int as n from kpi_daily_orders where segment_id = ${seg!.id}`);
    expect(rows[0]).toEqual({ n: 0 });
  });
});

describe("KPIs on the real order history", () => {
  beforeAll(async () => {
    db = await createTestDb();
    // The first 30,000 lines of the shop's history (Dec 2010 – early 2011), through the importer.
    const lines = zlib.gunzipSync(fs.readFileSync(DEMO_HISTORY_FILE)).toString("utf8").split("\n").slice(0, 30_001).join("\n");
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "kpi-")), "history.csv");
    fs.writeFileSync(file, lines);
    await writeImport(db, await readOrderHistory(file, () => {}), "history.csv", () => {});
    await recomputeAll(db);
  }, 120_000);
  afterAll(dropTestDb);

  it("matches the reference for the imported months", async () => {
    const { sql } = await compare(filters({ from: "2010-12-01", to: "2011-03-31" }));
    expect(sql.sales.current.orders).toBeGreaterThan(500);
    expect(sql.sales.current.refundsPence).toBeLessThan(0);
    expect(sql.cohorts[0]!.cohort).toBe("2010-12-01");
  });

  it("matches the reference for one month, UK only, and a lifecycle segment", async () => {
    await compare(filters({ from: "2011-01-01", to: "2011-01-31", country: "United Kingdom" }));
    await compare(filters({ from: "2010-12-01", to: "2011-03-31", segment: "active" }));
  });
});
