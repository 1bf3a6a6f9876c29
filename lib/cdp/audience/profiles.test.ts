import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cdpProfiles, csatResponses, orderLines, orders, segments, segmentSizes, shipments, users } from "@/db/schema";
import type { Db } from "@/lib/db";
import { insertProducts } from "@/lib/testing/catalog";
import { createTestDb, dropTestDb } from "@/lib/testing/db";
import { serverEvent } from "@/lib/cdp/track/capture";
import { saveConsent } from "@/lib/cdp/identity/consent";
import { recomputeProfiles } from "@/lib/cdp/audience/profiles";
import { recomputeAll, refreshCustomers } from "@/lib/cdp/audience/refresh";
import { createSegment, isInSegment, membersOf, previewRule, recomputeSegments, segmentsOfUser } from "@/lib/cdp/audience/segments";
import { writeEvents } from "@/lib/cdp/collect/write";

/**
 * A hand-computed fixture, as of 2026-06-30:
 *   A  4 sales (£20, £30, £50, £100) + a £10 refund + a cancelled £999 order → LTV £190, AOV £50, last order 10 days ago
 *   B  1 sale 15 days ago (first ever)              → new
 *   C  2 sales, the last 149 days ago                → at risk
 *   D  1 sale on 2024-01-01 (911 days)               → lapsed
 *   E  3 sales, first 46 days ago, last 29 days ago → active
 *   F  no orders                                     → prospect
 */
const AS_OF = new Date("2026-06-30T00:00:00Z");
let db: Db;
let lamp: number, mug: number;
const ids: Record<string, number> = {};
let seq = 0;

async function sale(user: string, day: string, totalPence: number, extra: Partial<typeof orders.$inferInsert> = {}, lines: [number, number][] = []) {
  const [o] = await db
    .insert(orders)
    .values({ number: `T${++seq}`, userId: ids[user], placedAt: new Date(`${day}T12:00:00Z`), totalPence, subtotalPence: totalPence, ...extra })
    .returning({ id: orders.id });
  if (lines.length) {
    await db
      .insert(orderLines)
      .values(lines.map(([productId, quantity], i) => ({ orderId: o!.id, lineNo: i + 1, productId, sku: String(productId), title: "x", quantity, unitPricePence: 100 })));
  }
  return o!.id;
}

async function shipment(orderId: number, method: "bike" | "standard", onTime: boolean) {
  const t = new Date("2026-06-01T00:00:00Z");
  await db.insert(shipments).values({ orderId, method, status: "delivered", distanceKm: 3, co2Grams: 10, promisedFrom: t, promisedTo: t, deliveredAt: t, onTime, route: [[0, 0]] });
}

beforeAll(async () => {
  db = await createTestDb();
  [lamp, mug] = (
    await insertProducts(db, [
      { sku: "L1", title: "Brass Lamp", category: "lighting", pricePence: 2500 },
      { sku: "M1", title: "Spotty Mug", category: "kitchen-dining", pricePence: 450 },
    ])
  ).map((p) => p.id) as [number, number];
  for (const name of ["A", "B", "C", "D", "E", "F"]) {
    const [u] = await db
      .insert(users)
      .values({ email: `${name.toLowerCase()}@example.com`, createdAt: new Date("2026-01-01T00:00:00Z") })
      .returning({ id: users.id });
    ids[name] = u!.id;
  }
  await db.insert(users).values({ email: "staff@example.com", role: "merchandiser" });

  await sale("A", "2026-04-01", 2000, { deviceType: "desktop" }, [[mug, 5]]);
  await sale("A", "2026-05-01", 3000, { deviceType: "mobile" }, [[lamp, 1]]);
  const a3 = await sale("A", "2026-06-10", 5000, { deviceType: "mobile" }, [[lamp, 2]]);
  const a4 = await sale("A", "2026-06-20", 10000);
  await sale("A", "2026-06-21", -1000, { kind: "refund" });
  await sale("A", "2026-06-25", 99900, { status: "cancelled" }, [[lamp, 50]]);
  await shipment(a3, "bike", true);
  await shipment(a4, "standard", false);
  await db.insert(csatResponses).values([
    { orderId: a3, userId: ids.A, orderRating: 5, deliveryRating: 4 },
    { orderId: a4, userId: ids.A, orderRating: 3, deliveryRating: 2 },
  ]);
  await writeEvents(db, [
    ...["mobile", "mobile", "mobile", "desktop"].map((d, i) =>
      serverEvent({ event: "Product Viewed", userId: ids.A, deviceType: d as "mobile", timestamp: new Date(`2026-06-0${i + 1}T10:00:00Z`) }),
    ),
    // After the as-of date: not counted.
    serverEvent({ event: "Product Viewed", userId: ids.A, deviceType: "desktop", timestamp: new Date("2026-07-05T10:00:00Z") }),
  ]);
  await saveConsent(db, { userId: ids.A }, { analytics: true, personalization: false, source: "banner" });

  await sale("B", "2026-06-15", 1500);
  await sale("C", "2025-12-01", 4000);
  await sale("C", "2026-02-01", 6000);
  await sale("D", "2024-01-01", 800);
  await sale("E", "2026-05-15", 1000);
  await sale("E", "2026-05-20", 1000);
  await sale("E", "2026-06-01", 1000);
});
afterAll(dropTestDb);

