import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addresses, dealRedemptions, deals, orderLines, orders, products, shipmentEvents, shipments, users } from "@/db/schema";
import { addItem, cartIdForUser, readCart } from "@/lib/cart/store";
import type { Db } from "@/lib/db";
import { insertProducts } from "@/lib/testing/catalog";
import { createTestDb, dropTestDb } from "@/lib/testing/db";
import { placeOrder, vatIncluded, type PlaceOrderInput } from "./place-order";

let db: Db;
let lamp: number, mug: number, lastOne: number;
const london = { name: "Ann Example", line1: "1 High Street", line2: "", city: "London", postcode: "SW1A 1AA", country: "GB" as const, phone: "" };
const leeds = { ...london, city: "Leeds", postcode: "LS1 4AP" };
let seq = 0;
const key = () => `test-key-${Date.now()}-${++seq}-abcdef`;

async function shopper(email: string) {
  const [u] = await db.insert(users).values({ email }).returning({ id: users.id });
  return { userId: u!.id, email, cartId: await cartIdForUser(db, u!.id) };
}
const order = (s: Awaited<ReturnType<typeof shopper>>, extra: Partial<PlaceOrderInput> = {}): PlaceOrderInput => ({
  ...s,
  address: london,
  method: "bike",
  payment: "cod",
  idempotencyKey: key(),
  saveAddress: false,
  makeEcoDefault: false,
  ...extra,
});
const stockOf = async (id: number) => (await db.select({ s: products.stock }).from(products).where(eq(products.id, id)))[0]!.s;

beforeAll(async () => {
  db = await createTestDb();
  [lamp, mug, lastOne] = (
    await insertProducts(db, [
      { sku: "L1", title: "Brass Lamp", category: "lighting", pricePence: 2500, stock: 10 },
      { sku: "M1", title: "Spotty Mug", category: "kitchen-dining", pricePence: 450, stock: 100 },
      { sku: "X1", title: "Last Lantern", category: "lighting", pricePence: 1200, stock: 1 },
    ])
  ).map((p) => p.id) as [number, number, number];
});
afterAll(dropTestDb);

