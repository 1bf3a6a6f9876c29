import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deals } from "@/db/schema";
import { recordView } from "@/lib/cdp/track/recently-viewed";
import type { Db } from "@/lib/db";
import { insertProducts } from "@/lib/testing/catalog";
import { insertCustomers, insertSale } from "@/lib/testing/customers";
import { createTestDb, dropTestDb } from "@/lib/testing/db";
import { loadPersonalHome, revivePersonalHome, SESSION_MINUTES } from "./personal-home";
import { trainAndStore } from "./train";

let db: Db;
const p: Record<string, number> = {};
const u: Record<string, number> = {};

beforeAll(async () => {
  db = await createTestDb();
  for (const r of await insertProducts(db, [
    { sku: "A", title: "Brass Lantern", category: "lighting", pricePence: 2000 },
    { sku: "B", title: "Tea Light Holder", category: "lighting", pricePence: 500 },
    { sku: "C", title: "Spotty Mug", category: "kitchen-dining", pricePence: 450 },
    { sku: "D", title: "Tea Towel", category: "kitchen-dining", pricePence: 350 },
  ]))
    p[r.sku] = r.id;
  Object.assign(u, await insertCustomers(db, ["ann", "bob", "cat"]));
  await insertSale(db, u.ann!, ["A"], p);
  await insertSale(db, u.bob!, ["A", "B"], p);
  await insertSale(db, u.cat!, ["A", "B"], p);
  await insertSale(db, u.bob!, ["C", "D"], p);
  await insertSale(db, u.cat!, ["C", "D"], p);
  await trainAndStore(db, { lambda: 1 });
  await db.insert(deals).values({ code: "ANNONLY", name: "Just for Ann", type: "percent_off", value: 10, targeting: { customers: [u.ann!] } });
});
afterAll(dropTestDb);

describe("a customer's personal block", () => {
  it("holds their For you, their deals and their recently viewed, newest first", async () => {
    await recordView(db, { userId: u.ann!, anonymousId: null }, p.D!);
    await db.execute(sql`update recently_viewed set viewed_at = now() - interval '1 minute' where product_id = ${p.D}`);
    await recordView(db, { userId: u.ann!, anonymousId: null }, p.C!);
    const home = await loadPersonalHome(db, u.ann!);
    expect(home.recentlyViewed.map((r) => r.id)).toEqual([p.C, p.D]);
    expect(home.deals.map((d) => d.code)).toEqual(["ANNONLY"]);
    expect(home.forYou.length).toBeGreaterThan(0);
    // Bought before: never recommended; viewed this visit: left out of For you (it is in Recently viewed).
    expect(home.forYou.map((r) => r.id)).not.toContain(p.A);
    expect(home.forYou.map((r) => r.id)).not.toContain(p.C);
  });

  it("is only that customer's: another's block has none of it", async () => {
    const bob = await loadPersonalHome(db, u.bob!);
    expect(bob.recentlyViewed).toEqual([]);
    expect(bob.deals).toEqual([]);
  });

  it("counts only recent views as this visit", async () => {
    const now = Date.now();
    const fresh = await loadPersonalHome(db, u.ann!, { now });
    const later = await loadPersonalHome(db, u.ann!, { now: now + (SESSION_MINUTES + 5) * 60_000 });
    // Two hours on, the viewed products are no longer "this visit": For you may show them again.
    expect(fresh.forYou.map((r) => r.id)).not.toContain(p.C);
    expect(later.forYou.map((r) => r.reason)).not.toContain("Because you looked at Spotty Mug");
    expect(later.recentlyViewed.map((r) => r.id)).toEqual([p.C, p.D]);
  });

  it("survives the JSON cache: dates come back as dates", async () => {
    const home = await loadPersonalHome(db, u.ann!);
    const revived = revivePersonalHome(JSON.parse(JSON.stringify(home)));
    expect(revived.deals[0]!.startsAt).toBeInstanceOf(Date);
    expect(revived.deals[0]!.startsAt.getTime()).toBe(home.deals[0]!.startsAt.getTime());
    expect(revived.deals[0]!.endsAt).toBeNull();
    expect(revived.forYou).toEqual(home.forYou);
  });
});