const profile = async (name: string) => (await db.select().from(cdpProfiles).where(eq(cdpProfiles.userId, ids[name]!)))[0]!;

describe("unified profile", () => {
  it("matches the hand-computed numbers", async () => {
    const r = await recomputeProfiles(db, { asOf: AS_OF });
    expect(r.profiles).toBe(6); // customers only, not staff
    const a = await profile("A");
    expect(a).toMatchObject({
      ordersCount: 4,
      lifetimeValuePence: 19000,
      aovPence: 5000,
      recencyDays: 10,
      orders365: 4,
      eventsCount: 4,
      mobileEvents: 3,
      desktopEvents: 1,
      mobileShare: 0.75,
      deliveries: 2,
      ecoDeliveries: 1,
      ecoShare: 0.5,
      onTimeDeliveries: 1,
      onTimeRate: 0.5,
      csatCount: 2,
      csatAverage: 4,
      consentAnalytics: true,
      consentPersonalization: false,
    });
    expect(a.firstOrderAt?.toISOString()).toBe("2026-04-01T12:00:00.000Z");
    expect(a.lastOrderAt?.toISOString()).toBe("2026-06-20T12:00:00.000Z");
    expect(a.firstSeenAt?.toISOString()).toBe("2026-01-01T00:00:00.000Z");
    expect(a.lastSeenAt?.toISOString()).toBe("2026-06-20T12:00:00.000Z");
    // Kitchen: 5 mugs; lighting: 3 lamps (the cancelled order's 50 do not count).
    expect(a.favouriteCategories.map((c) => [c.slug, c.units])).toEqual([
      ["kitchen-dining", 5],
      ["lighting", 3],
    ]);
    expect(a.favouriteCategorySlugs).toEqual(["kitchen-dining", "lighting"]);

    const d = await profile("D");
    expect(d).toMatchObject({ ordersCount: 1, lifetimeValuePence: 800, recencyDays: 911, orders365: 0, mobileShare: null, ecoShare: null, csatAverage: null });
    const f = await profile("F");
    expect(f).toMatchObject({ ordersCount: 0, lifetimeValuePence: 0, recencyDays: null, rScore: null, lifecycle: "prospect" });
  });

  it("scores RFM by quintile and places each customer in one lifecycle stage", async () => {
    await recomputeProfiles(db, { asOf: AS_OF });
    const scores = Object.fromEntries(
      await Promise.all(
        ["A", "B", "C", "D", "E"].map(async (n) => {
          const p = await profile(n);
          return [n, `${p.rScore}${p.fScore}${p.mScore} ${p.lifecycle}`];
        }),
      ),
    );
    expect(scores).toEqual({ A: "555 champion", B: "412 new", C: "234 at_risk", D: "111 lapsed", E: "343 active" });
  });

  it("rescoring one customer after an order uses the stored cut points and leaves the rest alone", async () => {
    await recomputeProfiles(db, { asOf: AS_OF });
    const before = await profile("C");
    await sale("D", "2026-06-29", 700);
    await recomputeProfiles(db, { asOf: AS_OF, userIds: [ids.D!] });
    const d = await profile("D");
    expect(`${d.rScore}${d.fScore}${d.mScore} ${d.lifecycle}`).toBe("532 active");
    expect(d.recencyDays).toBe(1);
    expect((await profile("C")).computedAt.getTime()).toBe(before.computedAt.getTime());
  });
});

