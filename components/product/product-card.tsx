import type { ProductCard as Card } from "@/lib/catalog/listing";
import { ProductCardView, type CardData } from "./product-card-view";

/** The fields a card shows, under its short keys: what crosses into the page's payload. */
export function cardData(product: Card): CardData {
  return {
    id: product.id,
    sku: product.sku,
    slug: product.slug,
    title: product.title,
    price: product.pricePence,
    was: product.compareAtPence,
    stock: product.stock,
    v: product.imageVersion,
  };
}

/**
 * A product in a listing or rail. The markup lives in one client component that receives only the
 * fields it shows, so each card costs its data in the page's RSC payload, not a copy of its markup.
 */
export function ProductCard({ product, priority = false }: { product: Card; priority?: boolean }) {
  return <ProductCardView p={cardData(product)} priority={priority} />;
}
