import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dealRedemptions, deals, orders, type Deal } from "@/db/schema";
import { CACHE_TAGS_HOOK } from "@/lib/cache/channel.mjs";
import { recomputeAll } from "@/lib/cdp/audience/refresh";
import { createSegment } from "@/lib/cdp/audience/segments";
import type { Db } from "@/lib/db";
import { insertCustomers } from "@/lib/testing/customers";
import { createTestDb, dropTestDb } from "@/lib/testing/db";
import { eligibleDeals } from "./eligibility";
import { bestDeals, discountOf, type Basket, type PricingDeal } from "./pricing";
import { redeemDeal } from "./redeem";

const base: PricingDeal = {
  id: 1,
  code: "X",
  name: "X",
  type: "percent_off",
  value: 10,
  bundleQuantity: null,
  scope: "all",
  scopeIds: [],
  minSpendPence: 0,
  priority: 0,
  stackable: false,
};
const basket: Basket = {
  lines: [
    { productId: 1, categoryId: 10, unitPricePence: 2000, quantity: 1 },
    { productId: 2, categoryId: 20, unitPricePence: 500, quantity: 3 },
  ],
  shippingPence: 295,
  deliveryMethod: "bike",
};

describe("deal pricing", () => {
  it("computes each type of deal on its scope, with minimum spend", () => {
    expect(discountOf(base, basket)).toBe(350); // 10% of £35
    expect(discountOf({ ...base, scope: "categories", scopeIds: [20] }, basket)).toBe(150);
    expect(discountOf({ ...base, type: "amount_off", value: 5000 }, basket)).toBe(3500); // never more than the goods
    expect(discountOf({ ...base, type: "free_eco_delivery" }, basket)).toBe(295);
    expect(discountOf({ ...base, type: "free_eco_delivery" }, { ...basket, deliveryMethod: "standard" })).toBe(0);
    // 2 for £8 on product 2 (3 × £5): one bundle saves £2.
    expect(discountOf({ ...base, type: "bundle_price", value: 800, bundleQuantity: 2, scope: "products", scopeIds: [2] }, basket)).toBe(200);
    expect(discountOf({ ...base, minSpendPence: 4000 }, basket)).toBe(0);
  });

  it("picks the best single deal or the stack of stackable ones, capped at the basket", () => {
    const a = { ...base, id: 1, value: 10 }; // £3.50
    const b = { ...base, id: 2, type: "amount_off" as const, value: 200, stackable: true }; // £2
    const c = { ...base, id: 3, type: "free_eco_delivery" as const, stackable: true }; // £2.95
    expect(bestDeals([a, b, c], basket).map((d) => [d.dealId, d.discountPence])).toEqual([
      [3, 295],
      [2, 200],
    ]);
    expect(bestDeals([a, b], basket).map((d) => d.dealId)).toEqual([1]);
    expect(
      bestDeals(
        [
          { ...base, type: "amount_off", value: 99_999, stackable: true },
          { ...base, id: 9, type: "free_eco_delivery", stackable: true },
        ],
        basket,
      ).reduce((s, d) => s + d.discountPence, 0),
    ).toBe(3500 + 295);
  });
});

let db: Db;
const u: Record<string, number> = {};
let seq = 0;
const order = async (user: string) =>
  (
    await db
      .insert(orders)
      .values({ number: `D${++seq}`, userId: u[user], placedAt: new Date(), totalPence: 1000 })
      .returning({ id: orders.id })
  )[0]!.id;
const deal = async (v: Partial<typeof deals.$inferInsert>): Promise<Deal> =>
  (
    await db
      .insert(deals)
      .values({ code: `C${++seq}`, name: `Deal ${seq}`, type: "percent_off", value: 10, ...v })
      .returning()
  )[0]!;
const ids = async (user: string) => (await eligibleDeals(db, u[user]!)).map((d) => d.id);

beforeAll(async () => {
  db = await createTestDb();
  Object.assign(u, await insertCustomers(db, ["loyal", "lapsed", "newbie", "other"]));
  // loyal: several recent orders; lapsed: one old order; newbie: none.
  for (let i = 0; i < 3; i++) await db.insert(orders).values({ number: `L${i}`, userId: u.loyal, placedAt: new Date(Date.now() - i * 86_400_000), totalPence: 5000 });
  await db.insert(orders).values({ number: "OLD", userId: u.lapsed, placedAt: new Date("2024-01-01"), totalPence: 800 });
  await db.insert(orders).values({ number: "OTH", userId: u.other, placedAt: new Date(), totalPence: 800 });
  await createSegment(db, { slug: "big-basket", name: "Big basket", rules: { field: "orders_count", op: "gte", value: 3 } });
  await recomputeAll(db);
});
afterAll(dropTestDb);

