import "server-only";
import { sql } from "drizzle-orm";
import { cache } from "react";
import { EVENTS } from "@/lib/cdp/events";
import { trackServer } from "@/lib/cdp/server";
import { personalizedStore } from "@/lib/recs/personalized";
import { getDb } from "@/lib/db";
import { eligibleDeals } from "./eligibility";
import { discountOf } from "./pricing";

/** The signed-in customer's exclusive deals (none in the non-personalized store: no consent, control group). Memoised per request. */
export const getMyDeals = cache(async () => {
  const me = await personalizedStore();
  if (!me) return [];
  return eligibleDeals(await getDb(), me.userId);
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
    const off = discountOf(d, { lines: [{ productId: product.id, categoryId: product.categoryId, unitPricePence: product.pricePence, quantity: 1 }], shippingPence: 0, deliveryMethod: "standard" });
    if (off > 0 && (!best || product.pricePence - off < best.pricePence)) best = { pricePence: product.pricePence - off, code: d.code, name: d.name };
  }
  return best;
}

/** For the checkout preview: the deals' pricing fields and each cart line's category. */
export async function getCheckoutDeals(lines: { productId: number; unitPricePence: number; quantity: number }[]) {
  const mine = await getMyDeals();
  if (!mine.length || !lines.length) return { deals: [], lines: [] };
  const db = await getDb();
  const { rows } = await db.execute<{ id: number; c: number }>(sql`select id, category_id as c from products where id in ${lines.map((l) => l.productId)}`);
  const cat = new Map(rows.map((r) => [Number(r.id), Number(r.c)]));
  return {
    deals: mine.map(({ id, code, name, type, value, bundleQuantity, scope, scopeIds, minSpendPence, priority, stackable }) => ({ id, code, name, type, value, bundleQuantity, scope, scopeIds, minSpendPence, priority, stackable })),
    lines: lines.map((l) => ({ productId: l.productId, categoryId: cat.get(l.productId) ?? 0, unitPricePence: l.unitPricePence, quantity: l.quantity })),
  };
}
