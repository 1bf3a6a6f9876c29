import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { cartLines, carts, categories, products } from "@/db/schema";
import type { Db } from "@/lib/db";
import { UserError } from "@/lib/result";
import { sellable } from "@/lib/catalog/sql";

/** The most of one product a cart may hold (beyond stock limits): keeps typos like 1000 out. */
export const MAX_LINE_QTY = 99;

export const quantitySchema = z.coerce
  .number({ error: "Quantity must be a number" })
  .int("Quantity must be a whole number")
  .min(1, "Quantity must be at least 1")
  .max(MAX_LINE_QTY, `You can buy at most ${MAX_LINE_QTY} of one item`);
export const productIdSchema = z.coerce.number({ error: "Unknown product" }).int("Unknown product").positive("Unknown product").max(2_147_483_647, "Unknown product");

export async function createCart(db: Db, userId: number | null = null): Promise<string> {
  const [row] = await db.insert(carts).values({ userId }).returning({ id: carts.id });
  return row!.id;
}

/** The customer's cart, created on first use. */
export async function cartIdForUser(db: Db, userId: number): Promise<string> {
  await db.insert(carts).values({ userId }).onConflictDoNothing({ target: carts.userId });
  const [row] = await db.select({ id: carts.id }).from(carts).where(eq(carts.userId, userId)).limit(1);
  return row!.id;
}

/** The customer's cart if they have one (reading never creates it). */
export async function userCartId(db: Db, userId: number): Promise<string | null> {
  const [row] = await db.select({ id: carts.id }).from(carts).where(eq(carts.userId, userId)).limit(1);
  return row?.id ?? null;
}

/** A guest cart that still exists and was not merged away, else null. */
export async function liveGuestCart(db: Db, id: string | null): Promise<string | null> {
  if (!id) return null;
  const [row] = await db
    .select({ id: carts.id })
    .from(carts)
    .where(and(eq(carts.id, id), isNull(carts.userId), isNull(carts.mergedInto)))
    .limit(1);
  return row?.id ?? null;
}

async function activeProduct(db: Db, productId: number) {
  const [p] = await db.select({ id: products.id, title: products.title, stock: products.stock, status: products.status }).from(products).where(eq(products.id, productId)).limit(1);
  if (!p || p.status !== "active") throw new UserError("This product is not available.");
  return p;
}

function checkStock(p: { title: string; stock: number }, quantity: number) {
  if (p.stock <= 0) throw new UserError(`${p.title} is sold out.`);
  if (quantity > p.stock) throw new UserError(`Only ${p.stock} of ${p.title} left.`);
}

async function touch(db: Db, cartId: string) {
  await db.update(carts).set({ updatedAt: new Date() }).where(eq(carts.id, cartId));
}

/** Adds to a line (creating it), checking stock against the new total. */
export async function addItem(db: Db, cartId: string, productId: number, quantity: number): Promise<void> {
  const qty = quantitySchema.parse(quantity);
  const p = await activeProduct(db, productIdSchema.parse(productId));
  const [line] = await db
    .select({ q: cartLines.quantity })
    .from(cartLines)
    .where(and(eq(cartLines.cartId, cartId), eq(cartLines.productId, p.id)));
  const total = (line?.q ?? 0) + qty;
  if (total > MAX_LINE_QTY) throw new UserError(`You can buy at most ${MAX_LINE_QTY} of one item.`);
  checkStock(p, total);
  await db
    .insert(cartLines)
    .values({ cartId, productId: p.id, quantity: qty })
    .onConflictDoUpdate({ target: [cartLines.cartId, cartLines.productId], set: { quantity: sql`${cartLines.quantity} + ${qty}` } });
  await touch(db, cartId);
}

export async function setItemQuantity(db: Db, cartId: string, productId: number, quantity: number): Promise<void> {
  const qty = z.coerce
    .number({ error: "Quantity must be a number" })
    .int("Quantity must be a whole number")
    .min(0)
    .max(MAX_LINE_QTY, `You can buy at most ${MAX_LINE_QTY} of one item`)
    .parse(quantity);
  const id = productIdSchema.parse(productId);
  if (qty === 0) return removeItem(db, cartId, id);
  checkStock(await activeProduct(db, id), qty);
  const updated = await db
    .update(cartLines)
    .set({ quantity: qty })
    .where(and(eq(cartLines.cartId, cartId), eq(cartLines.productId, id)))
    .returning();
  if (!updated.length) throw new UserError("That item is no longer in your cart.");
  await touch(db, cartId);
}

