"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { adminAction } from "@/lib/admin/action";
import { createDeal, setDealActive, updateDeal } from "./admin";
import { dealFormSchema } from "./admin-form";

// Deals are read per request (never cached), so only the admin pages (list and each deal) need refreshing.
export const createDealAction = adminAction(
  { name: "deal.create", schema: dealFormSchema },
  async (input, ctx) => {
    const d = await createDeal(ctx, input);
    return { id: d.id, message: `Created ${d.code}.` };
  },
  (r) => {
    revalidatePath("/admin/deals", "layout");
    redirect(`/admin/deals/${r.id}?created=1`);
  },
);

export const updateDealAction = adminAction(
  { name: "deal.update", schema: z.intersection(z.object({ id: z.coerce.number().int().positive() }), dealFormSchema) },
  async (input, ctx) => {
    const d = await updateDeal(ctx, input.id, input);
    return { id: d.id, message: `Saved ${d.code}.` };
  },
  () => revalidatePath("/admin/deals", "layout"),
);

export const setDealActiveAction = adminAction(
  { name: "deal.active", schema: z.object({ id: z.coerce.number().int().positive(), active: z.enum(["true", "false"]).transform((v) => v === "true") }) },
  async ({ id, active }, ctx) => {
    const d = await setDealActive(ctx, id, active);
    return { message: `${d.code} ${d.active ? "resumed" : "paused"}.` };
  },
  () => revalidatePath("/admin/deals", "layout"),
);
