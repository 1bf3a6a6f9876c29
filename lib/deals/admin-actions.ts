"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { adminAction } from "@/lib/admin/action";
import { expirePersonal } from "@/lib/cache/expire";
import { createDeal, setDealActive, updateDeal } from "./admin";
import { dealFormSchema } from "./admin-form";

// Customers' deals are cached in their personal blocks: every deal write expires them all.
export const createDealAction = adminAction(
  { name: "deal.create", schema: dealFormSchema },
  async (input, ctx) => {
    const d = await createDeal(ctx, input);
    await expirePersonal("everyone");
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
    await expirePersonal("everyone");
    return { id: d.id, message: `Saved ${d.code}.` };
  },
  () => revalidatePath("/admin/deals", "layout"),
);

export const setDealActiveAction = adminAction(
  { name: "deal.active", schema: z.object({ id: z.coerce.number().int().positive(), active: z.enum(["true", "false"]).transform((v) => v === "true") }) },
  async ({ id, active }, ctx) => {
    const d = await setDealActive(ctx, id, active);
    await expirePersonal("everyone");
    return { message: `${d.code} ${d.active ? "resumed" : "paused"}.` };
  },
  () => revalidatePath("/admin/deals", "layout"),
);
