import { and, eq, sql } from "drizzle-orm";
import { orderLines, orders, products, shipments } from "@/db/schema";
import { addItem } from "@/lib/cart/store";
import type { Db, DbOrTx } from "@/lib/db";
import { setShipmentStatus } from "@/lib/delivery/status";
import { UserError } from "@/lib/result";

/** Cancels an order that has not been dispatched yet and puts its stock back, in one transaction. */
export async function cancelOrder(db: Db, userId: number, number: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [o] = await tx
      .select({ id: orders.id })
      .from(orders)
      .where(and(eq(orders.number, number), eq(orders.userId, userId)))
      .for("update");
    if (!o) throw new UserError("Order not found.");
    await cancelWithStockBack(tx, o.id, "Cancelled by the customer");
  });
}

/**
 * The cancel itself, inside the caller's transaction (the customer's cancel and the admin's):
 * only before dispatch; the shipment goes through `setShipmentStatus` (so live tracking hears
 * it) and every product line's stock and sales count go back.
 */
export async function cancelWithStockBack(tx: DbOrTx, orderId: number, note: string): Promise<void> {
  const [s] = await tx.select().from(shipments).where(eq(shipments.orderId, orderId));
  if (!s || (s.status !== "placed" && s.status !== "packed"))
    throw new UserError("This order has already been dispatched, so it can't be cancelled. You can return it once it arrives.");
  await setShipmentStatus(tx as unknown as Parameters<typeof setShipmentStatus>[0], s.id, "cancelled", { note });
  const lines = await tx
    .select()
    .from(orderLines)
    .where(and(eq(orderLines.orderId, orderId), eq(orderLines.kind, "product")));
  for (const l of lines) {
    if (!l.productId) continue;
    await tx
      .update(products)
      .set({ stock: sql`${products.stock} + ${l.quantity}`, unitsSold: sql`greatest(0, ${products.unitsSold} - ${l.quantity})` })
      .where(eq(products.id, l.productId));
  }
}

/** Puts an order's products back in the cart; says which could not be added (gone or sold out). */
export async function reorder(db: Db, userId: number, number: string, cartId: string): Promise<{ added: number; skipped: string[] }> {
  const [o] = await db
    .select({ id: orders.id })
    .from(orders)
    .where(and(eq(orders.number, number), eq(orders.userId, userId)));
  if (!o) throw new UserError("Order not found.");
  const lines = await db
    .select()
    .from(orderLines)
    .where(and(eq(orderLines.orderId, o.id), eq(orderLines.kind, "product")));
  let added = 0;
  const skipped: string[] = [];
  for (const l of lines) {
    if (!l.productId || l.quantity <= 0) continue;
    try {
      await addItem(db, cartId, l.productId, Math.min(l.quantity, 99));
      added++;
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      // Try one if the whole quantity is not there.
      try {
        await addItem(db, cartId, l.productId, 1);
        added++;
      } catch {
        skipped.push(l.title);
      }
    }
  }
  return { added, skipped };
}
