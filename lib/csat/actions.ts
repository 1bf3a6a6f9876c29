"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getCurrentUser } from "@/lib/auth/current-user";
import { EVENTS } from "@/lib/cdp/events";
import { trackServer } from "@/lib/cdp/server";
import { getDb } from "@/lib/db";
import { fail, fieldErrorsOf, ok, UserError, type ActionResult } from "@/lib/result";
import { ORDER_NUMBER } from "@/lib/orders/number";
import { submitCsat } from "./store";

export async function submitCsatAction(_prev: ActionResult<{ message: string }> | null, data: FormData): Promise<ActionResult<{ message: string }>> {
  const user = await getCurrentUser();
  if (!user) return fail("Please sign in again.");
  const number = String(data.get("number") ?? "");
  if (!ORDER_NUMBER.test(number)) return fail("Order not found.");
  try {
    const r = await submitCsat(await getDb(), user.id, number, Object.fromEntries(data) as never);
    await trackServer(EVENTS.csatSubmitted, { order_id: number, order_rating: Number(data.get("orderRating")), delivery_rating: Number(data.get("deliveryRating")), updated: r === "updated" });
    revalidatePath(`/account/orders/${number}`);
    return ok({ message: r === "created" ? "Thank you for rating your order!" : "Your rating is updated." });
  } catch (err) {
    if (err instanceof UserError) return fail(err.message);
    if (err instanceof z.ZodError) return fail(err.issues[0]?.message ?? "Check your rating", fieldErrorsOf(err));
    throw err;
  }
}
