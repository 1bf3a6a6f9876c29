"use server";

import { revalidatePath } from "next/cache";
import { adminAction } from "@/lib/admin/action";
import { changeShipment, shipmentChangeSchema } from "./admin";

const LABEL: Record<string, string> = { packed: "packed", dispatched: "dispatched", out_for_delivery: "out for delivery", delivered: "delivered", failed_attempt: "a failed delivery attempt", cancelled: "cancelled; stock is back" };

export const changeShipmentAction = adminAction(
  { name: "order.status", schema: shipmentChangeSchema },
  async (input, ctx) => {
    const r = await changeShipment(ctx, input);
    return { ...r, message: `Order ${r.number}: ${LABEL[r.to] ?? r.to}.` };
  },
  () => revalidatePath("/admin/orders", "layout"),
);
