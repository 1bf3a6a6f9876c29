"use client";

// A client component for its payload: the page then carries each tile's four fields, not its markup.
import Link from "next/link";
import { CARD_WIDTHS } from "@/lib/catalog/image-urls";
import { ProductImage } from "@/components/product/product-image";

type Tile = { slug: string; name: string; count: number; coverSku: string | null };

export function CategoryTiles({ categories }: { categories: Tile[] }) {
  return (
    <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6" data-testid="category-tiles">
      {categories
        .filter((c) => c.count > 0)
        .map((c) => (
          <li key={c.slug}>
            <Link href={`/category/${c.slug}`} className="group block rounded-lg">
              {c.coverSku ? <ProductImage sku={c.coverSku} alt="" sizes="(min-width: 1024px) 15vw, (min-width: 640px) 30vw, 46vw" widths={CARD_WIDTHS} /> : null}
              <span className="mt-2 block text-sm font-semibold group-hover:text-accent">{c.name}</span>
              <span className="block text-xs text-muted">{c.count} products</span>
            </Link>
          </li>
        ))}
    </ul>
  );
}
