"use server";

import { refresh, revalidatePath } from "next/cache";
import { expirePersonal } from "@/lib/cache/expire";
import { z } from "zod";
import { currentCartId } from "@/lib/cart/session";
import { EVENTS } from "@/lib/cdp/track/events";
import { trackServer } from "@/lib/cdp/track/request";
import { customerAction } from "@/lib/shop/action";
import { cancelOrder, reorder } from "./self-service";
import { ORDER_NUMBER } from "./number";

const orderForm = z.object({ number: z.string().regex(ORDER_NUMBER, "Order not found.") });

export const cancelOrderAction = customerAction({ name: "orders.cancel", schema: orderForm }, async ({ number }, { db, user }) => {
  await cancelOrder(db, user.id, number);
  revalidatePath(`/account/orders/${number}`);
  // A cancelled order's products and deals count again in the customer's For you and deals.
  await expirePersonal(user.id);
  await trackServer(EVENTS.orderCancelled, { order_id: number }, { messageId: `order-cancelled:${number}` });
  return { message: "Your order is cancelled. Nothing will be charged." };
});

export const reorderAction = customerAction({ name: "orders.reorder", schema: orderForm }, async ({ number }, { db, user }) => {
  const r = await reorder(db, user.id, number, await currentCartId({ create: true }));
  refresh();
  await expirePersonal(user.id);
  const parts = [r.added ? `${r.added} item${r.added === 1 ? "" : "s"} added to your cart.` : "Nothing could be added."];
  if (r.skipped.length) parts.push(`Not available now: ${r.skipped.slice(0, 5).join(", ")}${r.skipped.length > 5 ? "…" : ""}.`);
  return { message: parts.join(" ") };
});
