import { and, asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { textInput } from "@/lib/input";
import { orderLines, orders, products, returnLines, returns, stockAdjustments } from "@/db/schema";
import type { AdminContext } from "@/lib/admin/action";
import { EVENTS } from "@/lib/cdp/track/events";
import { vatIncluded } from "@/lib/checkout/place-order";
import type { Db } from "@/lib/db";
import { formatPrice } from "@/lib/format";
import { poundsInput } from "@/lib/pounds";
import { UserError } from "@/lib/result";
import { queueReturnMail } from "./emails";
import { trackReturnStep } from "./request";

// The admin's database layer for returns: decide, receive, refund, and the staff queue.

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
  trackReturnStep(order, input.decision === "approve" ? EVENTS.returnApproved : EVENTS.returnRefused, { return_id: r.id });
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
  trackReturnStep(order, EVENTS.returnReceived, { return_id: r.id });
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
  trackReturnStep(
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
