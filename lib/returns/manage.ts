import { and, asc, eq, inArray, ne, sql } from "drizzle-orm";
import { z } from "zod";
import { textInput } from "@/lib/input";
import { orderLines, orders, products, returnLines, returns, shipments, stockAdjustments, type Order } from "@/db/schema";
import type { AdminContext } from "@/lib/admin/action";
import { capture } from "@/lib/cdp/capture";
import { EVENTS } from "@/lib/cdp/events";
import { vatIncluded } from "@/lib/checkout/place-order";
import type { Db } from "@/lib/db";
import { formatPrice } from "@/lib/format";
import { poundsInput } from "@/lib/pounds";
import { UserError } from "@/lib/result";
import { queueReturnMail } from "./emails";

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
  track(r.order, EVENTS.returnRequested, { return_id: r.id, products: chosen.map((c) => ({ line: c.lineNo, quantity: c.quantity, reason: c.reason })) });
  return { id: r.id };
}

type Step = "approve" | "refuse" | "receive";
const FROM: Record<Step, string[]> = { approve: ["requested"], refuse: ["requested"], receive: ["approved"] };

async function lockReturn(tx: Db, id: number) {
  const [r] = await tx.select().from(returns).where(eq(returns.id, id)).for("update");
  if (!r) throw new UserError("That return no longer exists.");
  const [order] = await tx.select().from(orders).where(eq(orders.id, r.orderId));
  return { r, order: order! };
}

export const decideSchema = z.object({
  id: z.coerce.number().int().positive().max(2_147_483_647),
  decision: z.enum(["approve", "refuse"], { error: "Approve or refuse" }),
  note: textInput({ max: 500, multiline: true }).default(""),
});

/** Staff approve or refuse a requested return, with a note the customer reads in the email. */
export async function decideReturn({ tx, user, audit }: AdminContext, input: z.output<typeof decideSchema>) {
  const { r, order } = await lockReturn(tx, input.id);
  if (!FROM[input.decision].includes(r.status)) throw new UserError(`This return is ${r.status} already.`);
  if (input.decision === "refuse" && !input.note) throw new UserError("Say why, for the customer.", "note");
  const status = input.decision === "approve" ? "approved" : "refused";
  await tx.update(returns).set({ status, staffNote: input.note, decidedAt: new Date(), staffId: user.id }).where(eq(returns.id, r.id));
  await audit({ action: `return.${input.decision}`, entity: "return", entityId: r.id, before: { status: r.status }, after: { status, note: input.note || undefined } });
  await queueReturnMail(tx, r.id, status);
  track(order, input.decision === "approve" ? EVENTS.returnApproved : EVENTS.returnRefused, { return_id: r.id });
  return { number: order.number, status };
}

/** The parcel is back: each returned unit goes back into stock (with the reason "returned"), once. */
export async function receiveReturn({ tx, user, audit }: AdminContext, id: number) {
  const { r, order } = await lockReturn(tx, id);
  if (!FROM.receive.includes(r.status)) throw new UserError(r.status === "requested" ? "Approve the return first." : `This return is ${r.status} already.`);
  const lines = await tx
    .select({ quantity: returnLines.quantity, productId: orderLines.productId, title: orderLines.title })
    .from(returnLines)
    .innerJoin(orderLines, and(eq(orderLines.orderId, r.orderId), eq(orderLines.lineNo, returnLines.lineNo)))
    .where(eq(returnLines.returnId, r.id));
  for (const l of lines) {
    if (!l.productId) continue; // a product deleted since: nothing to put back
    const [p] = await tx
      .update(products)
      .set({ stock: sql`${products.stock} + ${l.quantity}` })
      .where(eq(products.id, l.productId))
      .returning({ stock: products.stock });
    if (p)
      await tx
        .insert(stockAdjustments)
        .values({ productId: l.productId, delta: l.quantity, stockAfter: p.stock, reason: "returned", note: `Return ${r.id} of order ${order.number}`, actorId: user.id });
  }
  await tx.update(returns).set({ status: "received", receivedAt: new Date() }).where(eq(returns.id, r.id));
  await audit({
    action: "return.receive",
    entity: "return",
    entityId: r.id,
    before: { status: r.status },
    after: { status: "received", restocked: lines.map((l) => ({ productId: l.productId, quantity: l.quantity })) },
  });
  track(order, EVENTS.returnReceived, { return_id: r.id });
  return { number: order.number };
}

