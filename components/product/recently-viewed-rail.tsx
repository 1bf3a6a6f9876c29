import { getRecentlyViewed } from "@/lib/cdp/queries";
import { ProductRail } from "./product-rail";

/** The shopper's recently viewed products (personalization consent only; streamed in under a Suspense boundary). */
export async function RecentlyViewedRail({ exclude }: { exclude?: number }) {
  const products = await getRecentlyViewed({ exclude, limit: 10 });
  return <ProductRail id="recently-viewed" title="Recently viewed" products={products} />;
}