describe("deal targeting and limits", () => {
  it("targets by segment, lifecycle, named customer and first order; an outsider never qualifies", async () => {
    const seg = await deal({ targeting: { segments: ["big-basket"] } });
    const winBack = await deal({ targeting: { lifecycle: ["lapsed"] } });
    const named = await deal({ targeting: { customers: [u.other!] } });
    const first = await deal({ targeting: { firstOrderOnly: true } });
    expect(await ids("loyal")).toEqual(expect.arrayContaining([seg.id]));
    expect(await ids("loyal")).not.toContain(winBack.id);
    expect(await ids("lapsed")).toContain(winBack.id);
    expect(await ids("other")).toContain(named.id);
    expect(await ids("newbie")).toContain(first.id);
    expect(await ids("loyal")).not.toContain(first.id);
    // Forged: the loyal customer sends the named deal's id at checkout.
    await expect(redeemDeal(db, { dealId: named.id, userId: u.loyal!, orderId: await order("loyal"), discountPence: 100 })).rejects.toThrow(/not available to you/);
  });

  it("respects the validity window and the per-customer limit", async () => {
    const past = await deal({ startsAt: new Date("2020-01-01"), endsAt: new Date("2021-01-01") });
    const future = await deal({ startsAt: new Date(Date.now() + 86_400_000) });
    const once = await deal({ perCustomerLimit: 1 });
    expect(await ids("newbie")).not.toContain(past.id);
    expect(await ids("newbie")).not.toContain(future.id);
    await redeemDeal(db, { dealId: once.id, userId: u.newbie!, orderId: await order("newbie"), discountPence: 100 });
    expect(await ids("newbie")).not.toContain(once.id);
    await expect(redeemDeal(db, { dealId: once.id, userId: u.newbie!, orderId: await order("newbie"), discountPence: 100 })).rejects.toThrow();
  });

  it("a forged redemption is refused: a deal aimed at someone else, an unknown id, a paused deal", async () => {
    const theirs = await deal({ targeting: { customers: [u.other!] } });
    await expect(redeemDeal(db, { dealId: theirs.id, userId: u.newbie!, orderId: await order("newbie"), discountPence: 100 })).rejects.toThrow("not available to you");
    await expect(redeemDeal(db, { dealId: 987_654, userId: u.newbie!, orderId: await order("newbie"), discountPence: 100 })).rejects.toThrow("no longer available");
    const paused = await deal({ active: false });
    await expect(redeemDeal(db, { dealId: paused.id, userId: u.newbie!, orderId: await order("newbie"), discountPence: 100 })).rejects.toThrow("no longer available");
    expect((await db.select().from(dealRedemptions).where(eq(dealRedemptions.userId, u.newbie!))).map((r) => r.dealId)).not.toContain(theirs.id);
  });

  it("a usage limit of 5 holds under 20 concurrent checkouts", async () => {
    const limited = await deal({ usageLimit: 5, perCustomerLimit: 100 });
    const orderIds = [];
    for (let i = 0; i < 20; i++) orderIds.push(await order(["loyal", "lapsed", "newbie", "other"][i % 4]!));
    const results = await Promise.allSettled(
      orderIds.map((orderId, i) =>
        db.transaction((tx) => redeemDeal(tx, { dealId: limited.id, userId: u[["loyal", "lapsed", "newbie", "other"][i % 4]!]!, orderId, discountPence: 50 })),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(5);
    const [row] = await db.select().from(deals).where(eq(deals.id, limited.id));
    expect(row!.redemptions).toBe(5);
    expect((await db.select().from(dealRedemptions).where(eq(dealRedemptions.dealId, limited.id))).length).toBe(5);
  });

  it("the redemption that uses a deal up expires every customer's cached deals, not the ones before", async () => {
    const heard: string[][] = [];
    const hooks = globalThis as { [CACHE_TAGS_HOOK]?: { expire(tags: string[]): Promise<void> } };
    // The hook the cache handler installs in the server; here it records what would expire.
    hooks[CACHE_TAGS_HOOK] = { expire: async (tags) => void heard.push(tags) };
    try {
      const twice = await deal({ usageLimit: 2, perCustomerLimit: 100 });
      const [first, last] = [await order("loyal"), await order("loyal")];
      await db.transaction((tx) => redeemDeal(tx, { dealId: twice.id, userId: u.loyal!, orderId: first, discountPence: 50 }));
      expect(heard).toEqual([]);
      await db.transaction((tx) => redeemDeal(tx, { dealId: twice.id, userId: u.loyal!, orderId: last, discountPence: 50 }));
      expect(heard).toEqual([["personal"]]);
    } finally {
      delete hooks[CACHE_TAGS_HOOK];
    }
  });
});
