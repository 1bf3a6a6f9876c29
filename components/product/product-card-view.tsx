"use client";

import Link from "next/link";
import { addToCartForm } from "@/lib/cart/actions";
import { CARD_WIDTHS } from "@/lib/catalog/image-urls";
import { Price } from "./price";
import { ProductImage } from "./product-image";

/** What a card shows, with short keys: it travels once per card in the page's payload. */
export type CardData = { id: number; sku: string; slug: string; title: string; price: number; was: number | null; stock: number; v: number };

export function ProductCardView({ p, priority }: { p: CardData; priority: boolean }) {
  const out = p.stock <= 0;
  return (
    <article className="card group" data-testid="product-card">
      <div className="relative">
        <ProductImage sku={p.sku} version={p.v} alt="" sizes="(min-width: 1024px) 22vw, (min-width: 640px) 30vw, 46vw" priority={priority} widths={CARD_WIDTHS} />
        {out ? <span className="absolute left-2 top-2 rounded-full bg-surface/90 px-2 py-0.5 text-xs font-semibold text-danger">Sold out</span> : null}
      </div>
      <h3 className="card-title">
        {/* The whole card is the link target; the title carries its name. */}
        <Link href={`/product/${p.slug}`} className="card-link">
          {p.title}
        </Link>
      </h3>
      <div className="card-foot">
        <Price pence={p.price} compareAtPence={p.was} />
        {/* A plain form: it works before scripts load (the page re-renders with the cart changed),
            and AddToCartListener takes it over once they have. Above the card's link overlay. */}
        <form action={addToCartForm} data-add-to-cart="" className="relative z-10">
          <input type="hidden" name="productId" value={p.id} />
          <button
            type="submit"
            disabled={out}
            // The accessible name starts with the visible word (WCAG 2.5.3), then names the product.
            aria-label={out ? `Sold out: ${p.title}` : `Add ${p.title} to cart`}
            className="card-add"
          >
            {out ? "Sold out" : "Add"}
          </button>
        </form>
      </div>
    </article>
  );
}
