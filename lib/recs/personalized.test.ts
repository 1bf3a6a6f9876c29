import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { deals, orderLines, orders, users } from "@/db/schema";
import type { Db } from "@/lib/db";
import { insertProducts } from "@/lib/testing/catalog";
import { createTestDb, dropTestDb } from "@/lib/testing/db";
import { signInAs } from "@/lib/testing/session";
import { inControlGroup } from "./holdout";
import { trainAndStore } from "./train";

/**
 * The request path of the personal surfaces (the functions the home page, product page and
 * checkout call) for treatment, control-group and no-consent customers. Only the session and the
 * consent cookie are stand-ins (and Next's data cache, which needs the server); the database is real.
 */
const session = vi.hoisted(() => ({ personalization: true }));
vi.mock("@/lib/auth/current-user", () => import("@/lib/testing/session"));
vi.mock("@/lib/cdp/track/request", () => ({
  personalizationAllowed: async () => session.personalization,
  currentAnonymousId: async () => null,
  trackServer: async () => true,
}));
// Next's data cache only exists inside the server; here a cached read is the read itself.
vi.mock("next/cache", () => ({ unstable_cache: <F>(fn: F) => fn }));
const { getForYou } = await import("./queries");
const { getDealPrice, getMyDeals } = await import("@/lib/deals/queries");
const { personalizedStore } = await import("./personalized");

let db: Db;
const p: Record<string, number> = {};
let treated = 0,
  control = 0;

beforeAll(async () => {
  process.env.RECS_HOLDOUT_SHARE = "0.5";
  db = await createTestDb();
  for (const r of await insertProducts(db, [
    { sku: "A", title: "Brass Lantern", category: "lighting", pricePence: 2000 },
    { sku: "B", title: "Tea Light Holder", category: "lighting", pricePence: 500 },
    { sku: "C", title: "Spotty Mug", category: "kitchen-dining", pricePence: 450 },
  ]))
    p[r.sku] = r.id;
  // Customers until there is one on each side of the hash; both bought A, others A and B.
  let n = 0;
  while (!treated || !control) {
    const [u] = await db
      .insert(users)
      .values({ email: `c${++n}@example.com` })
      .returning();
    const [o] = await db
      .insert(orders)
      .values({ number: `P${n}`, userId: u!.id, placedAt: new Date("2026-10-01"), totalPence: 2500 })
      .returning();
    await db
      .insert(orderLines)
      .values([
        { orderId: o!.id, lineNo: 1, productId: p.A, sku: "A", title: "A", quantity: 1, unitPricePence: 2000 },
        ...(n % 2 ? [{ orderId: o!.id, lineNo: 2, productId: p.B, sku: "B", title: "B", quantity: 1, unitPricePence: 500 }] : []),
      ]);
    if (inControlGroup(u!.id)) control ||= u!.id;
    else if (n % 2 === 0) treated ||= u!.id; // bought only A: B is theirs to discover
  }
  await trainAndStore(db, { lambda: 1 });
  await db.insert(deals).values({ code: "BOTH", name: "For both", type: "percent_off", value: 20, targeting: { customers: [treated, control] } });
});
afterAll(async () => {
  delete process.env.RECS_HOLDOUT_SHARE;
  await dropTestDb();
});

describe("personalized store, through the request path", () => {
  it("a treatment customer gets For you, their deals and the deal price", async () => {
    signInAs({ id: treated, email: "x@example.com", role: "customer" });
    session.personalization = true;
    expect(await personalizedStore()).toEqual({ userId: treated });
    expect((await getForYou())?.map((r) => r.id)).toContain(p.B);
    expect((await getMyDeals()).map((d) => d.code)).toEqual(["BOTH"]);
    expect(await getDealPrice({ id: p.C!, categoryId: 0, pricePence: 450 })).toMatchObject({ pricePence: 360, code: "BOTH" });
  });

  it("the control group gets no For you, no deals and no deal price, though the deal names them", async () => {
    signInAs({ id: control, email: "x@example.com", role: "customer" });
    session.personalization = true;
    expect(await personalizedStore()).toBeNull();
    expect(await getForYou()).toBeNull();
    expect(await getMyDeals()).toEqual([]);
    expect(await getDealPrice({ id: p.C!, categoryId: 0, pricePence: 450 })).toBeNull();
  });

  it("without personalization consent a treatment customer gets the same non-personalized store", async () => {
    signInAs({ id: treated, email: "x@example.com", role: "customer" });
    session.personalization = false;
    expect(await getForYou()).toBeNull();
    expect(await getMyDeals()).toEqual([]);
  });

  it("a visitor gets nothing personal", async () => {
    signInAs(null);
    session.personalization = true;
    expect(await getForYou()).toBeNull();
    expect(await getMyDeals()).toEqual([]);
  });
});
