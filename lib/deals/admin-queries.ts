import "server-only";
import { eq, inArray } from "drizzle-orm";
import { deals, products } from "@/db/schema";
import { requireStaff } from "@/lib/admin/action";
import { listCategoryOptions } from "@/lib/catalog/admin-list";
import { listSegments } from "@/lib/cdp/segments";
import { getDb } from "@/lib/db";
import { dealRedemptionList, listDealsWithStats } from "./admin";

export async function getDealsForAdmin() {
  await requireStaff();
  return listDealsWithStats(await getDb());
}

/** One deal for the edit form, with product codes for a product scope. */
export async function getDealForEdit(id: number) {
  await requireStaff();
  const db = await getDb();
  const [deal] = await db.select().from(deals).where(eq(deals.id, id)).limit(1);
  if (!deal) return null;
  const codes = deal.scope === "products" && deal.scopeIds.length ? (await db.select({ sku: products.sku }).from(products).where(inArray(products.id, deal.scopeIds))).map((p) => p.sku) : [];
  return { deal, codes, redemptions: await dealRedemptionList(db, id) };
}

/** What the deal form offers: categories and segments. */
export async function getDealFormOptions() {
  await requireStaff();
  const db = await getDb();
  const [cats, segs] = await Promise.all([listCategoryOptions(db), listSegments(db)]);
  return { categories: cats, segments: segs.map((s) => ({ slug: s.slug, name: s.name })) };
}
