import Link from "next/link";
import type { ProductCard as Card } from "@/lib/catalog/listing";
import { ProductCard } from "./product-card";

/** A titled row of products: swipeable on phones, a grid on desktop. */
export function ProductRail({ title, products, href, id }: { title: string; products: Card[]; href?: string; id: string }) {
  if (!products.length) return null;
  return (
    <section aria-labelledby={id} className="mt-10">
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
      <ul className="-mx-4 mt-4 flex snap-x snap-mandatory gap-3 overflow-x-auto px-4 pb-2 scrollbar-none md:mx-0 md:grid md:grid-cols-4 md:overflow-visible md:px-0 lg:grid-cols-5">
        {products.map((p) => (
          <li key={p.id} className="w-[42%] shrink-0 snap-start sm:w-[30%] md:w-auto">
            <ProductCard product={p} />
          </li>
        ))}
      </ul>
    </section>
  );
}
