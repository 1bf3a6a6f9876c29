import { orderLines, orders, users } from "@/db/schema";
import type { Db } from "@/lib/db";

/** Customers named for a test (`<name>@example.com`), inserted in the order given; their ids by name. */
export async function insertCustomers(db: Db, names: string[]): Promise<Record<string, number>> {
  const ids: Record<string, number> = {};
  for (const name of names)
    ids[name] = (
      await db
        .insert(users)
        .values({ email: `${name}@example.com` })
        .returning({ id: users.id })
    )[0]!.id;
  return ids;
}

let sales = 0;

/**
 * A sale order of one unit of each product, at £1 a line (the tests that use it count what was
 * bought, not what it cost), placed on a fixed day unless `placedAt` says otherwise.
 * `skus` name products through `ids` (sku → product id, as the test inserted them).
 */
export async function insertSale(db: Db, userId: number, skus: string[], ids: Record<string, number>, placedAt = new Date("2026-10-01T10:00:00Z")): Promise<number> {
  const [o] = await db
    .insert(orders)
    .values({ number: `T${++sales}`, userId, placedAt, totalPence: 1000 })
    .returning({ id: orders.id });
  await db.insert(orderLines).values(skus.map((sku, i) => ({ orderId: o!.id, lineNo: i + 1, productId: ids[sku]!, sku, title: sku, quantity: 1, unitPricePence: 100 })));
  return o!.id;
}
