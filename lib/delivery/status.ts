import { capture } from "@/lib/cdp/track/capture";
import { EVENTS } from "@/lib/cdp/track/events";
import { eq, sql } from "drizzle-orm";
import { orders, shipmentEvents, shipments } from "@/db/schema";
import type { Db, DbOrTx, Tx } from "@/lib/db";
import { MAILED_STATUSES, queueShipmentMail } from "@/lib/orders/emails";
import { UserError } from "@/lib/result";

export type ShipmentStatus = (typeof shipments.$inferSelect)["status"];

/** What may follow each status. */
export const NEXT: Record<ShipmentStatus, ShipmentStatus[]> = {
  placed: ["packed", "cancelled"],
  packed: ["dispatched", "cancelled"],
  dispatched: ["out_for_delivery"],
  out_for_delivery: ["delivered", "failed_attempt"],
  failed_attempt: ["out_for_delivery"],
  delivered: [],
  cancelled: [],
};

const ORDER_STATUS: Record<ShipmentStatus, "placed" | "packed" | "dispatched" | "delivered" | "cancelled"> = {
  placed: "placed",
  packed: "packed",
  dispatched: "dispatched",
  out_for_delivery: "dispatched",
  failed_attempt: "dispatched",
  delivered: "delivered",
  cancelled: "cancelled",
};

export const NOTIFY_CHANNEL = "shipment_events";

/**
 * The one way a shipment changes status (checkout, cancel, the simulator and admin pages all call
 * it): checks the transition, records the event, keeps the order in step, stamps delivery and
 * on-time, and notifies listeners (PostgreSQL NOTIFY, delivered on commit) for live tracking.
 */
export async function setShipmentStatus(
  db: Db | Tx,
  shipmentId: number,
  to: ShipmentStatus,
  opts: { note?: string; at?: Date; progress?: number; etaAt?: Date | null } = {},
): Promise<void> {
  const run = async (tx: Tx): Promise<ShipmentChange> => {
    const [s] = await tx.select().from(shipments).where(eq(shipments.id, shipmentId)).for("update");
    if (!s) throw new UserError("No such shipment.");
    if (!NEXT[s.status].includes(to)) throw new UserError(`A shipment that is ${s.status.replace(/_/g, " ")} cannot become ${to.replace(/_/g, " ")}.`);
    const at = opts.at ?? new Date();
    await tx
      .update(shipments)
      .set({
        status: to,
        progress: to === "delivered" ? 1 : (opts.progress ?? s.progress),
        etaAt: to === "delivered" || to === "cancelled" ? null : opts.etaAt === undefined ? s.etaAt : opts.etaAt,
        attempts: to === "failed_attempt" ? s.attempts + 1 : s.attempts,
        ...(to === "delivered" ? { deliveredAt: at, onTime: at <= s.promisedTo } : {}),
      })
      .where(eq(shipments.id, shipmentId));
    await tx.insert(shipmentEvents).values({ shipmentId, status: to, note: opts.note ?? "", at });
    await tx
      .update(orders)
      .set({
        status: ORDER_STATUS[to],
        ...(to === "cancelled" ? { cancelledAt: at } : {}),
        ...(to === "delivered" ? { paymentStatus: sql`case when ${orders.paymentProvider} = 'cod' then 'paid' else ${orders.paymentStatus} end` } : {}),
      })
      .where(eq(orders.id, s.orderId));
    await notifyShipment(tx, shipmentId);
    // The customer's email, in this transaction: it exists exactly when the change does.
    if (MAILED_STATUSES.has(to)) await queueShipmentMail(tx, s.orderId, to as Parameters<typeof queueShipmentMail>[2]);
    const [o] = await tx.select({ userId: orders.userId, number: orders.number }).from(orders).where(eq(orders.id, s.orderId));
    return { from: s.status, to, at, method: s.method, onTime: to === "delivered" ? at <= s.promisedTo : null, userId: o?.userId ?? null, number: o?.number ?? "" };
  };
  // Join the caller's transaction if there is one (its caller commits); else open our own.
  if ("rollback" in db) {
    captureShipmentChange(await run(db as Tx));
    return;
  }
  captureShipmentChange(await (db as Db).transaction(run));
}

type ShipmentChange = { from: ShipmentStatus; to: ShipmentStatus; at: Date; method: string; onTime: boolean | null; userId: number | null; number: string };

/** The CDP's "Shipment Status Changed" (a necessary event: part of the customer's order record). */
function captureShipmentChange(c: ShipmentChange) {
  if (!c.userId) return;
  capture({
    event: EVENTS.shipmentStatusChanged,
    userId: c.userId,
    properties: { order_id: c.number, from: c.from, status: c.to, delivery_method: c.method, ...(c.onTime === null ? {} : { on_time: c.onTime }) },
    timestamp: c.at,
    messageId: `shipment:${c.number}:${c.to}:${c.at.getTime()}`,
  });
}

/** Tells live-tracking listeners that a shipment changed (position or status). */
export async function notifyShipment(db: DbOrTx, shipmentId: number): Promise<void> {
  await db.execute(sql`select pg_notify(${NOTIFY_CHANNEL}, ${String(shipmentId)})`);
}
