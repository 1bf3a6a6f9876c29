import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { auditLog, orderLines, orders, outbox, products, shipments, stockAdjustments, users } from "@/db/schema";
import { addItem, cartIdForUser, createCart } from "@/lib/cart/store";
import { placeOrder } from "@/lib/checkout/place-order";
import type { Db } from "@/lib/db";
import { setShipmentStatus } from "@/lib/delivery/status";
import { orderToken } from "@/lib/orders/tracking-link";
import { insertProducts } from "@/lib/testing/catalog";
import { createTestDb, dropTestDb } from "@/lib/testing/db";
import { formData, signInAs } from "@/lib/testing/session";

vi.mock("@/lib/auth/current-user", () => import("@/lib/testing/session"));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {}, refresh: () => {} }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": "192.0.2.44" }), cookies: async () => ({ get: () => undefined, set: () => {} }) }));

const { requestReturnAction } = await import("./actions");
const { decideReturnAction, receiveReturnAction, refundReturnAction } = await import("./admin-actions");

let db: Db;
let lamp: number, mug: number;
let admin: { id: number; email: string; role: "admin" };
let seq = 0;
const address = { name: "Rita Return", line1: "1 High Street", line2: "", city: "London", postcode: "SW1A 1AA", country: "GB" as const, phone: "07700 900123" };
const stockOf = async (id: number) => (await db.select({ s: products.stock }).from(products).where(eq(products.id, id)))[0]!.s;

/** A delivered web order: 2 lamps (£25) and 3 mugs (£4.50), by cargo bike (£2.95). */
async function deliveredOrder(userId: number | null, email: string, deliveredDaysAgo = 2) {
  const cartId = userId ? await cartIdForUser(db, userId) : await createCart(db);
  await addItem(db, cartId, lamp, 2);
  await addItem(db, cartId, mug, 3);
  const placed = await placeOrder(db, {
    userId,
    email,
    cartId,
    address,
    method: "bike",
    payment: "cod",
    idempotencyKey: `ret-key-${++seq}-abcdefgh`,
    saveAddress: false,
    makeEcoDefault: false,
  });
  const [s] = await db.select().from(shipments).where(eq(shipments.orderId, placed.orderId));
  for (const to of ["packed", "dispatched", "out_for_delivery", "delivered"] as const)
    await setShipmentStatus(db, s!.id, to, { at: new Date(Date.now() - deliveredDaysAgo * 86_400_000) });
  return placed.number;
}
const form = (number: string, lines: Record<number, [number, string]>, extra: Record<string, string> = {}) =>
  formData({
    number,
    ...Object.fromEntries(
      Object.entries(lines).flatMap(([n, [q, r]]) => [
        [`qty.${n}`, String(q)],
        [`reason.${n}`, r],
      ]),
    ),
    ...extra,
  });
const asAdmin = () => signInAs(admin);

beforeAll(async () => {
  db = await createTestDb();
  [lamp, mug] = (
    await insertProducts(db, [
      { sku: "L1", title: "Brass Lamp", category: "lighting", pricePence: 2500, stock: 100 },
      { sku: "M1", title: "Spotty Mug", category: "kitchen-dining", pricePence: 450, stock: 100 },
    ])
  ).map((p) => p.id) as [number, number];
  const [a] = await db.insert(users).values({ email: "staff@example.com", role: "admin" }).returning();
  admin = { id: a!.id, email: a!.email, role: "admin" };
});
afterAll(dropTestDb);

