"use server";

import { revalidatePath } from "next/cache";
import { adminAction } from "@/lib/admin/action";
import { bulkShipmentStatus, bulkStatusSchema, changeShipment, shipmentChangeSchema } from "./admin";

const LABEL: Record<string, string> = {
  packed: "packed",
  dispatched: "dispatched",
  out_for_delivery: "out for delivery",
  delivered: "delivered",
  failed_attempt: "a failed delivery attempt",
  cancelled: "cancelled; stock is back",
};

export const changeShipmentAction = adminAction(
  { name: "order.status", schema: shipmentChangeSchema },
  async (input, ctx) => {
    const r = await changeShipment(ctx, input);
    return { ...r, message: `Order ${r.number}: ${LABEL[r.to] ?? r.to}.` };
  },
  () => revalidatePath("/admin/orders", "layout"),
);

export const bulkShipmentAction = adminAction(
  { name: "order.bulkStatus", schema: bulkStatusSchema },
  async (input, ctx) => {
    const r = await bulkShipmentStatus(ctx, input);
    const parts = [`${r.done.length} order${r.done.length === 1 ? "" : "s"} marked ${input.to}.`];
    if (r.skipped.length) parts.push(`Not changed (already further along, cancelled or history): ${r.skipped.join(", ")}.`);
    return { ...r, message: parts.join(" ") };
  },
  () => revalidatePath("/admin/orders", "layout"),
);
