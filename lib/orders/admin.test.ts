import { desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { auditLog, csatResponses, orders, outbox, products, shipmentEvents, shipments, users } from "@/db/schema";
import { addItem, cartIdForUser } from "@/lib/cart/store";
import { placeOrder } from "@/lib/checkout/place-order";
import type { Db } from "@/lib/db";
import { insertProducts } from "@/lib/testing/catalog";
import { createTestDb, dropTestDb } from "@/lib/testing/db";
import { formData, signInAs } from "@/lib/testing/session";
import { listAdminOrders } from "./admin";

/** Order status changes from the admin (session stand-in, real database), through the tracking page's own function. */
vi.mock("@/lib/auth/current-user", () => import("@/lib/testing/session"));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
const { bulkShipmentAction, changeShipmentAction } = await import("./admin-actions");

let db: Db;
let lamp = 0,
  seq = 0;
const london = { name: "Ann Example", line1: "1 High Street", line2: "", city: "London", postcode: "SW1A 1AA", country: "GB" as const, phone: "" };
const stockOf = async () => (await db.select({ s: products.stock }).from(products).where(eq(products.id, lamp)))[0]!.s;
const change = (number: string, to: string, note = "") => changeShipmentAction(null, formData({ number, to, note }));
async function buy(qty = 2) {
  const email = `buyer${++seq}@example.com`;
  const [u] = await db.insert(users).values({ email }).returning();
  const cartId = await cartIdForUser(db, u!.id);
  await addItem(db, cartId, lamp, qty);
  const r = await placeOrder(db, {
    userId: u!.id,
    email,
    cartId,
    address: london,
    method: "bike",
    payment: "cod",
    idempotencyKey: `k-${seq}-${Date.now()}-abcdef`,
    saveAddress: false,
    makeEcoDefault: false,
  });
  return r.number;
}

beforeAll(async () => {
  db = await createTestDb();
  lamp = (await insertProducts(db, [{ sku: "L1", title: "Brass Lamp", category: "lighting", pricePence: 2500, stock: 10 }]))[0]!.id;
  const [m] = await db.insert(users).values({ email: "merch@example.com", role: "merchandiser" }).returning();
  signInAs({ id: m!.id, email: m!.email, name: null, role: "merchandiser" });
});
afterAll(dropTestDb);

describe("order status from the admin", () => {
  it("walks a shipment to delivered through the tracking timeline, asks for a rating, and logs each step", async () => {
    const number = await buy();
    for (const to of ["packed", "dispatched", "out_for_delivery", "delivered"])
      expect(await change(number, to, to === "packed" ? "Wrapped with care" : "")).toMatchObject({ ok: true });
    const [o] = await db.select().from(orders).where(eq(orders.number, number));
    const [s] = await db.select().from(shipments).where(eq(shipments.orderId, o!.id));
    expect([o!.status, s!.status, s!.deliveredAt !== null]).toEqual(["delivered", "delivered", true]);
    const events = await db.select().from(shipmentEvents).where(eq(shipmentEvents.shipmentId, s!.id)).orderBy(shipmentEvents.id);
    expect(events.map((e) => e.status)).toEqual(["placed", "packed", "dispatched", "out_for_delivery", "delivered"]);
    expect(events[1]!.note).toBe("Wrapped with care");
    expect((await db.select().from(outbox).where(eq(outbox.to, o!.email!))).map((m) => m.subject)).toContain(`How was your Hearth order ${number}?`);
    expect((await db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1))[0]).toMatchObject({
      action: "order.status",
      entity: "order",
      entityId: number,
      before: { status: "out_for_delivery" },
      after: { status: "delivered" },
    });
  });

  it("refuses a step that cannot follow, and cancelling after dispatch", async () => {
    const number = await buy();
    expect(await change(number, "delivered")).toMatchObject({ ok: false, fieldErrors: { to: [expect.stringContaining("cannot become delivered")] } });
    await change(number, "packed");
    await change(number, "dispatched");
    expect(await change(number, "cancelled")).toMatchObject({ ok: false });
  });

  it("cancels before dispatch and puts the stock back", async () => {
    const before = await stockOf();
    const number = await buy(3);
    expect(await stockOf()).toBe(before - 3);
    expect(await change(number, "cancelled")).toMatchObject({ ok: true });
    expect(await stockOf()).toBe(before);
    expect((await db.select().from(orders).where(eq(orders.number, number)))[0]!.status).toBe("cancelled");
  });

  it("lists orders by status and flags low ratings for follow-up", async () => {
    const number = await buy();
    const [o] = await db.select().from(orders).where(eq(orders.number, number));
    await db.insert(csatResponses).values({ orderId: o!.id, userId: o!.userId, orderRating: 2, deliveryRating: 4, comment: "Chipped" });
    expect((await listAdminOrders(db, { lowCsat: "1" })).rows.map((r) => r.number)).toEqual([number]);
    expect((await listAdminOrders(db, { status: "cancelled" })).rows).toHaveLength(1);
    expect((await listAdminOrders(db, { q: number })).rows.map((r) => r.number)).toEqual([number]);
  });
});

describe("bulk packed / dispatched", () => {
  it("moves every ticked order through setShipmentStatus (placed → packed → dispatched) and lists the ones it cannot", async () => {
    const [a, b, c] = [await buy(1), await buy(1), await buy(1)];
    await change(c, "cancelled");
    const r = await bulkShipmentAction(null, formData({ "numbers[]": [a, b, c], to: "dispatched" }));
    expect(r).toMatchObject({ ok: true, data: { done: [a, b], skipped: [c] } });
    for (const n of [a, b]) {
      const [o] = await db.select().from(orders).where(eq(orders.number, n));
      const [s] = await db.select().from(shipments).where(eq(shipments.orderId, o!.id));
      expect(s!.status).toBe("dispatched");
      const steps = (await db.select().from(shipmentEvents).where(eq(shipmentEvents.shipmentId, s!.id))).map((e) => e.status);
      expect(steps).toEqual(["placed", "packed", "dispatched"]);
      const mails = (await db.select().from(outbox).where(eq(outbox.to, o!.email!))).map((m) => m.subject);
      expect(mails).toContain(`Order ${n} is on its way`);
    }
    expect(await bulkShipmentAction(null, formData({ to: "packed" }))).toMatchObject({ ok: false, fieldErrors: { numbers: [expect.any(String)] } });
    expect(await bulkShipmentAction(null, formData({ "numbers[]": [a], to: "delivered" }))).toMatchObject({ ok: false, fieldErrors: { to: ["Choose packed or dispatched"] } });
  });
});