describe("returns", () => {
  it("a customer returns a line; staff approve, receive (stock back once) and refund it; the refund is a refund order", async () => {
    const [rita] = await db.insert(users).values({ email: "rita@example.com" }).returning();
    const number = await deliveredOrder(rita!.id, "rita@example.com");
    signInAs({ id: rita!.id, email: "rita@example.com", role: "customer" });
    const asked = await requestReturnAction(null, form(number, { 1: [1, "damaged"] }, { note: "The shade is cracked" }));
    expect(asked).toMatchObject({ ok: true });
    const id = (asked as { data: { id: number } }).data.id;

    asAdmin();
    expect(await receiveReturnAction(null, formData({ id: String(id) }))).toMatchObject({ ok: false, error: "Approve the return first." });
    expect(await decideReturnAction(null, formData({ id: String(id), decision: "approve", note: "Sorry about that" }))).toMatchObject({ ok: true });
    const before = await stockOf(lamp);
    expect(await receiveReturnAction(null, formData({ id: String(id) }))).toMatchObject({ ok: true });
    expect(await receiveReturnAction(null, formData({ id: String(id) }))).toMatchObject({ ok: false, error: "This return is received already." });
    expect(await stockOf(lamp)).toBe(before + 1);
    const adj = await db.select().from(stockAdjustments).where(eq(stockAdjustments.productId, lamp));
    expect(adj.map((a) => [a.delta, a.reason])).toEqual([[1, "returned"]]);

    expect(await refundReturnAction(null, formData({ id: String(id), includeDelivery: "on" }))).toMatchObject({ ok: true });
    expect(await refundReturnAction(null, formData({ id: String(id) }))).toMatchObject({ ok: false, error: "This return has been refunded already." });
    const [sale] = await db.select().from(orders).where(eq(orders.number, number));
    const [refund] = await db
      .select()
      .from(orders)
      .where(and(eq(orders.refundOf, sale!.id), eq(orders.kind, "refund")));
    // One lamp plus the £2.95 delivery: negative, so sums give net revenue.
    expect(refund).toMatchObject({ status: "refunded", subtotalPence: -2500, shippingPence: -295, totalPence: -2795, userId: rita!.id });
    const lines = await db.select().from(orderLines).where(eq(orderLines.orderId, refund!.id));
    expect(lines.map((l) => [l.kind, l.sku, l.quantity, l.unitPricePence])).toEqual([
      ["product", "L1", -1, 2500],
      ["shipping", "DELIVERY", -1, 295],
    ]);
    const subjects = (await db.select().from(outbox).where(eq(outbox.to, "rita@example.com"))).map((m) => m.subject);
    expect(subjects).toEqual(expect.arrayContaining([`Your return for order ${number} is approved`, `Your refund for order ${number}`]));
    const audit = (await db.select().from(auditLog).where(eq(auditLog.entity, "return"))).map((a) => a.action);
    expect(audit).toEqual(["return.approve", "return.receive", "return.refund"]);
  });

  it("refuses what cannot be returned or refunded, with a clear message and nothing half-written", async () => {
    const [sam] = await db.insert(users).values({ email: "sam@example.com" }).returning();
    const number = await deliveredOrder(sam!.id, "sam@example.com");
    signInAs({ id: sam!.id, email: "sam@example.com", role: "customer" });
    expect(await requestReturnAction(null, form(number, { 2: [4, "changed_mind"] }))).toMatchObject({ ok: false, error: "You can return at most 3 of Spotty Mug." });
    expect(await requestReturnAction(null, form(number, { 2: [1, ""] }))).toMatchObject({ ok: false, error: "Tell us why you're returning Spotty Mug." });
    expect(await requestReturnAction(null, form(number, { 9: [1, "other"] }))).toMatchObject({ ok: false, error: "That item is not part of this order." });
    expect(await requestReturnAction(null, form(number, {}))).toMatchObject({ ok: false, error: "Choose at least one item to return." });
    expect(await requestReturnAction(null, form(number, { 2: [1, "other"] }, { note: "x".repeat(5000) }))).toMatchObject({
      ok: false,
      error: "Use at most 500 characters",
    });

    // Someone else's order, signed in or holding a wrong link: as if it did not exist.
    const other = await deliveredOrder(null, "gina@example.com");
    expect(await requestReturnAction(null, form(other, { 1: [1, "other"] }))).toMatchObject({ ok: false, error: "Order not found." });
    signInAs(null);
    expect(await requestReturnAction(null, form(other, { 1: [1, "other"] }, { t: orderToken(number) }))).toMatchObject({ ok: false, error: "Order not found." });
    // The guest's own signed link works.
    expect(await requestReturnAction(null, form(other, { 1: [1, "other"] }, { t: orderToken(other) }))).toMatchObject({ ok: true });

    // Outside the 30-day window, and imported history.
    const old = await deliveredOrder(sam!.id, "sam@example.com", 31);
    signInAs({ id: sam!.id, email: "sam@example.com", role: "customer" });
    expect(await requestReturnAction(null, form(old, { 1: [1, "other"] }))).toMatchObject({ ok: false, error: "Returns are possible within 30 days of delivery." });
    await db.insert(orders).values({ number: "536999", userId: sam!.id, source: "import", status: "delivered", placedAt: new Date(), totalPence: 1000, subtotalPence: 1000 });
    await db.insert(orderLines).values({
      orderId: (await db.select().from(orders).where(eq(orders.number, "536999")))[0]!.id,
      lineNo: 1,
      sku: "L1",
      title: "Brass Lamp",
      quantity: 1,
      unitPricePence: 1000,
      productId: lamp,
    });
    expect(await requestReturnAction(null, form("536999", { 1: [1, "other"] }))).toMatchObject({ ok: false, error: expect.stringContaining("previous shop") });
    const count = await db.execute<{ n: number }>(sql`select count(*)::int as n from returns r join orders o on o.id = r.order_id where o.user_id = ${sam!.id}`);
    expect(Number(count.rows[0]!.n)).toBe(0);
  });

  it("partial refunds add up to at most what was paid, the delivery fee at most once", async () => {
    const [pat] = await db.insert(users).values({ email: "pat@example.com" }).returning();
    const number = await deliveredOrder(pat!.id, "pat@example.com");
    signInAs({ id: pat!.id, email: "pat@example.com", role: "customer" });
    const first = (await requestReturnAction(null, form(number, { 1: [2, "doesnt_suit"] }))) as { ok: true; data: { id: number } };
    const second = (await requestReturnAction(null, form(number, { 2: [3, "changed_mind"] }))) as { ok: true; data: { id: number } };
    // Nothing is left to return on that order now.
    expect(await requestReturnAction(null, form(number, { 1: [1, "other"] }))).toMatchObject({ ok: false, error: "Brass Lamp is already being returned." });
    asAdmin();
    for (const r of [first, second]) await decideReturnAction(null, formData({ id: String(r.data.id), decision: "approve" }));
    expect(await refundReturnAction(null, formData({ id: String(first.data.id), amount: "60.00" }))).toMatchObject({ ok: false, error: "At most £50.00 for this return." });
    expect(await refundReturnAction(null, formData({ id: String(first.data.id), amount: "0" }))).toMatchObject({ ok: false, error: "Enter an amount above zero." });
    expect(await refundReturnAction(null, formData({ id: String(first.data.id), amount: "-5" }))).toMatchObject({ ok: false });
    expect(await refundReturnAction(null, formData({ id: String(first.data.id), amount: "40.00", includeDelivery: "on" }))).toMatchObject({ ok: true });
    // The second return: £13.50 of mugs; the delivery was given back with the first.
    expect(await refundReturnAction(null, formData({ id: String(second.data.id), includeDelivery: "on" }))).toMatchObject({ ok: true });
    const [sale] = await db.select().from(orders).where(eq(orders.number, number));
    const refunds = await db.select().from(orders).where(eq(orders.refundOf, sale!.id));
    expect(refunds.map((r) => r.totalPence).sort()).toEqual([-4000, -1350].sort());
    expect(refunds.map((r) => r.shippingPence).sort()).toEqual([-295, 0].sort());
    expect(-refunds.reduce((n, r) => n + r.totalPence, 0)).toBeLessThanOrEqual(sale!.totalPence);
  });
});
