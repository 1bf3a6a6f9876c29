import { Suspense } from "react";
import { RecentlyViewedRail } from "@/components/product/recently-viewed-rail";
import { ForYouRail } from "@/components/recs/for-you-rail";
import { MyDeals } from "@/components/deals/my-deals";
import { ButtonLink } from "@/components/ui/button-link";
import { CategoryTiles } from "@/components/catalog/category-tiles";
import { ProductImage } from "@/components/product/product-image";
import { ProductRail } from "@/components/product/product-rail";
import { JsonLd } from "@/components/ui/json-ld";
import { LeafIcon } from "@/components/ui/icons";
import { getBestsellers, getCategories, getNewIn } from "@/lib/catalog/queries";
import { siteUrl, SITE_NAME } from "@/lib/site";

export default async function HomePage() {
  const [categories, bestsellers, newIn] = await Promise.all([getCategories(), getBestsellers(10), getNewIn(10)]);
  const hero = bestsellers.slice(0, 3);
  return (
    <>
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
          {hero.map((p, i) => (
            <div key={p.sku} className={i === 1 ? "translate-y-4" : ""}>
              <ProductImage sku={p.sku} version={p.imageVersion} alt="" sizes="(min-width: 768px) 15vw, 30vw" priority />
            </div>
          ))}
        </div>
      </section>

      <section aria-labelledby="categories-title" className="mt-10">
        <h2 id="categories-title" className="text-xl font-semibold">
          Shop by category
        </h2>
        <div className="mt-4">
          <CategoryTiles categories={categories} />
        </div>
      </section>

      <Suspense fallback={null}>
        <MyDeals />
      </Suspense>
      <Suspense fallback={null}>
        <ForYouRail />
      </Suspense>
      <Suspense fallback={null}>
        <RecentlyViewedRail />
      </Suspense>
      <ProductRail id="bestsellers" title="Bestsellers" products={bestsellers} href="/shop?sort=popular" />
      <ProductRail id="new-in" title="New in" products={newIn} href="/shop?sort=new" />

      <JsonLd
        data={{
          "@context": "https://schema.org",
          "@type": "WebSite",
          name: SITE_NAME,
          url: siteUrl(),
          potentialAction: { "@type": "SearchAction", target: `${siteUrl()}/search?q={query}`, "query-input": "required name=query" },
        }}
      />
    </>
  );
}
