"use server";

import { eq } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { orders } from "@/db/schema";
import { ORDER_NUMBER } from "@/lib/orders/number";
import { verifyOrderToken } from "@/lib/orders/tracking-link";
import { UserError } from "@/lib/result";
import { publicAction } from "@/lib/shop/action";
import { requestReturn, returnRequestSchema } from "./request";

/**
 * "Return items" on an order page: the signed-in owner, or whoever holds the signed order link (a
 * guest). Anyone else gets the same answer as for an order that does not exist.
 */
export const requestReturnAction = publicAction(
  {
    name: "returns.request",
    schema: z.object({ number: z.string().regex(ORDER_NUMBER, "Order not found."), t: z.string().max(100).optional() }).loose(),
    limits: (_input, { ip }) => [{ key: `return:ip:${ip}`, limit: { limit: 30, windowSeconds: 3600 }, message: "Too many requests from your network. Please try again later." }],
  },
  async (input, { db, user }) => {
    const [o] = await db.select({ id: orders.id, userId: orders.userId }).from(orders).where(eq(orders.number, input.number)).limit(1);
    const mine = o && user && o.userId === user.id;
    if (!o || (!mine && !verifyOrderToken(input.number, input.t))) throw new UserError("Order not found.");
    const r = await requestReturn(db, o.id, returnRequestSchema.parse(input));
    revalidatePath(mine ? `/account/orders/${input.number}` : `/order/${input.number}`);
    return { id: r.id, message: "Thanks: we've got your return request and will email you once we've looked at it." };
  },
);
