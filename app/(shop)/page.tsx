import { Suspense } from "react";
import { RecentlyViewedRail } from "@/components/product/recently-viewed-rail";
import { ForYouRail } from "@/components/recs/for-you-rail";
import { MyDeals } from "@/components/deals/my-deals";
import { CategoryTiles } from "@/components/catalog/category-tiles";
import { HomeHero } from "@/components/catalog/home-hero";
import { ProductRail } from "@/components/product/product-rail";
import { JsonLd } from "@/components/ui/json-ld";
import { getBestsellers, getCategories, getNewIn } from "@/lib/catalog/queries";
import { siteUrl, SITE_NAME } from "@/lib/site";

export default async function HomePage() {
  const [categories, bestsellers, newIn] = await Promise.all([getCategories(), getBestsellers(10), getNewIn(10)]);
  return (
    <>
      <HomeHero pictures={bestsellers.slice(0, 3).map((p) => ({ sku: p.sku, v: p.imageVersion }))} />

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
