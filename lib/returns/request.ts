import { and, asc, eq, inArray, ne, sql } from "drizzle-orm";
import { z } from "zod";
import { textInput } from "@/lib/input";
import { orderLines, orders, returnLines, returns, shipments, type Order } from "@/db/schema";
import { capture } from "@/lib/cdp/track/capture";
import { EVENTS } from "@/lib/cdp/track/events";
import type { Db } from "@/lib/db";
import { UserError } from "@/lib/result";

// The customer's side of returns: what can still be returned, asking for it, and an order's returns.

export const RETURN_WINDOW_DAYS = 30;
export const RETURN_REASONS = {
  damaged: "Arrived damaged",
  not_as_described: "Not as described",
  wrong_item: "Wrong item sent",
  changed_mind: "Changed my mind",
  doesnt_suit: "Doesn't suit the space",
  other: "Other",
} as const;
type Reason = keyof typeof RETURN_REASONS;
const REASON_KEYS = Object.keys(RETURN_REASONS) as [Reason, ...Reason[]];

/**
 * The customer's return form: `qty.<line>` and `reason.<line>` per order line, and a note. Lines
 * left at 0 are not returned.
 */
export const returnRequestSchema = z.preprocess(
  (raw) => {
    const o = (raw ?? {}) as Record<string, unknown>;
    const lines = Object.keys(o)
      .filter((k) => /^qty\.\d{1,5}$/.test(k))
      .map((k) => ({ lineNo: k.slice(4), quantity: o[k], reason: o[`reason.${k.slice(4)}`] || undefined }));
    return { note: o.note, lines };
  },
  z.object({
    note: textInput({ max: 500, multiline: true }).default(""),
    lines: z
      .array(
        z.object({
          lineNo: z.coerce.number().int().min(1).max(32_767),
          quantity: z.coerce.number({ error: "Quantities are whole numbers" }).int("Quantities are whole numbers").min(0, "Quantities are whole numbers").max(9_999),
          reason: z.enum(REASON_KEYS, { error: "Choose a reason from the list" }).optional(),
        }),
      )
      .max(500),
  }),
);
export type ReturnRequest = z.output<typeof returnRequestSchema>;

/** How many of each product line can still be returned (bought, less what open or finished returns hold). */
export async function returnableLines(db: Db, orderId: number) {
  const lines = await db
    .select()
    .from(orderLines)
    .where(and(eq(orderLines.orderId, orderId), eq(orderLines.kind, "product")))
    .orderBy(asc(orderLines.lineNo));
  const { rows } = await db.execute<{ line_no: number; n: number }>(sql`
    select l.line_no, sum(l.quantity)::int as n from return_lines l join returns r on r.id = l.return_id
     where r.order_id = ${orderId} and r.status <> 'refused' group by l.line_no`);
  const held = new Map(rows.map((r) => [Number(r.line_no), Number(r.n)]));
  return lines.map((l) => ({ ...l, returnable: Math.max(0, l.quantity - (held.get(l.lineNo) ?? 0)) }));
}

/** Why this order cannot be returned now, or null: web sales delivered in the last 30 days. */
export async function returnBlocker(db: Db, order: Order): Promise<string | null> {
  if (order.source !== "web") return "Orders from our previous shop can't be returned online. Please contact us.";
  if (order.kind !== "sale") return "This is not an order you can return.";
  const [s] = await db.select({ status: shipments.status, deliveredAt: shipments.deliveredAt }).from(shipments).where(eq(shipments.orderId, order.id));
  if (!s || s.status !== "delivered" || !s.deliveredAt) return "You can ask for a return once the order is delivered.";
  if (Date.now() - s.deliveredAt.getTime() > RETURN_WINDOW_DAYS * 86_400_000) return `Returns are possible within ${RETURN_WINDOW_DAYS} days of delivery.`;
  return null;
}

/**
 * A customer asks to return lines of their delivered order (the caller has checked that it is
 * theirs, or that they hold the signed link). Under the order's row lock, so two requests cannot
 * both return the last unit.
 */
export async function requestReturn(db: Db, orderId: number, input: ReturnRequest): Promise<{ id: number }> {
  const chosen = input.lines.filter((l) => l.quantity > 0);
  if (!chosen.length) throw new UserError("Choose at least one item to return.");
  const r = await db.transaction(async (tx) => {
    const [order] = await tx.select().from(orders).where(eq(orders.id, orderId)).for("update");
    if (!order) throw new UserError("Order not found.");
    const blocker = await returnBlocker(tx, order);
    if (blocker) throw new UserError(blocker);
    const lines = new Map((await returnableLines(tx, orderId)).map((l) => [l.lineNo, l]));
    for (const c of chosen) {
      const line = lines.get(c.lineNo);
      if (!line) throw new UserError("That item is not part of this order.");
      if (c.quantity > line.returnable)
        throw new UserError(line.returnable ? `You can return at most ${line.returnable} of ${line.title}.` : `${line.title} is already being returned.`);
      if (!c.reason) throw new UserError(`Tell us why you're returning ${line.title}.`, `reason.${c.lineNo}`);
    }
    const [row] = await tx.insert(returns).values({ orderId, note: input.note }).returning({ id: returns.id });
    await tx.insert(returnLines).values(chosen.map((c) => ({ returnId: row!.id, lineNo: c.lineNo, quantity: c.quantity, reason: c.reason! })));
    return { id: row!.id, order };
  });
  trackReturnStep(r.order, EVENTS.returnRequested, { return_id: r.id, products: chosen.map((c) => ({ line: c.lineNo, quantity: c.quantity, reason: c.reason })) });
  return { id: r.id };
}

/** A return step as a necessary CDP event on the customer's profile (guests have none to carry it). */
export function trackReturnStep(order: Order, event: string, properties: Record<string, unknown>, messageId?: string) {
  if (!order.userId) return;
  capture({ event, userId: order.userId, properties: { order_id: order.number, ...properties }, ...(messageId ? { messageId } : {}) });
}

/** An order's returns with their lines, for the customer's order page and the admin's. */
export async function returnsOfOrder(db: Db, orderId: number) {
  const list = await db.select().from(returns).where(eq(returns.orderId, orderId)).orderBy(asc(returns.id));
  if (!list.length) return [];
  const [lines, refunds] = await Promise.all([
    db
      .select({
        returnId: returnLines.returnId,
        lineNo: returnLines.lineNo,
        quantity: returnLines.quantity,
        reason: returnLines.reason,
        title: orderLines.title,
        sku: orderLines.sku,
      })
      .from(returnLines)
      .innerJoin(orderLines, and(eq(orderLines.orderId, orderId), eq(orderLines.lineNo, returnLines.lineNo)))
      .where(
        inArray(
          returnLines.returnId,
          list.map((r) => r.id),
        ),
      ),
    db
      .select({ id: orders.id, number: orders.number, totalPence: orders.totalPence })
      .from(orders)
      .where(and(eq(orders.refundOf, orderId), ne(orders.kind, "sale"))),
  ]);
  return list.map((r) => ({
    ...r,
    lines: lines.filter((l) => l.returnId === r.id).map((l) => ({ ...l, reasonLabel: RETURN_REASONS[l.reason as Reason] ?? l.reason })),
    refund: refunds.find((x) => x.id === r.refundOrderId) ?? null,
  }));
}
export type OrderReturn = Awaited<ReturnType<typeof returnsOfOrder>>[number];
