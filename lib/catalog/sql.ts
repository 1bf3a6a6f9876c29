import { sql, type SQL } from "drizzle-orm";
import { products } from "@/db/schema";
import { aliased } from "@/lib/db/columns";

/**
 * A product a shopper can buy now: active and in stock. The one definition behind the new-in and
 * bestseller rails, the recommendations and the carts a sign-in merges. `alias` is the products
 * table's alias in a raw query.
 */
export function sellable(alias?: string): SQL {
  return sql`(${aliased(alias, products.status)} = 'active' and ${aliased(alias, products.stock)} > 0)`;
}
