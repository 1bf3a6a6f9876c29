import Link from "next/link";
import type { ProductCard as Card } from "@/lib/catalog/listing";
import { AddToCartButton } from "./add-to-cart-button";
import { Price } from "./price";
import { ProductImage } from "./product-image";

export function ProductCard({ product, priority = false }: { product: Card; priority?: boolean }) {
  const out = product.stock <= 0;
  return (
    <article className="group relative flex flex-col gap-2" data-testid="product-card">
      <div className="relative">
        <ProductImage sku={product.sku} version={product.imageVersion} alt="" sizes="(min-width: 1024px) 22vw, (min-width: 640px) 30vw, 46vw" priority={priority} />
        {out ? <span className="absolute left-2 top-2 rounded-full bg-surface/90 px-2 py-0.5 text-xs font-semibold text-danger">Sold out</span> : null}
      </div>
      <h3 className="line-clamp-2 text-sm font-medium leading-snug text-ink">
        {/* The whole card is the link target; the title carries its name. */}
        <Link href={`/product/${product.slug}`} className="after:absolute after:inset-0 focus-visible:outline-none group-focus-within:underline">
          {product.title}
        </Link>
      </h3>
      <div className="flex items-center justify-between gap-2">
        <Price pence={product.pricePence} compareAtPence={product.compareAtPence} />
        {/* Above the card's link overlay so it can be tapped on its own. */}
        <div className="relative z-10">
          <AddToCartButton productId={product.id} inStock={!out} title={product.title} compact />
        </div>
      </div>
    </article>
  );
}
