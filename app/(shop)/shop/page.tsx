import type { Metadata } from "next";
import { Breadcrumbs } from "@/components/catalog/breadcrumbs";
import { ListingView } from "@/components/catalog/listing-view";
import { getListing } from "@/lib/catalog/queries";
import { listingHref, parseListingParams } from "@/lib/catalog/params";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const params = parseListingParams(await searchParams);
  return {
    title: "Shop all",
    description: "Every lantern, candle, cushion and gift in the shop.",
    alternates: { canonical: listingHref("/shop", { category: params.category, page: params.page }) },
  };
}

export default async function ShopPage({ searchParams }: Props) {
  const params = parseListingParams(await searchParams);
  const listing = await getListing(params);
  return (
    <>
      <Breadcrumbs
        items={[
          { name: "Home", href: "/" },
          { name: "Shop all", href: "/shop" },
        ]}
      />
      <h1 className="mt-2 text-2xl font-semibold">Shop all</h1>
      <ListingView listing={listing} params={params} basePath="/shop" showCategory />
    </>
  );
}
