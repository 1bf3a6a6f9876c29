import "server-only";
import { eq, inArray } from "drizzle-orm";
import { deals, products } from "@/db/schema";
import { staffRead } from "@/lib/admin/action";
import { listCategoryOptions } from "@/lib/catalog/admin-list";
import { listSegments } from "@/lib/cdp/segments";
import { dealRedemptionList, listDealsWithStats } from "./admin";

export const getDealsForAdmin = staffRead(listDealsWithStats);

/** One deal for the edit form, with product codes for a product scope. */
export const getDealForEdit = staffRead(async (db, id: number) => {
  const [deal] = await db.select().from(deals).where(eq(deals.id, id)).limit(1);
  if (!deal) return null;
  const codes = deal.scope === "products" && deal.scopeIds.length ? (await db.select({ sku: products.sku }).from(products).where(inArray(products.id, deal.scopeIds))).map((p) => p.sku) : [];
  return { deal, codes, redemptions: await dealRedemptionList(db, id) };
});

/** What the deal form offers: categories and segments. */
export const getDealFormOptions = staffRead(async (db) => {
  const [cats, segs] = await Promise.all([listCategoryOptions(db), listSegments(db)]);
  return { categories: cats, segments: segs.map((s) => ({ slug: s.slug, name: s.name })) };
});
