import "server-only";
import { sql } from "drizzle-orm";
import { cache } from "react";
import { getCurrentUser } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db";
import { currentCartId } from "./session";
import { EMPTY_CART, readCart, type CartView } from "./store";

/** Never cached: the cart is per shopper and must reflect stock now. */
export async function getCart(): Promise<CartView> {
  const id = await currentCartId();
  return id ? readCart(await getDb(), id) : EMPTY_CART;
}

/**
 * Items in the shopper's cart, for the header on every page: one read, no write (a signed-in
 * customer's cart is only created when something goes in it). Memoised per request.
 */
export const getCartCount = cache(async (): Promise<number> => {
  const db = await getDb();
  const user = await getCurrentUser();
  if (user) {
    const { rows } = await db.execute<{ n: number }>(sql`
      select coalesce(sum(l.quantity), 0)::int as n from carts c join cart_lines l on l.cart_id = c.id where c.user_id = ${user.id}`);
    return Number(rows[0]?.n ?? 0);
  }
  const id = await currentCartId();
  if (!id) return 0;
  const { rows } = await db.execute<{ n: number }>(sql`select coalesce(sum(quantity), 0)::int as n from cart_lines where cart_id = ${id}::uuid`);
  return Number(rows[0]?.n ?? 0);
});
