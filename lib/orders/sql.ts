import { sql, type SQL } from "drizzle-orm";
import { orders } from "@/db/schema";
import { aliased } from "@/lib/db/columns";

/**
 * An order that counts as a sale: a purchase (not a refund's record) that was not cancelled. The
 * one definition behind repeat purchase, first-order deals, profiles, the KPI facts and the
 * recommender's training data. `alias` is the orders table's alias in a raw query.
 */
export function saleOrder(alias?: string): SQL {
  return sql`(${aliased(alias, orders.kind)} = 'sale' and ${aliased(alias, orders.status)} <> 'cancelled')`;
}