/** What a return can give back: the goods (less their share of the order's discount) and the delivery fee, if not refunded yet. */
export async function refundableOf(db: Db, returnId: number) {
  const [r] = await db.select().from(returns).where(eq(returns.id, returnId));
  if (!r) return null;
  const [order] = await db.select().from(orders).where(eq(orders.id, r.orderId));
  const lines = await db
    .select({
      lineNo: returnLines.lineNo,
      quantity: returnLines.quantity,
      productId: orderLines.productId,
      sku: orderLines.sku,
      title: orderLines.title,
      unitPricePence: orderLines.unitPricePence,
    })
    .from(returnLines)
    .innerJoin(orderLines, and(eq(orderLines.orderId, r.orderId), eq(orderLines.lineNo, returnLines.lineNo)))
    .where(eq(returnLines.returnId, returnId))
    .orderBy(asc(returnLines.lineNo));
  const goods = lines.reduce((n, l) => n + l.quantity * l.unitPricePence, 0);
  const discountShare = order!.subtotalPence > 0 ? Math.round((order!.discountPence * goods) / order!.subtotalPence) : 0;
  const refunds = await db
    .select({ total: orders.totalPence, shipping: orders.shippingPence })
    .from(orders)
    .where(and(eq(orders.refundOf, order!.id), eq(orders.kind, "refund")));
  const refunded = -refunds.reduce((n, x) => n + x.total, 0);
  const deliveryLeft = refunds.some((x) => x.shipping !== 0) ? 0 : order!.shippingPence;
  return { r, order: order!, lines, goods, discountShare, deliveryLeft, refunded, paid: order!.totalPence };
}

export const refundSchema = z.object({
  id: z.coerce.number().int().positive().max(2_147_483_647),
  includeDelivery: z.preprocess((v) => v === "on" || v === "1" || v === true, z.boolean()).default(false),
  /** Empty: the full amount; otherwise pounds, at most the full amount. */
  amount: z.union([z.literal(""), poundsInput("Amount")]).default(""),
});

/**
 * Refunds a return (approved or received): an order of kind "refund" against the sale, with the
 * returned lines at negative quantities, the delivery fee when chosen, the discount share given
 * back, and a partial-refund adjustment when staff refund less. Never more than was paid in all,
 * never twice for one return.
 */
