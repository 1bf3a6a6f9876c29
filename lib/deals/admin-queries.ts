import "server-only";
import { eq, inArray } from "drizzle-orm";
import { deals, products } from "@/db/schema";
import { staffRead } from "@/lib/admin/action";
import { listCategoryOptions } from "@/lib/catalog/admin";
import { listSegments } from "@/lib/cdp/audience/segments";
import type { DealTargeting } from "@/db/schema";
import { dealReach, dealRedemptionList, dealScopePreview, listDealsWithStats, productsByCode } from "./admin";

export const getDealsForAdmin = staffRead(listDealsWithStats);

/** One deal for the edit form, with product codes for a product scope. */
export const getDealForEdit = staffRead(async (db, id: number) => {
  const [deal] = await db.select().from(deals).where(eq(deals.id, id)).limit(1);
  if (!deal) return null;
  const codes =
    deal.scope === "products" && deal.scopeIds.length ? (await db.select({ sku: products.sku }).from(products).where(inArray(products.id, deal.scopeIds))).map((p) => p.sku) : [];
  return { deal, codes, redemptions: await dealRedemptionList(db, id) };
});

/** What the deal form offers: categories and segments. */
export const getDealFormOptions = staffRead(async (db) => {
  const [cats, segs] = await Promise.all([listCategoryOptions(db), listSegments(db)]);
  return { categories: cats, segments: segs.map((s) => ({ slug: s.slug, name: s.name })) };
});

/** The deal form's live preview: reach of the targeting (with the control group) and products in scope. */
export const getDealPreview = staffRead(async (db, targeting: DealTargeting, scope: "all" | "categories" | "products", categoryIds: number[], productCodes: string[]) => {
  const ids = scope === "categories" ? categoryIds : (await productsByCode(db, productCodes.slice(0, 200))).map((r) => r.id);
  const [reach, inScope] = await Promise.all([dealReach(db, targeting), dealScopePreview(db, scope, ids)]);
  return { reach, scope: inScope };
});