describe("segments", () => {
  it("built-in lifecycle and RFM segments hold the right customers, with sizes and history", async () => {
    await recomputeAll(db, { asOf: AS_OF });
    await recomputeAll(db, { asOf: AS_OF });
    const members = async (slug: string) => (await membersOf(db, slug)).map((m) => m.email).sort();
    expect(await members("champions")).toEqual(["a@example.com"]);
    expect((await membersOf(db, "champions"))[0]!.since).toBeInstanceOf(Date);
    expect(await members("new")).toEqual(["b@example.com"]);
    expect(await members("at-risk")).toEqual(["c@example.com"]);
    expect(await members("active")).toEqual(["d@example.com", "e@example.com"]);
    expect(await members("prospects")).toEqual(["f@example.com"]);
    expect(await members("rfm-top-spenders")).toEqual(["a@example.com"]);
    expect(await members("rfm-loyal")).toEqual(["a@example.com", "e@example.com"]);
    expect(await members("lapsed")).toEqual([]);
    const [champ] = await db.select().from(segments).where(eq(segments.slug, "champions"));
    expect(champ!.size).toBe(1);
    expect((await db.select().from(segmentSizes).where(eq(segmentSizes.segmentId, champ!.id))).length).toBe(2);
    expect((await segmentsOfUser(db, ids.A!)).map((s) => s.slug)).toEqual(["champions", "rfm-top-spenders", "rfm-loyal"]);
  });

  it("custom rules are stored as data and evaluated in SQL, including nesting and negation", async () => {
    await recomputeProfiles(db, { asOf: AS_OF });
    const seg = await createSegment(db, {
      slug: "lighting-regulars",
      name: "Lighting regulars",
      rules: {
        all: [
          { field: "orders_count", op: "gte", value: 2 },
          { field: "favourite_category", op: "contains", value: "lighting" },
        ],
      },
    });
    await createSegment(db, {
      slug: "not-recent-or-prospect",
      name: "Win-back",
      rules: { any: [{ field: "lifecycle", op: "in", value: ["at_risk", "lapsed", "prospect"] }, { not: { field: "recency_days", op: "lte", value: 100 } }] },
    });
    await recomputeSegments(db);
    expect((await membersOf(db, "lighting-regulars")).map((m) => m.email)).toEqual(["a@example.com"]);
    expect((await membersOf(db, "not-recent-or-prospect")).map((m) => m.email).sort()).toEqual(["c@example.com", "f@example.com"]);
    expect(seg.kind).toBe("custom");
    expect(await previewRule(db, { field: "m_score", op: "gte", value: 3 })).toBe(3);
    expect(await previewRule(db, { field: "favourite_category", op: "contains_any", value: ["garden", "lighting"] })).toBe(1);
    expect(await previewRule(db, { field: "favourite_category", op: "contains_any", value: ["garden", 'say "hi"'] })).toBe(0);
    // A value is a bound parameter, never SQL.
    expect(await previewRule(db, { field: "country", op: "eq", value: "x' or '1'='1" })).toBe(0);
  });

  it("rejects rules that do not fit the field, unknown fields and stages", async () => {
    const bad = [
      { field: "orders_count", op: "contains", value: 1 },
      { field: "lifetime_value", op: "gt", value: 1 },
      { field: "lifecycle", op: "eq", value: "vip" },
      { field: "orders_count", op: "gt", value: "3" },
      { all: [] },
      { field: "country", op: "in", value: [] },
    ];
    for (const rules of bad) await expect(createSegment(db, { slug: `bad-${bad.indexOf(rules)}`, name: "Bad", rules })).rejects.toThrow(/Segment rule/);
    await expect(createSegment(db, { slug: "champions", name: "Mine", rules: { field: "orders_count", op: "gt", value: 1 } })).rejects.toThrow(/built-in/);
  });

  it("membership follows a customer's events: an order moves them between segments", async () => {
    await recomputeAll(db, { asOf: AS_OF });
    expect(await isInSegment(db, ids.F!, "prospects")).toBe(true);
    await db.insert(orders).values({ number: `T${++seq}`, userId: ids.F, placedAt: new Date(), totalPence: 2000, subtotalPence: 2000 });
    await refreshCustomers(db, [ids.F!]);
    expect(await isInSegment(db, ids.F!, "prospects")).toBe(false);
    expect(await isInSegment(db, ids.F!, "new")).toBe(true);
    // Sizes move with the memberships and agree with a count.
    const sizes = await db.execute<{ slug: string; size: number; actual: number }>(sql`
      select s.slug, s.size, (select count(*)::int from segment_memberships m where m.segment_id = s.id) as actual from segments s`);
    for (const r of sizes.rows) expect(r.size, r.slug).toBe(r.actual);
  });
});
