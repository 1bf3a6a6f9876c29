"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { adminAction } from "@/lib/admin/action";
import { formatPrice } from "@/lib/format";
import { decideReturn, decideSchema, receiveReturn, refundReturn, refundSchema } from "./admin";

const done = () => {
  revalidatePath("/admin/returns");
  revalidatePath("/admin/orders", "layout");
};

export const decideReturnAction = adminAction(
  { name: "return.decide", schema: decideSchema },
  async (input, ctx) => {
    const r = await decideReturn(ctx, input);
    return { message: `Return for ${r.number} ${r.status}; the customer is emailed.` };
  },
  done,
);

export const receiveReturnAction = adminAction(
  { name: "return.receive", schema: z.object({ id: decideSchema.shape.id }) },
  async ({ id }, ctx) => {
    const r = await receiveReturn(ctx, id);
    return { message: `Return for ${r.number} received; the items are back in stock.` };
  },
  done,
);

export const refundReturnAction = adminAction(
  { name: "return.refund", schema: refundSchema },
  async (input, ctx) => {
    const r = await refundReturn(ctx, input);
    return { message: `Refunded ${formatPrice(r.amountPence)} for ${r.number} (${r.refund}); the customer is emailed.` };
  },
  done,
);
