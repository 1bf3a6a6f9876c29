import { desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { auditLog, products, stockAdjustments, users } from "@/db/schema";
import type { Db } from "@/lib/db";
import { insertProducts } from "@/lib/testing/catalog";
import { createTestDb, dropTestDb } from "@/lib/testing/db";
import { formData, signInAs } from "@/lib/testing/session";
import { listLowStock } from "./admin";

/** Stock adjustments through the server action (session stand-in, real database). */
vi.mock("@/lib/auth/current-user", () => import("@/lib/testing/session"));
vi.mock("next/cache", () => ({ updateTag: () => {} }));
const { adjustStockAction } = await import("./admin-actions");

let db: Db;
let lamp = 0,
  mug = 0;
const adjust = (productId: number, change: string, reason = "received", note = "") => adjustStockAction(null, formData({ productId: String(productId), change, reason, note }));
const stock = async (id: number) => (await db.select({ s: products.stock }).from(products).where(eq(products.id, id)))[0]!.s;

beforeAll(async () => {
  db = await createTestDb();
  const rows = await insertProducts(db, [
    { sku: "L1", title: "Brass Lamp", category: "lighting", pricePence: 3000, stock: 5 },
    { sku: "M1", title: "Spotty Mug", category: "kitchen-dining", pricePence: 450, stock: 40 },
  ]);
  [lamp, mug] = rows.map((r) => r.id) as [number, number];
  await db.update(products).set({ lowStockThreshold: 5 });
  const [m] = await db.insert(users).values({ email: "merch@example.com", role: "merchandiser" }).returning();
  signInAs({ id: m!.id, email: m!.email, name: null, role: "merchandiser" });
});
afterAll(dropTestDb);

describe("stock adjustments", () => {
  it("adds, removes and sets a counted level, each with a reason, in the history and the audit log", async () => {
    expect(await adjust(lamp, "+12", "received", "PO 1001")).toMatchObject({ ok: true, data: { stock: 17, delta: 12 } });
    expect(await adjust(lamp, "-2", "damaged")).toMatchObject({ ok: true, data: { stock: 15 } });
    expect(await adjust(lamp, "=9", "count")).toMatchObject({ ok: true, data: { stock: 9, delta: -6 } });
    const history = await db.select().from(stockAdjustments).where(eq(stockAdjustments.productId, lamp)).orderBy(stockAdjustments.id);
    expect(history.map((h) => [h.delta, h.stockAfter, h.reason, h.note])).toEqual([
      [12, 17, "received", "PO 1001"],
      [-2, 15, "damaged", ""],
      [-6, 9, "count", ""],
    ]);
    expect((await db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1))[0]).toMatchObject({
      action: "stock.adjust",
      before: { stock: 15 },
      after: { stock: 9, reason: "count" },
    });
  });

  it("never goes below zero and rejects nonsense, changing nothing", async () => {
    const count = (await db.select().from(stockAdjustments)).length;
    expect(await adjust(lamp, "-10", "lost")).toMatchObject({ ok: false, fieldErrors: { change: [expect.stringContaining("below zero")] } });
    expect(await adjust(lamp, "lots", "lost")).toMatchObject({ ok: false, fieldErrors: { change: expect.any(Array) } });
    expect(await adjust(lamp, "+1", "stolen-by-elves")).toMatchObject({ ok: false, fieldErrors: { reason: expect.any(Array) } });
    expect(await stock(lamp)).toBe(9);
    expect((await db.select().from(stockAdjustments)).length).toBe(count);
  });

  it("concurrent removals cannot oversell: the row lock serialises them", async () => {
    const results = await Promise.all([adjust(lamp, "-6", "lost"), adjust(lamp, "-6", "lost")]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await stock(lamp)).toBe(3);
  });

  it("lists active products at or below their threshold, emptiest first", async () => {
    expect((await listLowStock(db)).map((p) => p.id)).toEqual([lamp]);
    await adjust(mug, "=0", "count");
    expect((await listLowStock(db)).map((p) => p.id)).toEqual([mug, lamp]);
  });
});
