import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Breadcrumbs } from "@/components/catalog/breadcrumbs";
import { ListingView } from "@/components/catalog/listing-view";
import { getCategory, getListing } from "@/lib/catalog/queries";
import { listingHref, parseListingParams } from "@/lib/catalog/params";

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { slug } = await params;
  const category = await getCategory(slug);
  if (!category) return { title: "Category not found" };
  const { page } = parseListingParams(await searchParams);
  return {
    title: category.name,
    description: category.description,
    alternates: { canonical: listingHref(`/category/${slug}`, { page }) },
    openGraph: { title: category.name, description: category.description },
  };
}

export default async function CategoryPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const category = await getCategory(slug);
  if (!category) notFound();
  const listingParams = { ...parseListingParams(await searchParams), category: slug };
  const listing = await getListing(listingParams);
  return (
    <>
      <Breadcrumbs
        items={[
          { name: "Home", href: "/" },
          { name: "Shop", href: "/shop" },
          { name: category.name, href: `/category/${slug}` },
        ]}
      />
      <h1 className="mt-2 text-2xl font-semibold">{category.name}</h1>
      <p className="mt-1 max-w-prose text-sm text-muted">{category.description}</p>
      <ListingView listing={listing} params={listingParams} basePath={`/category/${slug}`} showCategory={false} />
    </>
  );
}