describe("placing an order", () => {
  it("turns the cart into an order with lines, delivery, VAT, a shipment, and takes the stock", async () => {
    const s = await shopper("buyer1@example.com");
    await addItem(db, s.cartId, lamp, 1);
    await addItem(db, s.cartId, mug, 2);
    const placed = await placeOrder(db, order(s, { saveAddress: true, makeEcoDefault: true }));
    expect(placed.number).toMatch(/^H\d{6}$/);
    const [o] = await db.select().from(orders).where(eq(orders.id, placed.orderId));
    // Bike inside the city zone: £2.95, free only for standard/EV over £40.
    expect(o).toMatchObject({
      status: "placed",
      source: "web",
      subtotalPence: 3400,
      shippingPence: 295,
      totalPence: 3695,
      paymentProvider: "cod",
      paymentStatus: "due_on_delivery",
    });
    expect(o!.taxPence).toBe(vatIncluded(3695));
    expect(o!.shippingAddress).toMatchObject({ postcode: "SW1A 1AA", city: "London" });
    const lines = await db.select().from(orderLines).where(eq(orderLines.orderId, o!.id));
    expect(lines.map((l) => [l.sku, l.quantity, l.unitPricePence])).toEqual([
      ["L1", 1, 2500],
      ["M1", 2, 450],
    ]);
    const [sh] = await db.select().from(shipments).where(eq(shipments.orderId, o!.id));
    expect(sh).toMatchObject({ method: "bike", status: "placed" });
    expect(sh!.co2Grams).toBeLessThan(100);
    expect(sh!.promisedTo.getTime()).toBeGreaterThan(Date.now());
    expect((await db.select().from(shipmentEvents).where(eq(shipmentEvents.shipmentId, sh!.id))).map((e) => e.status)).toEqual(["placed"]);
    expect(await stockOf(lamp)).toBe(9);
    expect((await readCart(db, s.cartId)).lines).toEqual([]);
    expect((await db.select().from(addresses).where(eq(addresses.userId, s.userId))).length).toBe(1);
    expect((await db.select().from(users).where(eq(users.id, s.userId)))[0]!.prefersEcoDelivery).toBe(true);
  });

  it("uses today's price, whatever the cart was added at", async () => {
    const s = await shopper("buyer2@example.com");
    await addItem(db, s.cartId, mug, 1);
    await db.update(products).set({ pricePence: 500 }).where(eq(products.id, mug));
    const placed = await placeOrder(db, order(s, { method: "standard" }));
    const [line] = await db.select().from(orderLines).where(eq(orderLines.orderId, placed.orderId));
    expect(line!.unitPricePence).toBe(500);
    await db.update(products).set({ pricePence: 450 }).where(eq(products.id, mug));
  });

  it("makes exactly one order for the same idempotency key", async () => {
    const s = await shopper("buyer3@example.com");
    await addItem(db, s.cartId, mug, 1);
    const input = order(s);
    const [a, b] = await Promise.all([placeOrder(db, input), placeOrder(db, input)]);
    const c = await placeOrder(db, input);
    expect(new Set([a.number, b.number, c.number]).size).toBe(1);
    expect([a.replay, b.replay, c.replay].filter((r) => !r)).toHaveLength(1);
    expect((await db.select().from(orders).where(eq(orders.userId, s.userId))).length).toBe(1);
  });

  it("never oversells: 50 concurrent checkouts for the last unit make one order", async () => {
    const buyers = await Promise.all(Array.from({ length: 50 }, (_, i) => shopper(`race${i}@example.com`)));
    for (const b of buyers) await addItem(db, b.cartId, lastOne, 1);
    const results = await Promise.allSettled(buyers.map((b) => placeOrder(db, order(b))));
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(49);
    for (const r of lost) expect(String(r.reason.message)).toMatch(/Last Lantern has just sold out/);
    expect(await stockOf(lastOne)).toBe(0);
    const sold = await db.execute<{ n: number }>(sql`select coalesce(sum(quantity),0)::int as n from order_lines where product_id = ${lastOne}`);
    expect(sold.rows[0]!.n).toBe(1);
    // The losers keep their carts (nothing lost).
    const losers = buyers.filter((_, i) => results[i]!.status === "rejected");
    expect((await readCart(db, losers[0]!.cartId)).lines).toHaveLength(1);
  });

  it("rejects an empty cart, a bad address, and an option the address cannot have", async () => {
    const s = await shopper("buyer4@example.com");
    await expect(placeOrder(db, order(s))).rejects.toThrow("Your cart is empty.");
    await addItem(db, s.cartId, mug, 1);
    await expect(placeOrder(db, order(s, { address: { ...london, postcode: "NOT A CODE" } }))).rejects.toThrow(/valid UK postcode/);
    await expect(placeOrder(db, order(s, { address: { ...london, name: "" } }))).rejects.toThrow(/recipient/);
    await expect(placeOrder(db, order(s, { address: leeds, method: "bike" }))).rejects.toThrow(/isn't available for this address/);
    await expect(placeOrder(db, order(s, { payment: "free-money" }))).rejects.toThrow(/Choose a way to pay/);
    // Nothing was taken.
    expect((await readCart(db, s.cartId)).lines).toHaveLength(1);
    expect((await db.select().from(orders).where(eq(orders.userId, s.userId))).length).toBe(0);
  });

  it("gives free standard or EV delivery over £40, and EV outside the city zone", async () => {
    const s = await shopper("buyer5@example.com");
    await addItem(db, s.cartId, lamp, 2);
    const placed = await placeOrder(db, order(s, { address: leeds, method: "ev" }));
    const [o] = await db.select().from(orders).where(eq(orders.id, placed.orderId));
    expect(o!.shippingPence).toBe(0);
    expect(o!.totalPence).toBe(5000);
  });
});

describe("exclusive deals at checkout", () => {
  it("applies the customer's best deal on the server, records the redemption, and not in the non-personalized store", async () => {
    const [d] = await db
      .insert(deals)
      .values({
        code: "TENOFF",
        name: "10% off lighting",
        type: "percent_off",
        value: 10,
        scope: "categories",
        scopeIds: [(await db.select({ c: products.categoryId }).from(products).where(eq(products.id, lamp)))[0]!.c],
        perCustomerLimit: 1,
      })
      .returning();
    const s = await shopper("dealer@example.com");
    await addItem(db, s.cartId, lamp, 2); // £50 of lighting
    await addItem(db, s.cartId, mug, 1);
    const placed = await placeOrder(db, order(s, { method: "standard" }));
    const [o] = await db.select().from(orders).where(eq(orders.id, placed.orderId));
    expect(o!.discountPence).toBe(500);
    expect(o!.totalPence).toBe(o!.subtotalPence + o!.shippingPence - 500);
    expect(o!.taxPence).toBe(vatIncluded(o!.totalPence));
    const lines = await db.select().from(orderLines).where(eq(orderLines.orderId, o!.id));
    expect(lines.filter((l) => l.kind === "discount").map((l) => [l.sku, l.unitPricePence])).toEqual([["DEAL-TENOFF", -500]]);
    expect((await db.select().from(dealRedemptions).where(eq(dealRedemptions.orderId, o!.id))).map((r) => r.dealId)).toEqual([d!.id]);

    // Used once: the next order pays full price; a second customer in the non-personalized store gets nothing.
    await addItem(db, s.cartId, lamp, 1);
    const again = await placeOrder(db, order(s, { method: "standard" }));
    expect((await db.select().from(orders).where(eq(orders.id, again.orderId)))[0]!.discountPence).toBe(0);
    const t = await shopper("control@example.com");
    await addItem(db, t.cartId, lamp, 1);
    const plain = await placeOrder(db, order(t, { method: "standard", personalized: false }));
    expect((await db.select().from(orders).where(eq(orders.id, plain.orderId)))[0]!.discountPence).toBe(0);
  });
});
