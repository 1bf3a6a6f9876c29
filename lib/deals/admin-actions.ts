"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { adminAction } from "@/lib/admin/action";
import { expireTags } from "@/lib/cache/expire";
import { PERSONAL_TAGS } from "@/lib/cache/tags";
import { createDeal, setDealActive, updateDeal } from "./admin";
import { dealFormSchema } from "./admin-form";

// Customers' deals are cached in their personal blocks (PERSONAL_TAGS): every deal write expires them all.
export const createDealAction = adminAction(
  { name: "deal.create", schema: dealFormSchema },
  async (input, ctx) => {
    const d = await createDeal(ctx, input);
    await expireTags([PERSONAL_TAGS.all]);
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
    await expireTags([PERSONAL_TAGS.all]);
    return { id: d.id, message: `Saved ${d.code}.` };
  },
  () => revalidatePath("/admin/deals", "layout"),
);

export const setDealActiveAction = adminAction(
  { name: "deal.active", schema: z.object({ id: z.coerce.number().int().positive(), active: z.enum(["true", "false"]).transform((v) => v === "true") }) },
  async ({ id, active }, ctx) => {
    const d = await setDealActive(ctx, id, active);
    await expireTags([PERSONAL_TAGS.all]);
    return { message: `${d.code} ${d.active ? "resumed" : "paused"}.` };
  },
  () => revalidatePath("/admin/deals", "layout"),
);
