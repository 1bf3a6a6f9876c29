"use server";

import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/lib/auth/current-user";
import { currentCartId } from "@/lib/cart/session";
import { EVENTS } from "@/lib/cdp/events";
import { trackServer } from "@/lib/cdp/server";
import { getDb } from "@/lib/db";
import { fail, ok, UserError, type ActionResult } from "@/lib/result";
import { cancelOrder, reorder } from "./manage";
import { ORDER_NUMBER } from "./number";


export async function cancelOrderAction(_prev: ActionResult<{ message: string }> | null, data: FormData): Promise<ActionResult<{ message: string }>> {
  const user = await getCurrentUser();
  if (!user) return fail("Please sign in again.");
  const number = String(data.get("number") ?? "");
  if (!ORDER_NUMBER.test(number)) return fail("Order not found.");
  try {
    await cancelOrder(await getDb(), user.id, number);
  } catch (err) {
    if (err instanceof UserError) return fail(err.message);
    throw err;
  }
  revalidatePath(`/account/orders/${number}`);
  await trackServer(EVENTS.orderCancelled, { order_id: number }, { messageId: `order-cancelled:${number}` });
  return ok({ message: "Your order is cancelled. Nothing will be charged." });
}

export async function reorderAction(_prev: ActionResult<{ message: string }> | null, data: FormData): Promise<ActionResult<{ message: string }>> {
  const user = await getCurrentUser();
  if (!user) return fail("Please sign in again.");
  const number = String(data.get("number") ?? "");
  if (!ORDER_NUMBER.test(number)) return fail("Order not found.");
  try {
    const r = await reorder(await getDb(), user.id, number, await currentCartId({ create: true }));
    revalidatePath("/", "layout");
    const parts = [r.added ? `${r.added} item${r.added === 1 ? "" : "s"} added to your cart.` : "Nothing could be added."];
    if (r.skipped.length) parts.push(`Not available now: ${r.skipped.slice(0, 5).join(", ")}${r.skipped.length > 5 ? "…" : ""}.`);
    return ok({ message: parts.join(" ") });
  } catch (err) {
    if (err instanceof UserError) return fail(err.message);
    throw err;
  }
}
