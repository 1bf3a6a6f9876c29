"use client";

// A client component for its payload: a rail then travels as its cards' data, not as markup.
import Link from "next/link";
import { ProductCardView, type CardData } from "./product-card-view";

export type RailCard = CardData & { reason?: string | null };

/**
 * A titled row of product cards: swipeable on phones, a grid on desktop. A recommendation rail
 * names its `surface`, and each item its rank (the page beacon turns clicks on them into
 * "Product Clicked" events) and, when known, why it is there.
 */
export function ProductRailView({ title, cards, href, id, surface }: { title: string; cards: RailCard[]; href?: string; id: string; surface?: string }) {
  return (
    <section aria-labelledby={id} className="mt-10" data-testid={surface ? `rail-${surface}` : undefined}>
      <div className="flex items-baseline justify-between gap-4">
        <h2 id={id} className="text-xl font-semibold">
          {title}
        </h2>
        {href ? (
          <Link href={href} className="tap inline-flex items-center text-sm font-medium text-accent">
            See all
          </Link>
        ) : null}
      </div>
      <ul className="rail">
        {cards.map((p, i) => (
          <li key={p.id} className="rail-item" {...(surface ? { "data-rec-surface": surface, "data-rec-rank": i + 1, "data-rec-product": p.id } : {})}>
            <ProductCardView p={p} priority={false} />
            {p.reason ? <p className="mt-1 line-clamp-2 text-xs text-muted">{p.reason}</p> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
