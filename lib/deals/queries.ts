import "server-only";
import { cache } from "react";
import { EVENTS } from "@/lib/cdp/track/events";
import { trackServer } from "@/lib/cdp/track/request";
import { personalizedStore } from "@/lib/recs/personalized";
import { getPersonalHome } from "@/lib/recs/queries";
import { getDb } from "@/lib/db";
import { getCurrentUser } from "@/lib/auth/current-user";
import { basketOf, priceBasket } from "./codes";
import { discountOf } from "./pricing";

/** The signed-in customer's exclusive deals (none in the non-personalized store: no consent, control group). Memoised per request. */
export const getMyDeals = cache(async () => {
  const me = await personalizedStore();
  if (!me) return [];
  // Shown on the home and product pages from the customer's cached block; checkout prices from the database.
  return (await getPersonalHome(me.userId)).deals;
});

/** Records that deals were shown (analytics consent applies as for every event). */
export async function noteDealsViewed(surface: string, deals: { id: number; code: string }[]) {
  for (const d of deals) await trackServer(EVENTS.dealViewed, { deal_id: d.id, coupon: d.code, surface });
}

/** The price of one unit with the customer's best deal that needs no minimum spend, or null. */
export async function getDealPrice(product: { id: number; categoryId: number; pricePence: number }) {
  const mine = await getMyDeals();
  let best: { pricePence: number; code: string; name: string } | null = null;
  for (const d of mine) {
    if (d.minSpendPence > 0 || d.type === "free_eco_delivery" || d.type === "bundle_price") continue;
    const off = discountOf(d, {
      lines: [{ productId: product.id, categoryId: product.categoryId, unitPricePence: product.pricePence, quantity: 1 }],
      shippingPence: 0,
      deliveryMethod: "standard",
    });
    if (off > 0 && (!best || product.pricePence - off < best.pricePence)) best = { pricePence: product.pricePence - off, code: d.code, name: d.name };
  }
  return best;
}

/**
 * For the cart and the checkout preview: the deals that may apply (the customer's own in the
 * personalized store, and the typed code's), the priced lines, and why a typed code does not apply.
 */
export async function getBasketDeals(cart: { lines: { productId: number; unitPricePence: number; quantity: number }[]; code: string | null }, email?: string | null) {
  const db = await getDb();
  const [user, me] = await Promise.all([getCurrentUser(), personalizedStore()]);
  const basket = await basketOf(db, cart.lines);
  const priced = await priceBasket(db, { who: { userId: user?.id ?? null, email }, personalized: Boolean(me), code: cart.code, basket });
  return {
    deals: priced.candidates.map(({ id, code, name, type, value, bundleQuantity, scope, scopeIds, minSpendPence, priority, stackable }) => ({
      id,
      code,
      name,
      type,
      value,
      bundleQuantity,
      scope,
      scopeIds,
      minSpendPence,
      priority,
      stackable,
    })),
    lines: basket.lines,
    /** With standard delivery: what the cart page shows before a delivery method is chosen. */
    applied: priced.applied,
    code: cart.code,
    codeProblem: priced.codeProblem,
  };
}
