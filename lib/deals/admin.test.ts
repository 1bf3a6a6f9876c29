import { desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { auditLog, categories, deals, orders, users } from "@/db/schema";
import { recomputeAll } from "@/lib/cdp/audience/refresh";
import type { Db } from "@/lib/db";
import { insertProducts } from "@/lib/testing/catalog";
import { createTestDb, dropTestDb } from "@/lib/testing/db";
import { formData, signInAs } from "@/lib/testing/session";
import { dealReach, dealScopePreview } from "./admin";
import { eligibleDeals } from "./eligibility";

/** The deals editor through its server actions (session stand-in, real database). */
vi.mock("@/lib/auth/current-user", () => import("@/lib/testing/session"));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, refresh: () => {} }));
vi.mock("next/navigation", () => ({ redirect: () => {} }));
const { createDealAction, setDealActiveAction, updateDealAction } = await import("./admin-actions");

let db: Db;
let lapsed = 0,
  loyal = 0,
  lighting = 0;
const base = { code: "thanks10", name: "Thank you", type: "percent_off", value: "10", scope: "all", perCustomerLimit: "1", active: "on" };

beforeAll(async () => {
  db = await createTestDb();
  await insertProducts(db, [
    { sku: "L1", title: "Brass Lamp", category: "lighting", pricePence: 3000, unitsSold: 50 },
    { sku: "L2", title: "Glass Lantern", category: "lighting", pricePence: 1500, unitsSold: 10 },
    { sku: "M1", title: "Spotty Mug", category: "kitchen-dining", pricePence: 450 },
  ]);
  lighting = (await db.select().from(categories).where(eq(categories.slug, "lighting")))[0]!.id;
  lapsed = (await db.insert(users).values({ email: "old@example.com" }).returning())[0]!.id;
  loyal = (await db.insert(users).values({ email: "fan@example.com" }).returning())[0]!.id;
  await db.insert(orders).values({ number: "O1", userId: lapsed, placedAt: new Date("2024-01-01"), totalPence: 1000 });
  for (let i = 0; i < 4; i++) await db.insert(orders).values({ number: `F${i}`, userId: loyal, placedAt: new Date(Date.now() - i * 86_400_000), totalPence: 4000 });
  await recomputeAll(db);
  const [m] = await db.insert(users).values({ email: "merch@example.com", role: "merchandiser" }).returning();
  signInAs({ id: m!.id, email: m!.email, name: null, role: "merchandiser" });
});
afterAll(dropTestDb);

describe("deals editor", () => {
  it("validates by type, scope and window", async () => {
    for (const [over, field] of [
      [{ value: "0" }, "value"],
      [{ value: "101" }, "value"],
      [{ type: "bundle_price", value: "8.00" }, "bundleQuantity"],
      [{ scope: "categories" }, "categoryIds"],
      [{ scope: "products", productCodes: "NOPE1" }, "productCodes"],
      [{ startsAt: "2026-12-10T00:00", endsAt: "2026-12-01T00:00" }, "endsAt"],
      [{ code: "x" }, "code"],
      [{ customers: "12, abc" }, "customers"],
    ] as const) {
      const r = await createDealAction(null, formData({ ...base, ...over }));
      expect(r, JSON.stringify(over)).toMatchObject({ ok: false, fieldErrors: { [field]: expect.any(Array) } });
    }
    expect(await db.select().from(deals)).toEqual([]);
  });

  it("creates a segment-targeted deal that only that segment can use; pausing takes it away at once", async () => {
    const r = await createDealAction(null, formData({ ...base, "segments[]": "lapsed", scope: "categories", "categoryIds[]": String(lighting), minSpend: "20.00" }));
    expect(r).toMatchObject({ ok: true });
    const [d] = await db.select().from(deals);
    expect(d).toMatchObject({ code: "THANKS10", value: 10, scope: "categories", scopeIds: [lighting], minSpendPence: 2000, targeting: { segments: ["lapsed"] } });
    expect((await eligibleDeals(db, lapsed)).map((x) => x.code)).toEqual(["THANKS10"]);
    expect(await eligibleDeals(db, loyal)).toEqual([]);
    await setDealActiveAction(null, formData({ id: String(d!.id), active: "false" }));
    expect(await eligibleDeals(db, lapsed)).toEqual([]);
    expect((await db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1))[0]).toMatchObject({ action: "deal.pause", entityId: String(d!.id) });
  });

  it("logs only changed fields on edit, refuses a taken code and a limit below what was redeemed", async () => {
    const [d] = await db.select().from(deals);
    const r = await updateDealAction(
      null,
      formData({ ...base, id: String(d!.id), value: "12", "segments[]": "lapsed", scope: "categories", "categoryIds[]": String(lighting), minSpend: "20.00" }),
    );
    expect(r).toMatchObject({ ok: true });
    const last = (await db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1))[0]!;
    expect(last).toMatchObject({ action: "deal.update", before: { value: 10, active: false }, after: { value: 12, active: true } });
    await createDealAction(null, formData({ ...base, code: "OTHER" }));
    expect(await updateDealAction(null, formData({ ...base, id: String(d!.id), code: "other" }))).toMatchObject({
      ok: false,
      fieldErrors: { code: ["Another deal already has that code."] },
    });
    await db.update(deals).set({ redemptions: 3 }).where(eq(deals.id, d!.id));
    expect(await updateDealAction(null, formData({ ...base, id: String(d!.id), usageLimit: "2" }))).toMatchObject({ ok: false, fieldErrors: { usageLimit: expect.any(Array) } });
  });

  it("previews reach (with the control group) and scope", async () => {
    process.env.RECS_HOLDOUT_SHARE = "1"; // everyone held out: the count must say so
    expect(await dealReach(db, { segments: ["lapsed"] })).toEqual({ customers: 1, controlGroup: 1 });
    delete process.env.RECS_HOLDOUT_SHARE;
    expect((await dealReach(db, {})).customers).toBe(2);
    expect((await dealReach(db, { customers: [loyal], lifecycle: ["lapsed"] })).customers).toBe(2);
    expect(await dealScopePreview(db, "categories", [lighting])).toEqual({ products: 2, sample: ["Brass Lamp", "Glass Lantern"] });
    expect((await dealScopePreview(db, "all", [])).products).toBe(3);
  });
});
