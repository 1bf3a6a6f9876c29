import type { ProductCard as Card } from "@/lib/catalog/listing";
import { cardData } from "./product-card";
import { ProductRailView } from "./product-rail-view";

/** A titled row of products: swipeable on phones, a grid on desktop. */
export function ProductRail({ title, products, href, id }: { title: string; products: Card[]; href?: string; id: string }) {
  if (!products.length) return null;
  return <ProductRailView id={id} title={title} href={href} cards={products.map(cardData)} />;
}