export async function removeItem(db: Db, cartId: string, productId: number): Promise<void> {
  await db.delete(cartLines).where(and(eq(cartLines.cartId, cartId), eq(cartLines.productId, productIdSchema.parse(productId))));
  await touch(db, cartId);
}

/**
 * Merges a guest cart into a customer's cart. A product in both keeps the larger quantity (a
 * shopper who re-adds an item while signed out does not get two); every quantity is capped at the
 * stock left. The guest cart is marked merged, so merging twice changes nothing.
 */
export async function mergeCarts(db: Db, guestCartId: string, userId: number): Promise<string> {
  const target = await cartIdForUser(db, userId);
  if (target === guestCartId) return target;
  await db.transaction(async (tx) => {
    const [guest] = await tx
      .update(carts)
      .set({ mergedInto: target })
      .where(and(eq(carts.id, guestCartId), isNull(carts.userId), isNull(carts.mergedInto)))
      .returning({ id: carts.id });
    if (!guest) return;
    await tx.execute(sql`
      insert into cart_lines (cart_id, product_id, quantity, added_at)
      select ${target}::uuid, g.product_id, least(g.quantity, greatest(p.stock, 0), ${MAX_LINE_QTY}), g.added_at
        from cart_lines g join products p on p.id = g.product_id
       where g.cart_id = ${guestCartId}::uuid and ${sellable("p")}
      on conflict (cart_id, product_id) do update
        set quantity = least(greatest(cart_lines.quantity, excluded.quantity), ${MAX_LINE_QTY})`);
    await tx.delete(cartLines).where(eq(cartLines.cartId, guestCartId));
    await tx.update(carts).set({ updatedAt: new Date() }).where(eq(carts.id, target));
  });
  return target;
}

export type CartLineView = {
  productId: number;
  sku: string;
  slug: string;
  title: string;
  categorySlug: string;
  imageVersion: number;
  quantity: number;
  unitPricePence: number;
  lineTotalPence: number;
  stock: number;
  available: boolean;
};

export type CartView = { id: string | null; lines: CartLineView[]; count: number; subtotalPence: number; problems: string[]; code: string | null };

export const EMPTY_CART: CartView = { id: null, lines: [], count: 0, subtotalPence: 0, problems: [], code: null };

/** Keeps (or with null, drops) the discount code the shopper typed; it is checked whenever the cart is priced. */
export async function setCartCode(db: Db, cartId: string, code: string | null): Promise<void> {
  await db.update(carts).set({ dealCode: code, updatedAt: new Date() }).where(eq(carts.id, cartId));
}

/** The cart with today's prices and stock (prices are never taken from the client or the cart). */
export async function readCart(db: Db, cartId: string | null): Promise<CartView> {
  if (!cartId) return EMPTY_CART;
  const rows = await db
    .select({
      productId: products.id,
      sku: products.sku,
      slug: products.slug,
      title: products.title,
      categorySlug: categories.slug,
      imageVersion: products.imageVersion,
      quantity: cartLines.quantity,
      unitPricePence: products.pricePence,
      stock: products.stock,
      status: products.status,
    })
    .from(cartLines)
    .innerJoin(products, eq(products.id, cartLines.productId))
    .innerJoin(categories, eq(categories.id, products.categoryId))
    .where(eq(cartLines.cartId, cartId))
    .orderBy(asc(cartLines.addedAt), asc(products.id));
  const [cart] = await db.select({ code: carts.dealCode }).from(carts).where(eq(carts.id, cartId)).limit(1);
  const problems: string[] = [];
  const lines = rows.map((r) => {
    const available = r.status === "active" && r.stock >= r.quantity;
    if (r.status !== "active" || r.stock <= 0) problems.push(`${r.title} is no longer available.`);
    else if (r.stock < r.quantity) problems.push(`Only ${r.stock} of ${r.title} left: lower the quantity to check out.`);
    return { ...r, lineTotalPence: r.unitPricePence * r.quantity, available };
  });
  return {
    id: cartId,
    lines: lines.map(({ status: _s, ...l }) => l),
    count: lines.reduce((n, l) => n + l.quantity, 0),
    subtotalPence: lines.reduce((n, l) => n + l.lineTotalPence, 0),
    problems,
    code: cart?.code ?? null,
  };
}
