import { ShopChrome } from "@/components/layout/shop-chrome";

// Storefront pages read the database per request (behind the catalog cache) and carry a CSP nonce,
// so none of them is prerendered at build time.
export const dynamic = "force-dynamic";

export default function ShopLayout({ children }: { children: React.ReactNode }) {
  return <ShopChrome>{children}</ShopChrome>;
}
