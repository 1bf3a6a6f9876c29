import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { csatResponses, outbox, products, shipments, users } from "@/db/schema";
import { addItem, cartIdForUser, readCart } from "@/lib/cart/store";
import { placeOrder } from "@/lib/checkout/place-order";
import { submitCsat } from "@/lib/csat/store";
import { listen, type Db } from "@/lib/db";
import { simulateTick } from "@/lib/delivery/simulate";
import { NOTIFY_CHANNEL, setShipmentStatus } from "@/lib/delivery/status";
import { insertProducts } from "@/lib/testing/catalog";
import { createTestDb, dropTestDb } from "@/lib/testing/db";
import { cancelOrder, reorder } from "./self-service";
import { listOrdersForUser, orderByNumber } from "./read";

let db: Db;
let lamp: number;
let n = 0;
const address = { name: "Ann", line1: "1 High St", line2: "", city: "London", postcode: "E1 6AN", country: "GB" as const, phone: "" };

async function customer(email: string) {
  const [u] = await db.insert(users).values({ email }).returning({ id: users.id });
  return { userId: u!.id, email, cartId: await cartIdForUser(db, u!.id) };
}
async function buy(c: Awaited<ReturnType<typeof customer>>, qty = 1) {
  await addItem(db, c.cartId, lamp, qty);
  return placeOrder(db, { ...c, address, method: "bike", payment: "cod", idempotencyKey: `orders-test-key-${++n}-xyz`, saveAddress: false, makeEcoDefault: false });
}
const stock = async () => (await db.select({ s: products.stock }).from(products).where(eq(products.id, lamp)))[0]!.s;
const shipmentOf = async (orderId: number) => (await db.select().from(shipments).where(eq(shipments.orderId, orderId)))[0]!;

beforeAll(async () => {
  db = await createTestDb();
  lamp = (await insertProducts(db, [{ sku: "L1", title: "Brass Lamp", category: "lighting", pricePence: 2500, stock: 50 }]))[0]!.id;
});
afterAll(dropTestDb);

describe("orders belong to their customer", () => {
  it("lists a customer's own orders and hides everyone else's", async () => {
    const a = await customer("a@example.com");
    const b = await customer("b@example.com");
    const mine = await buy(a);
    expect((await listOrdersForUser(db, a.userId)).rows.map((r) => r.number)).toEqual([mine.number]);
    expect((await listOrdersForUser(db, b.userId)).rows).toEqual([]);
    expect(await orderByNumber(db, mine.number, b.userId)).toBeNull();
    expect((await orderByNumber(db, mine.number, a.userId))?.order.number).toBe(mine.number);
    await expect(cancelOrder(db, b.userId, mine.number)).rejects.toThrow("Order not found.");
    await expect(submitCsat(db, b.userId, mine.number, { orderRating: 5, deliveryRating: 5 })).rejects.toThrow("Order not found.");
    await expect(reorder(db, b.userId, mine.number, b.cartId)).rejects.toThrow("Order not found.");
  });
});

