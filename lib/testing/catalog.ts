import { products } from "@/db/schema";
import { colorsOf, materialsOf } from "@/lib/catalog/categories";
import { describeProduct, searchTextOf } from "@/lib/catalog/describe";
import { ensureCategories, refreshSearchLexicon } from "@/lib/catalog/maintenance";
import { productSlug } from "@/lib/catalog/text";
import type { Db } from "@/lib/db";

export type TestProduct = {
  sku: string;
  title: string;
  category: string;
  pricePence: number;
  stock?: number;
  unitsSold?: number;
  status?: "draft" | "active" | "archived";
  description?: string;
  launchedAt?: Date;
};

/** Inserts products the way the importer does (same slug, colours, search text) and refreshes the lexicon. */
export async function insertProducts(db: Db, items: TestProduct[]) {
  const categoryIds = await ensureCategories(db);
  const rows = items.map((p) => {
    const draft = { title: p.title, categorySlug: p.category, colors: colorsOf(p.title), materials: materialsOf(p.title) };
    return {
      sku: p.sku,
      slug: productSlug(p.title, p.sku),
      title: p.title,
      description: p.description ?? describeProduct(draft),
      pricePence: p.pricePence,
      categoryId: categoryIds.get(p.category)!,
      colors: draft.colors,
      materials: draft.materials,
      searchText: searchTextOf(draft),
      stock: p.stock ?? 10,
      unitsSold: p.unitsSold ?? 0,
      status: p.status ?? "active",
      launchedAt: p.launchedAt ?? new Date("2011-01-01T00:00:00Z"),
    };
  });
  const inserted = await db.insert(products).values(rows).returning();
  await refreshSearchLexicon(db);
  return inserted;
}
