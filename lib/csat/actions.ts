"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { EVENTS } from "@/lib/cdp/track/events";
import { trackServer } from "@/lib/cdp/track/request";
import { ORDER_NUMBER } from "@/lib/orders/number";
import { customerAction } from "@/lib/shop/action";
import { submitCsat } from "./store";

/** The rating form on a delivered order (the ratings themselves are checked by submitCsat). */
export const submitCsatAction = customerAction(
  { name: "csat.submit", schema: z.object({ number: z.string().regex(ORDER_NUMBER, "Order not found.") }).loose() },
  async (input, { db, user }) => {
    const r = await submitCsat(db, user.id, input.number, input as never);
    await trackServer(EVENTS.csatSubmitted, {
      order_id: input.number,
      order_rating: Number(input.orderRating),
      delivery_rating: Number(input.deliveryRating),
      updated: r === "updated",
    });
    revalidatePath(`/account/orders/${input.number}`);
    return { message: r === "created" ? "Thank you for rating your order!" : "Your rating is updated." };
  },
);