describe("cancel and reorder", () => {
  it("cancels before dispatch and puts the stock back", async () => {
    const c = await customer("cancel@example.com");
    const before = await stock();
    const o = await buy(c, 3);
    expect(await stock()).toBe(before - 3);
    await cancelOrder(db, c.userId, o.number);
    expect(await stock()).toBe(before);
    const d = (await orderByNumber(db, o.number, c.userId))!;
    expect(d.order.status).toBe("cancelled");
    expect(d.events.map((e) => e.status)).toEqual(["placed", "cancelled"]);
    await expect(cancelOrder(db, c.userId, o.number)).rejects.toThrow(/can't be cancelled/);
  });

  it("refuses to cancel once dispatched", async () => {
    const c = await customer("late@example.com");
    const o = await buy(c);
    const s = await shipmentOf(o.orderId);
    await setShipmentStatus(db, s.id, "packed");
    await setShipmentStatus(db, s.id, "dispatched");
    const before = await stock();
    await expect(cancelOrder(db, c.userId, o.number)).rejects.toThrow(/already been dispatched/);
    expect(await stock()).toBe(before);
  });

  it("buys again into the cart", async () => {
    const c = await customer("again@example.com");
    const o = await buy(c, 2);
    const r = await reorder(db, c.userId, o.number, c.cartId);
    expect(r).toEqual({ added: 1, skipped: [] });
    expect((await readCart(db, c.cartId)).count).toBe(2);
  });
});

describe("delivery", () => {
  it("refuses transitions that skip steps", async () => {
    const c = await customer("skip@example.com");
    const s = await shipmentOf((await buy(c)).orderId);
    await expect(setShipmentStatus(db, s.id, "delivered")).rejects.toThrow(/cannot become delivered/);
  });

  it("the simulator walks a shipment to delivered, on time, marks it paid and asks for a rating", async () => {
    const c = await customer("sim@example.com");
    const o = await buy(c);
    for (let i = 0; i < 12; i++) await simulateTick(db, { orderNumber: o.number });
    const d = (await orderByNumber(db, o.number, c.userId))!;
    expect(d.events.map((e) => e.status)).toEqual(["placed", "packed", "dispatched", "out_for_delivery", "delivered"]);
    expect(d.shipment).toMatchObject({ status: "delivered", progress: 1, onTime: true });
    expect(d.order).toMatchObject({ status: "delivered", paymentStatus: "paid" });
    const mails = await db.select().from(outbox).where(eq(outbox.to, "sim@example.com"));
    expect(mails.map((m) => m.subject)).toContain(`How was your Hearth order ${o.number}?`);
  });

  it("retries after a failed attempt", async () => {
    const c = await customer("fail@example.com");
    const o = await buy(c);
    for (let i = 0; i < 30; i++) await simulateTick(db, { orderNumber: o.number, failRate: 0.999 });
    const d = (await orderByNumber(db, o.number, c.userId))!;
    const statuses = d.events.map((e) => e.status);
    expect(statuses).toContain("failed_attempt");
    expect(statuses.indexOf("out_for_delivery")).toBeLessThan(statuses.indexOf("failed_attempt"));
    expect(statuses.filter((s) => s === "out_for_delivery").length).toBeGreaterThan(1);
  });

  it("notifies listeners (LISTEN/NOTIFY) when a shipment changes", async () => {
    const c = await customer("live@example.com");
    const s = await shipmentOf((await buy(c)).orderId);
    const got: string[] = [];
    const stop = await listen(NOTIFY_CHANNEL, (p) => got.push(p));
    await setShipmentStatus(db, s.id, "packed");
    for (let i = 0; i < 50 && !got.includes(String(s.id)); i++) await new Promise((r) => setTimeout(r, 50));
    await stop();
    expect(got).toContain(String(s.id));
  });
});

describe("CSAT", () => {
  it("takes one answer per delivered order, editable for 7 days", async () => {
    const c = await customer("csat@example.com");
    const o = await buy(c);
    await expect(submitCsat(db, c.userId, o.number, { orderRating: 5, deliveryRating: 4 })).rejects.toThrow(/once it has been delivered/);
    for (let i = 0; i < 12; i++) await simulateTick(db, { orderNumber: o.number });
    expect(await submitCsat(db, c.userId, o.number, { orderRating: 5, deliveryRating: 4, comment: "Lovely" })).toBe("created");
    expect(await submitCsat(db, c.userId, o.number, { orderRating: 4, deliveryRating: 4 })).toBe("updated");
    const rows = await db.select().from(csatResponses).where(eq(csatResponses.userId, c.userId));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ orderRating: 4, deliveryRating: 4 });
    await db
      .update(csatResponses)
      .set({ createdAt: new Date(Date.now() - 8 * 86_400_000) })
      .where(eq(csatResponses.userId, c.userId));
    await expect(submitCsat(db, c.userId, o.number, { orderRating: 1, deliveryRating: 1 })).rejects.toThrow(/final now/);
    for (const bad of [
      { orderRating: 0, deliveryRating: 3 },
      { orderRating: 6, deliveryRating: 3 },
      { orderRating: 2.5, deliveryRating: 3 },
      { orderRating: 3, deliveryRating: 3, comment: "x".repeat(1001) },
    ]) {
      await expect(submitCsat(db, c.userId, o.number, bad)).rejects.toThrow();
    }
  });
});
