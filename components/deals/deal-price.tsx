import { formatPrice } from "@/lib/format";
import { getDealPrice } from "@/lib/deals/queries";

/** The customer's deal price under the regular one, when a deal applies to this product on its own. */
export async function DealPrice({ product }: { product: { id: number; categoryId: number; pricePence: number } }) {
  const deal = await getDealPrice(product);
  if (!deal) return null;
  return (
    <p className="text-sm font-semibold text-accent" data-testid="deal-price">
      Your price {formatPrice(deal.pricePence)} with “{deal.name}”
    </p>
  );
}
