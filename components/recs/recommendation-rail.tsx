import type { ProductCard as Card } from "@/lib/catalog/listing";
import { ProductCard } from "@/components/product/product-card";
import { EVENTS } from "@/lib/cdp/events";
import { trackServer } from "@/lib/cdp/server";

/**
 * A titled row of recommended products. Each item names its surface and rank (the page beacon
 * turns clicks on them into "Product Clicked" events) and, when known, why it is there.
 */
export async function RecommendationRail({ id, title, surface, products }: { id: string; title: string; surface: string; products: (Card & { reason?: string | null })[] }) {
  if (!products.length) return null;
  // The rail was shown: click-through on the dashboard is clicks ÷ these.
  await trackServer(EVENTS.productListViewed, { list_id: surface, product_ids: products.map((p) => p.id) });
  return (
    <section aria-labelledby={id} className="mt-10" data-testid={`rail-${surface}`}>
      <h2 id={id} className="text-xl font-semibold">
        {title}
      </h2>
      <ul className="-mx-4 mt-4 flex snap-x snap-mandatory gap-3 overflow-x-auto px-4 pb-2 scrollbar-none md:mx-0 md:grid md:grid-cols-4 md:overflow-visible md:px-0 lg:grid-cols-5">
        {products.map((p, i) => (
          <li key={p.id} className="w-[42%] shrink-0 snap-start sm:w-[30%] md:w-auto" data-rec-surface={surface} data-rec-rank={i + 1} data-rec-product={p.id}>
            <ProductCard product={p} />
            {p.reason ? <p className="mt-1 line-clamp-2 text-xs text-muted">{p.reason}</p> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
