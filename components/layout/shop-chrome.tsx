import { getCurrentUser } from "@/lib/auth/current-user";
import { getCartCount } from "@/lib/cart/queries";
import { currentConsent } from "@/lib/cdp/server";
import { Suspense } from "react";
import { LazyConsentBanner, LazyPageBeacon } from "./after-paint";
import { AddToCartListener } from "@/components/cart/add-to-cart-listener";
import { CartSync } from "@/components/cart/cart-sync";
import { env } from "@/lib/env";
import { viewerKey } from "@/lib/offline/policy";
import { BottomTabBar } from "./bottom-tab-bar";
import { OfflineSupport } from "./offline-support";
import { SiteFooter } from "./site-footer";
import { SiteHeader } from "./site-header";

/** Header, footer and the phone tab bar around a storefront page; reads the shopper's cart count. */
export async function ShopChrome({ children }: { children: React.ReactNode }) {
  const [cartCount, user, consent] = await Promise.all([getCartCount(), getCurrentUser(), currentConsent()]);
  return (
    <>
      <a href="#main" className="sr-only focus:not-sr-only focus:fixed focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-surface focus:p-3">
        Skip to content
      </a>
      <SiteHeader cartCount={cartCount} signedIn={Boolean(user)} />
      <main id="main" className="mx-auto max-w-6xl px-4 pb-8 pt-4">
        {children}
      </main>
      <SiteFooter />
      <BottomTabBar />
      <CartSync count={cartCount} signedIn={Boolean(user)} />
      <AddToCartListener />
      <OfflineSupport enabled={env().NODE_ENV === "production"} viewer={viewerKey(user?.id ?? null)} cartCount={cartCount} />
      {/* Global Privacy Control counts as "no" without asking; /privacy still lets the shopper opt in. */}
      {!consent.decided && !consent.gpc ? <LazyConsentBanner /> : null}
      {consent.analytics ? (
        <Suspense>
          <LazyPageBeacon />
        </Suspense>
      ) : null}
    </>
  );
}
