import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { RecentlyViewedRail } from "@/components/product/recently-viewed-rail";
import { ProductRecs } from "@/components/recs/product-recs";
import { DealPrice } from "@/components/deals/deal-price";
import { noteProductView } from "@/lib/cdp/track/product-view";
import { Breadcrumbs } from "@/components/catalog/breadcrumbs";
import { AddToCartButton } from "@/components/product/add-to-cart-button";
import { Price } from "@/components/product/price";
import { ProductGallery } from "@/components/product/product-gallery";
import { ProductRail } from "@/components/product/product-rail";
import { StockBadge } from "@/components/product/stock-badge";
import { JsonLd } from "@/components/ui/json-ld";
import { productImageSrc } from "@/lib/catalog/image-urls";
import { getProduct, getRelated } from "@/lib/catalog/queries";
import { schemaAvailability } from "@/lib/catalog/stock";
import { siteUrl } from "@/lib/site";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const product = await getProduct((await params).slug);
  if (!product) return { title: "Product not found" };
  return {
    title: product.title,
    description: product.description,
    alternates: { canonical: `/product/${product.slug}` },
    openGraph: {
      type: "website",
      title: product.title,
      description: product.description,
      images: [{ url: productImageSrc(product.sku, 960, 0, "png"), width: 960, height: 960, alt: product.title }],
    },
  };
}

export default async function ProductPage({ params }: Props) {
  const product = await getProduct((await params).slug);
  if (!product) notFound();
  const related = await getRelated(product.id, product.categoryId, product.colors);
  await noteProductView(product);
  const url = `${siteUrl()}/product/${product.slug}`;
  return (
    <>
      <Breadcrumbs
        items={[
          { name: "Home", href: "/" },
          { name: product.categoryName, href: `/category/${product.categorySlug}` },
          { name: product.title, href: `/product/${product.slug}` },
        ]}
      />
      <div className="mt-4 grid gap-6 md:grid-cols-2 md:gap-10">
        <ProductGallery sku={product.sku} title={product.title} images={product.images} version={product.imageVersion} />
        <div className="flex flex-col gap-4">
          <h1 className="text-2xl font-semibold leading-tight md:text-3xl">{product.title}</h1>
          <Price pence={product.pricePence} compareAtPence={product.compareAtPence} size="lg" />
          <Suspense fallback={null}>
            <DealPrice product={product} />
          </Suspense>
          <StockBadge stock={product.stock} threshold={product.lowStockThreshold} />
          <AddToCartButton productId={product.id} inStock={product.stock > 0} title={product.title} />
          <section aria-labelledby="about" className="border-t border-line pt-4">
            <h2 id="about" className="text-lg font-semibold">
              About this piece
            </h2>
            <p className="mt-2 text-muted">{product.description}</p>
            <dl className="mt-4 grid grid-cols-[7rem_1fr] gap-y-2 text-sm">
              <dt className="text-muted">Code</dt>
              <dd>{product.sku}</dd>
              {product.colors.length ? (
                <>
                  <dt className="text-muted">Colour</dt>
                  <dd className="capitalize">{product.colors.join(", ")}</dd>
                </>
              ) : null}
              {product.materials.length ? (
                <>
                  <dt className="text-muted">Material</dt>
                  <dd className="capitalize">{product.materials.join(", ")}</dd>
                </>
              ) : null}
            </dl>
          </section>
        </div>
      </div>
      <Suspense fallback={null}>
        <ProductRecs productId={product.id} />
      </Suspense>
      <ProductRail id="related" title={`More ${product.categoryName.toLowerCase()}`} products={related} href={`/category/${product.categorySlug}`} />
      <Suspense fallback={null}>
        <RecentlyViewedRail exclude={product.id} />
      </Suspense>
      <JsonLd
        data={{
          "@context": "https://schema.org",
          "@type": "Product",
          name: product.title,
          sku: product.sku,
          description: product.description,
          category: product.categoryName,
          image: [0, 1, 2].map((v) => `${siteUrl()}${productImageSrc(product.sku, 960, v, "png")}`),
          color: product.colors.join(", ") || undefined,
          material: product.materials.join(", ") || undefined,
          offers: {
            "@type": "Offer",
            url,
            priceCurrency: "GBP",
            price: (product.pricePence / 100).toFixed(2),
            availability: schemaAvailability(product.stock),
            itemCondition: "https://schema.org/NewCondition",
          },
        }}
      />
    </>
  );
}
