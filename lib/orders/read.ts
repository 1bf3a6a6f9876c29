import { and, asc, desc, eq, sql } from "drizzle-orm";
import { csatResponses, orderLines, orders, products, shipmentEvents, shipments } from "@/db/schema";
import type { Db } from "@/lib/db";
import { returnableLines, returnBlocker, returnsOfOrder } from "@/lib/returns/request";

export const ORDERS_PER_PAGE = 20;

/** A customer's orders, newest first, including the imported history. */
export async function listOrdersForUser(db: Db, userId: number, page = 1) {
  const [{ n }] = (await db
    .select({ n: sql<number>`count(*)::int` })
    .from(orders)
    .where(eq(orders.userId, userId))) as [{ n: number }];
  const pageCount = Math.max(1, Math.ceil(n / ORDERS_PER_PAGE));
  const current = Math.min(Math.max(1, page), pageCount);
  const rows = await db
    .select({
      number: orders.number,
      kind: orders.kind,
      status: orders.status,
      totalPence: orders.totalPence,
      placedAt: orders.placedAt,
      items: sql<number>`(select coalesce(sum(l.quantity), 0)::int from order_lines l where l.order_id = ${orders.id} and l.kind = 'product')`,
    })
    .from(orders)
    .where(eq(orders.userId, userId))
    .orderBy(desc(orders.placedAt), desc(orders.id))
    .limit(ORDERS_PER_PAGE)
    .offset((current - 1) * ORDERS_PER_PAGE);
  return { rows, total: n, page: current, pageCount };
}

export type OrderRecord = NonNullable<Awaited<ReturnType<typeof orderByNumber>>>;
export type OrderDetail = NonNullable<Awaited<ReturnType<typeof orderWithReturns>>>;

/** One order with lines, shipment, events and CSAT; `userId` null skips the owner check (signed tracking links). */
export async function orderByNumber(db: Db, number: string, userId: number | null) {
  const [o] = await db
    .select()
    .from(orders)
    .where(userId === null ? eq(orders.number, number) : and(eq(orders.number, number), eq(orders.userId, userId)))
    .limit(1);
  if (!o) return null;
  const [lines, [shipment], [csat]] = await Promise.all([
    db
      .select({
        lineNo: orderLines.lineNo,
        kind: orderLines.kind,
        sku: orderLines.sku,
        title: orderLines.title,
        quantity: orderLines.quantity,
        unitPricePence: orderLines.unitPricePence,
        productId: orderLines.productId,
        slug: products.slug,
        active: sql<boolean>`coalesce(${products.status} = 'active', false)`,
      })
      .from(orderLines)
      .leftJoin(products, eq(products.id, orderLines.productId))
      .where(eq(orderLines.orderId, o.id))
      .orderBy(asc(orderLines.lineNo)),
    db.select().from(shipments).where(eq(shipments.orderId, o.id)),
    db.select().from(csatResponses).where(eq(csatResponses.orderId, o.id)),
  ]);
  const events = shipment ? await db.select().from(shipmentEvents).where(eq(shipmentEvents.shipmentId, shipment.id)).orderBy(asc(shipmentEvents.at), asc(shipmentEvents.id)) : [];
  return { order: o, lines, shipment: shipment ?? null, events, csat: csat ?? null };
}

/**
 * An order as its pages show it: `orderByNumber` plus its returns and what can still be returned.
 * Live tracking reads `orderByNumber` alone (it runs on every shipment update).
 */
export async function orderWithReturns(db: Db, number: string, userId: number | null) {
  const d = await orderByNumber(db, number, userId);
  if (!d) return null;
  const o = d.order;
  const [orderReturns, blocker, returnable] = await Promise.all([
    returnsOfOrder(db, o.id),
    returnBlocker(db, o),
    o.kind === "sale" && o.source === "web" ? returnableLines(db, o.id) : Promise.resolve([]),
  ]);
  return {
    ...d,
    returns: orderReturns,
    /** Why no return can be asked for now (null: it can), and what each line can still send back. */
    returnOptions: { blocker, lines: returnable.map((l) => ({ lineNo: l.lineNo, title: l.title, returnable: l.returnable })) },
  };
}
