import type { Metadata } from "next";
import { ShopChrome } from "@/components/layout/shop-chrome";
import { NotFoundView } from "@/components/layout/chrome-frame";

export const metadata: Metadata = { title: "Page not found", robots: { index: false } };

export default function NotFound() {
  return (
    <ShopChrome>
      <NotFoundView />
    </ShopChrome>
  );
}