export async function refundReturn({ tx, audit }: AdminContext, input: z.output<typeof refundSchema>) {
  await lockReturn(tx, input.id);
  // The sale's row too: refunds of one order are decided one at a time.
  const info = (await refundableOf(tx, input.id))!;
  await tx.select({ id: orders.id }).from(orders).where(eq(orders.id, info.order.id)).for("update");
  const { r, order, lines } = info;
  if (r.status === "refunded") throw new UserError("This return has been refunded already.");
  if (r.status !== "approved" && r.status !== "received") throw new UserError("Approve the return before refunding it.");
  if (order.source !== "web" || order.kind !== "sale") throw new UserError("Only web orders are refunded here.");
  const delivery = input.includeDelivery ? info.deliveryLeft : 0;
  const full = info.goods - info.discountShare + delivery;
  const amount = input.amount === "" ? full : input.amount;
  if (amount <= 0) throw new UserError("Enter an amount above zero.", "amount");
  if (amount > full) throw new UserError(`At most ${formatPrice(full)} for this return.`, "amount");
  if (info.refunded + amount > info.paid)
    throw new UserError(`That is more than was paid: ${formatPrice(info.paid)}, of which ${formatPrice(info.refunded)} is refunded already.`, "amount");
  const adjustment = full - amount;
  const [n] = (await tx.execute<{ n: string }>(sql`select 'R' || nextval('web_order_number_seq') as n`)).rows;
  const [refund] = await tx
    .insert(orders)
    .values({
      number: n!.n,
      userId: order.userId,
      kind: "refund",
      status: "refunded",
      source: "web",
      country: order.country,
      subtotalPence: -info.goods,
      shippingPence: -delivery,
      discountPence: -info.discountShare,
      feesPence: adjustment,
      totalPence: -amount,
      taxPence: -vatIncluded(amount),
      placedAt: new Date(),
      email: order.email,
      paymentProvider: order.paymentProvider,
      paymentStatus: "refunded",
      refundOf: order.id,
    })
    .returning({ id: orders.id, number: orders.number });
  const rows = [
    ...lines.map((l) => ({ kind: "product" as const, productId: l.productId, sku: l.sku, title: l.title, quantity: -l.quantity, unitPricePence: l.unitPricePence })),
    ...(delivery ? [{ kind: "shipping" as const, productId: null, sku: "DELIVERY", title: "Delivery", quantity: -1, unitPricePence: delivery }] : []),
    ...(info.discountShare
      ? [{ kind: "discount" as const, productId: null, sku: "DISCOUNT", title: "Discount on returned items", quantity: 1, unitPricePence: info.discountShare }]
      : []),
    ...(adjustment ? [{ kind: "fee" as const, productId: null, sku: "PARTIAL", title: "Partial refund", quantity: 1, unitPricePence: adjustment }] : []),
  ];
  await tx.insert(orderLines).values(rows.map((x, i) => ({ ...x, orderId: refund!.id, lineNo: i + 1 })));
  await tx.update(returns).set({ status: "refunded", refundOrderId: refund!.id }).where(eq(returns.id, r.id));
  await audit({
    action: "return.refund",
    entity: "return",
    entityId: r.id,
    before: { status: r.status },
    after: { status: "refunded", refund: refund!.number, amountPence: amount, delivery: delivery > 0 },
  });
  await queueReturnMail(tx, r.id, "refunded");
  // Segment's "Order Refunded": the sale's id, the amount and the products given back.
  track(
    order,
    EVENTS.orderRefunded,
    {
      order_id: order.number,
      refund_id: refund!.number,
      total: amount / 100,
      currency: order.currency,
      products: lines.map((l) => ({ product_id: l.productId, sku: l.sku, name: l.title, quantity: l.quantity, price: l.unitPricePence / 100 })),
    },
    `order-refunded:${refund!.number}`,
  );
  return { number: order.number, refund: refund!.number, amountPence: amount };
}

/** A return step as a necessary CDP event on the customer's profile (guests have none to carry it). */
function track(order: Order, event: string, properties: Record<string, unknown>, messageId?: string) {
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

export const RETURNS_PAGE = 50;
export const returnsListSchema = z.object({ status: z.enum(["requested", "approved", "refused", "received", "refunded"]).optional().catch(undefined) });

/** The staff queue: returns waiting for a step first (requested, approved, received), then the rest; newest first within each. */
export async function listReturns(db: Db, p: z.output<typeof returnsListSchema>) {
  const rows = await db
    .select({
      id: returns.id,
      status: returns.status,
      createdAt: returns.createdAt,
      note: returns.note,
      staffNote: returns.staffNote,
      orderId: returns.orderId,
      number: orders.number,
      email: orders.email,
    })
    .from(returns)
    .innerJoin(orders, eq(orders.id, returns.orderId))
    .where(p.status ? eq(returns.status, p.status) : undefined)
    .orderBy(sql`case ${returns.status} when 'requested' then 0 when 'approved' then 1 when 'received' then 2 else 3 end`, sql`${returns.id} desc`)
    .limit(RETURNS_PAGE);
  const details = await Promise.all(rows.map((r) => refundableOf(db, r.id)));
  return rows.map((r, i) => {
    const d = details[i]!;
    return { ...r, lines: d.lines, full: d.goods - d.discountShare, deliveryLeft: d.deliveryLeft, refundedSoFar: d.refunded, paid: d.paid };
  });
}
