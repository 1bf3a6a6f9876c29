import "server-only";
import { asc, eq } from "drizzle-orm";
import { orderLines, orders } from "@/db/schema";
import type { Db } from "@/lib/db";
import { EVENTS } from "@/lib/cdp/track/events";
import { trackServer } from "@/lib/cdp/track/request";

const pounds = (p: number) => Math.round(p) / 100;

/**
 * After a web order: the checkout steps (address, delivery, payment are one page, completed
 * together) and "Order Completed" in the shape of Segment's e-commerce spec. The order's own
 * id makes the event idempotent.
 */
export async function trackCheckoutCompleted(db: Db, orderId: number, method: string): Promise<void> {
  const [o] = await db.select().from(orders).where(eq(orders.id, orderId));
  if (!o) return;
  const lines = await db.select().from(orderLines).where(eq(orderLines.orderId, orderId)).orderBy(asc(orderLines.lineNo));
  for (const [step, name] of [
    [1, "address"],
    [2, "delivery"],
    [3, "payment"],
  ] as const) {
    await trackServer(EVENTS.checkoutStepCompleted, {
      checkout_id: o.number,
      step,
      step_name: name,
      ...(step === 2 ? { shipping_method: method } : {}),
      ...(step === 3 ? { payment_method: o.paymentProvider } : {}),
    });
  }
  for (const l of lines.filter((x) => x.kind === "discount" && x.sku.startsWith("DEAL-"))) {
    await trackServer(
      EVENTS.dealRedeemed,
      { order_id: o.number, coupon: l.sku.slice(5), name: l.title, discount: pounds(-l.unitPricePence) },
      { messageId: `deal-redeemed:${o.number}:${l.sku}` },
    );
  }
  await trackServer(
    EVENTS.orderCompleted,
    {
      order_id: o.number,
      total: pounds(o.totalPence),
      revenue: pounds(o.subtotalPence - o.discountPence),
      shipping: pounds(o.shippingPence),
      tax: pounds(o.taxPence),
      discount: pounds(o.discountPence),
      currency: o.currency,
      shipping_method: method,
      products: lines
        .filter((l) => l.kind === "product")
        .map((l) => ({ product_id: l.productId, sku: l.sku, name: l.title, quantity: l.quantity, price: pounds(l.unitPricePence) })),
    },
    { messageId: `order-completed:${o.number}`, timestamp: o.placedAt },
  );
}
