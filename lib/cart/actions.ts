"use server";

import { refresh } from "next/cache";
import { z } from "zod";
import type { Db } from "@/lib/db";
import { expirePersonal } from "@/lib/cache/expire";
import { UserError } from "@/lib/result";
import { EVENTS } from "@/lib/cdp/track/events";
import { trackServer } from "@/lib/cdp/track/request";
import { currentCartId } from "./session";
import { addItem, productIdSchema, quantitySchema, readCart, removeItem, setCartCode, setItemQuantity } from "./store";
import { basketOf, checkCode, dealCodeSchema } from "@/lib/deals/codes";
import { env } from "@/lib/env";
import { formAction, publicAction } from "@/lib/shop/action";

/** What the mini-cart shows after a change: the count, subtotal and the latest lines. */
export type CartSummary = { count: number; subtotalPence: number; lines: { productId: number; title: string; quantity: number; lineTotalPence: number }[] };

// Only ids and quantities come from the client; prices and stock are always read on the server.
const addSchema = z.object({ productId: productIdSchema, quantity: quantitySchema.default(1) });
const setSchema = z.object({ productId: productIdSchema, quantity: z.coerce.number({ error: "Quantity must be a number" }) });

/**
 * After a cart change: the page re-renders for this shopper (the header's badge) without expiring
 * any cached data, and a customer's personal block is read afresh.
 */
async function cartChanged(user: { id: number } | null) {
  refresh();
  if (user) await expirePersonal(user.id);
}

/** Runs a change on this shopper's cart (made on first use) and answers with the mini-cart's view. */
async function change(db: Db, user: { id: number } | null, fn: (cartId: string) => Promise<void>): Promise<CartSummary> {
  const cartId = await currentCartId({ create: true });
  await fn(cartId);
  await cartChanged(user);
  const cart = await readCart(db, cartId);
  return {
    count: cart.count,
    subtotalPence: cart.subtotalPence,
    lines: cart.lines
      .slice(-4)
      .reverse()
      .map((l) => ({ productId: l.productId, title: l.title, quantity: l.quantity, lineTotalPence: l.lineTotalPence })),
  };
}

export const addToCart = publicAction({ name: "cart.add", schema: addSchema }, async (input, { db, user }) => {
  const summary = await change(db, user, (cartId) => addItem(db, cartId, input.productId, input.quantity));
  await trackServer(EVENTS.productAdded, { product_id: input.productId, quantity: input.quantity, cart_count: summary.count });
  return summary;
});

/** For product cards' plain forms (no client component per card; components/cart/add-to-cart-listener.tsx). */
export const addToCartForm = formAction(addToCart);

export const updateCartLine = publicAction({ name: "cart.update", schema: setSchema }, async (input, { db, user }) => {
  const summary = await change(db, user, (cartId) => setItemQuantity(db, cartId, input.productId, input.quantity));
  if (input.quantity <= 0) await trackServer(EVENTS.productRemoved, { product_id: input.productId, cart_count: summary.count });
  return summary;
});

export const removeCartLine = publicAction({ name: "cart.remove", schema: z.object({ productId: productIdSchema }) }, async (input, { db, user }) => {
  const summary = await change(db, user, (cartId) => removeItem(db, cartId, input.productId));
  await trackServer(EVENTS.productRemoved, { product_id: input.productId, cart_count: summary.count });
  return summary;
});

const CODE_WINDOW = 15 * 60;

/**
 * A discount code typed in the cart or at checkout: checked now (every refusal says why) and kept
 * on the cart, so checkout prices it and the order re-checks it under the deal's lock. Guessing is
 * limited per address and per cart.
 */
export const applyDealCodeAction = publicAction(
  {
    name: "cart.applyCode",
    schema: z.object({ code: dealCodeSchema }),
    // Per address, and per cart when there is one (a refused code creates no cart).
    limits: async (_input, { ip }) => {
      const cartId = await currentCartId();
      const limit = { limit: env().RATE_LIMIT_CODE_TRIES, windowSeconds: CODE_WINDOW };
      const message = "Too many codes tried. Wait a few minutes and try again.";
      return [{ key: `code:ip:${ip}`, limit, message }, ...(cartId ? [{ key: `code:cart:${cartId}`, limit, message }] : [])];
    },
  },
  async ({ code }, { db, user }) => {
    const existing = await currentCartId();
    const lines = existing ? (await readCart(db, existing)).lines : [];
    let deal;
    try {
      deal = await checkCode(db, code, { userId: user?.id ?? null }, lines.length ? await basketOf(db, lines) : undefined);
    } catch (err) {
      if (err instanceof UserError) await trackServer(EVENTS.couponDenied, { coupon: code, cart_id: existing, reason: err.message });
      throw err;
    }
    const cartId = existing ?? (await currentCartId({ create: true }));
    await setCartCode(db, cartId, deal.code);
    await trackServer(EVENTS.couponApplied, { coupon: deal.code, coupon_id: deal.id, coupon_name: deal.name, cart_id: cartId });
    await cartChanged(user);
    return { message: `Code ${deal.code} added: ${deal.name}.` };
  },
);

export const removeDealCodeAction = publicAction({ name: "cart.removeCode", schema: z.object({}) }, async (_input, { db, user }) => {
  const cartId = await currentCartId();
  if (!cartId) return { message: "Code removed." };
  const { code } = await readCart(db, cartId);
  await setCartCode(db, cartId, null);
  if (code) await trackServer(EVENTS.couponRemoved, { coupon: code, cart_id: cartId });
  await cartChanged(user);
  return { message: "Code removed." };
});
