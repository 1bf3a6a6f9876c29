"use server";

import { updateTag } from "next/cache";
import { adminAction } from "@/lib/admin/action";
import { CATALOG_TAGS } from "@/lib/cache/tags";
import { adjustSchema, adjustStock } from "./admin";

export const adjustStockAction = adminAction(
  { name: "stock.adjust", schema: adjustSchema },
  async (input, ctx) => {
    const r = await adjustStock(ctx, input);
    return { ...r, message: `Stock is now ${r.stock} (${r.delta >= 0 ? "+" : ""}${r.delta}).` };
  },
  // Stock shows on product pages and listings ("Only 2 left", sold out).
  (r) => {
    updateTag(CATALOG_TAGS.product(r.slug));
    updateTag(CATALOG_TAGS.listing);
  },
);
