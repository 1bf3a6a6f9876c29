import type { Deal } from "@/db/schema";

export type PricedLine = { productId: number; categoryId: number; unitPricePence: number; quantity: number };
export type Basket = { lines: PricedLine[]; shippingPence: number; deliveryMethod: string };
export type DealDiscount = { dealId: number; code: string; name: string; discountPence: number };
export type PricingDeal = Pick<Deal, "id" | "code" | "name" | "type" | "value" | "bundleQuantity" | "scope" | "scopeIds" | "minSpendPence" | "priority" | "stackable">;

const ECO = new Set(["bike", "ev"]);

function inScope(deal: PricingDeal, line: PricedLine): boolean {
  if (deal.scope === "all") return true;
  return deal.scopeIds.includes(deal.scope === "categories" ? line.categoryId : line.productId);
}

/** What one deal takes off this basket (0 when it does not apply). Pure: the server recomputes it at checkout. */
export function discountOf(deal: PricingDeal, basket: Basket): number {
  const subtotal = basket.lines.reduce((s, l) => s + l.unitPricePence * l.quantity, 0);
  if (subtotal < deal.minSpendPence) return 0;
  const scoped = basket.lines.filter((l) => inScope(deal, l));
  const eligible = scoped.reduce((s, l) => s + l.unitPricePence * l.quantity, 0);
  switch (deal.type) {
    case "percent_off":
      return Math.round((eligible * Math.min(100, Math.max(0, deal.value))) / 100);
    case "amount_off":
      return Math.min(deal.value, eligible);
    case "free_eco_delivery":
      return ECO.has(basket.deliveryMethod) ? basket.shippingPence : 0;
    case "bundle_price": {
      // Every `bundleQuantity` units in scope cost `value`, dearest units first (the customer's best case).
      const n = deal.bundleQuantity ?? 0;
      if (n < 2) return 0;
      const units = scoped.flatMap((l) => Array.from({ length: l.quantity }, () => l.unitPricePence)).sort((a, b) => b - a);
      let off = 0;
      for (let i = 0; i + n <= units.length; i += n) off += Math.max(0, units.slice(i, i + n).reduce((a, b) => a + b, 0) - deal.value);
      return off;
    }
  }
}

/**
 * The best the customer can get: the single best non-stackable deal, or all stackable deals
 * together, whichever takes more off (ties: higher priority, then lower id). Never more than the
 * basket is worth.
 */
export function bestDeals(deals: PricingDeal[], basket: Basket): DealDiscount[] {
  const worth = basket.lines.reduce((s, l) => s + l.unitPricePence * l.quantity, 0) + basket.shippingPence;
  const priced = deals
    .map((d) => ({ d, off: discountOf(d, basket) }))
    .filter((x) => x.off > 0)
    .sort((a, b) => b.off - a.off || b.d.priority - a.d.priority || a.d.id - b.d.id);
  const single = priced.find((x) => !x.d.stackable);
  const stack = priced.filter((x) => x.d.stackable);
  const stackTotal = stack.reduce((s, x) => s + x.off, 0);
  const chosen = single && single.off >= stackTotal ? [single] : stack;
  let left = worth;
  return chosen
    .map(({ d, off }) => {
      const take = Math.min(off, left);
      left -= take;
      return { dealId: d.id, code: d.code, name: d.name, discountPence: take };
    })
    .filter((x) => x.discountPence > 0);
}
