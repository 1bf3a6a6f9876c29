import "server-only";
import { sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { currentCartId } from "./session";
import { EMPTY_CART, readCart, type CartView } from "./store";

/** Never cached: the cart is per shopper and must reflect stock now. */
export async function getCart(): Promise<CartView> {
  const id = await currentCartId();
  return id ? readCart(await getDb(), id) : EMPTY_CART;
}

export async function getCartCount(): Promise<number> {
  const id = await currentCartId();
  if (!id) return 0;
  const db = await getDb();
  const { rows } = await db.execute<{ n: number }>(sql`select coalesce(sum(quantity), 0)::int as n from cart_lines where cart_id = ${id}::uuid`);
  return rows[0]?.n ?? 0;
}
