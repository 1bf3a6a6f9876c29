import type { OrderDraft } from "@/lib/import/analyze";
import type { Interaction } from "./model";

/** Products each customer bought (sale orders, product lines), one interaction per customer and product. */
export function purchases(orders: OrderDraft[], filter: (o: OrderDraft) => boolean = () => true): Interaction[] {
  const seen = new Set<string>();
  const out: Interaction[] = [];
  for (const o of orders) {
    if (o.kind !== "sale" || !o.customerId || !filter(o)) continue;
    for (const l of o.lines) {
      if (l.kind !== "product" || l.quantity <= 0) continue;
      const key = `${o.customerId}\u0000${l.sku}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ user: o.customerId, item: l.sku, weight: 1 });
    }
  }
  return out;
}

/** Per customer, the products bought on or after `split` that they had not bought before it. */
export function heldOut(orders: OrderDraft[], split: Date): Map<string, Set<string>> {
  const before = new Map<string, Set<string>>();
  for (const i of purchases(orders, (o) => o.placedAt < split)) (before.get(i.user) ?? before.set(i.user, new Set()).get(i.user)!).add(i.item);
  const after = new Map<string, Set<string>>();
  for (const i of purchases(orders, (o) => o.placedAt >= split)) {
    const had = before.get(i.user);
    if (!had || had.has(i.item)) continue; // only returning customers, only new products
    (after.get(i.user) ?? after.set(i.user, new Set()).get(i.user)!).add(i.item);
  }
  return after;
}
