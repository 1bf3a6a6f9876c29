import type { ProductCard as Card } from "@/lib/catalog/listing";
import { cardData } from "@/components/product/product-card";
import { ProductRailView } from "@/components/product/product-rail-view";
import { EVENTS } from "@/lib/cdp/track/events";
import { trackServer } from "@/lib/cdp/track/request";

/** A titled row of recommended products, recorded as shown (Product List Viewed). */
export async function RecommendationRail({ id, title, surface, products }: { id: string; title: string; surface: string; products: (Card & { reason?: string | null })[] }) {
  if (!products.length) return null;
  // The rail was shown: click-through on the dashboard is clicks ÷ these.
  await trackServer(EVENTS.productListViewed, { list_id: surface, product_ids: products.map((p) => p.id) });
  return <ProductRailView id={id} title={title} surface={surface} cards={products.map((p) => ({ ...cardData(p), reason: p.reason ?? null }))} />;
}
