"use client";

// A client component for its payload: the page then carries three picture ids, not the markup.
import { ButtonLink } from "@/components/ui/button-link";
import { LeafIcon } from "@/components/ui/icons";
import { ProductImage } from "@/components/product/product-image";
import { SMALL_WIDTHS } from "@/lib/catalog/image-urls";

/** The home page's opening: the season's line, two ways in, and three bestsellers' pictures. */
export function HomeHero({ pictures }: { pictures: { sku: string; v: number }[] }) {
  return (
    <section className="grid items-center gap-6 overflow-hidden rounded-xl bg-accent-soft p-6 md:grid-cols-2 md:p-10" aria-labelledby="hero-title">
      <div>
        <p className="text-sm font-semibold uppercase tracking-wide text-accent">New season, warm light</p>
        <h1 id="hero-title" className="mt-2 text-3xl font-semibold leading-tight md:text-4xl">
          Make home the place you want to be
        </h1>
        <p className="mt-3 max-w-prose text-muted">Lanterns, candles, cushions and kitchen pieces, picked for small spaces and long evenings.</p>
        <div className="mt-5 flex flex-wrap gap-3">
          <ButtonLink href="/shop">Shop everything</ButtonLink>
          <ButtonLink href="/category/candles-fragrance" variant="secondary">
            Candles & fragrance
          </ButtonLink>
        </div>
        <p className="mt-5 inline-flex items-center gap-2 text-sm text-sage">
          <LeafIcon className="h-5 w-5" /> Cargo-bike and EV delivery in town
        </p>
      </div>
      <div className="grid grid-cols-3 gap-2" aria-hidden="true">
        {pictures.map((p, i) => (
          <div key={p.sku} className={i === 1 ? "translate-y-4" : ""}>
            <ProductImage sku={p.sku} version={p.v} alt="" sizes="(min-width: 768px) 15vw, 30vw" priority widths={SMALL_WIDTHS} />
          </div>
        ))}
      </div>
    </section>
  );
}
