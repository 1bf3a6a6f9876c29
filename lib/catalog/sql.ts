import { sql, type SQL } from "drizzle-orm";
import { categories, products } from "@/db/schema";
import { aliased } from "@/lib/db/columns";

/**
 * A product a shopper can buy now: active and in stock. The one definition behind the new-in and
 * bestseller rails, the recommendations and the carts a sign-in merges. `alias` is the products
 * table's alias in a raw query.
 */
export function sellable(alias?: string): SQL {
  return sql`(${aliased(alias, products.status)} = 'active' and ${aliased(alias, products.stock)} > 0)`;
}

/** The columns a product card (ProductCard) is read from, in Drizzle's select. */
export const cardColumns = {
  id: products.id,
  sku: products.sku,
  slug: products.slug,
  title: products.title,
  pricePence: products.pricePence,
  compareAtPence: products.compareAtPence,
  stock: products.stock,
  lowStockThreshold: products.lowStockThreshold,
  categorySlug: categories.slug,
  colors: products.colors,
  imageVersion: products.imageVersion,
};

/**
 * The same card columns in a raw query, through its aliases of products (`p`) and their category
 * (`c`), named as ProductCard names them.
 */
export function cardSql(p = "p", c = "c"): SQL {
  return sql.join(
    Object.entries(cardColumns).map(([key, column]) => sql`${aliased(column.table === categories ? c : p, column)} as ${sql.identifier(key)}`),
    sql`, `,
  );
}
