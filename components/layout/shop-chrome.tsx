import { BottomTabBar } from "./bottom-tab-bar";
import { SiteFooter } from "./site-footer";
import { SiteHeader } from "./site-header";

/** Header, footer and the phone tab bar around a storefront page. */
export function ShopChrome({ children }: { children: React.ReactNode }) {
  return (
    <>
      <a href="#main" className="sr-only focus:not-sr-only focus:fixed focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-surface focus:p-3">
        Skip to content
      </a>
      <SiteHeader />
      <main id="main" className="mx-auto max-w-6xl px-4 pb-8 pt-4">{children}</main>
      <SiteFooter />
      <BottomTabBar />
    </>
  );
}
