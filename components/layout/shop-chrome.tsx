import { Suspense } from "react";
import { getCurrentUser } from "@/lib/auth/current-user";
import { getCartCount } from "@/lib/cart/queries";
import { currentConsent } from "@/lib/cdp/track/request";
import { CartSync } from "@/components/cart/cart-sync";
import { env } from "@/lib/env";
import { viewerKey } from "@/lib/offline/policy";
import { LazyConsentBanner, LazyPageBeacon } from "./after-paint";
import { ChromeFrame } from "./chrome-frame";
import { OfflineSupport } from "./offline-support";
import { AccountLink, CartLink } from "./session-links";
import { SiteHeader } from "./site-header";

/**
 * Header, footer and the phone tab bar around a storefront page. Nothing here waits for the
 * request: what depends on the shopper (the account and cart links, the consent banner, the
 * service worker's view of whose pages these are) sits in Suspense holes whose fallbacks hold the
 * same place, so the chrome itself is the same for everyone.
 */
export function ShopChrome({ children }: { children: React.ReactNode }) {
  const header = (
    <SiteHeader
      account={
        <Suspense fallback={<AccountLink signedIn={null} />}>
          <SessionAccountLink />
        </Suspense>
      }
      cart={
        <Suspense fallback={<CartLink count={null} />}>
          <SessionCartLink />
        </Suspense>
      }
    />
  );
  return (
    <ChromeFrame
      header={header}
      shopper={
        <Suspense fallback={null}>
          <ShopperState />
        </Suspense>
      }
    >
      {children}
    </ChromeFrame>
  );
}

async function SessionAccountLink() {
  return <AccountLink signedIn={Boolean(await getCurrentUser())} />;
}

async function SessionCartLink() {
  return <CartLink count={await getCartCount()} />;
}

/** The shopper's state the page's scripts need: cross-tab cart sync, the service worker, consent. */
async function ShopperState() {
  const [cartCount, user, consent] = await Promise.all([getCartCount(), getCurrentUser(), currentConsent()]);
  return (
    <>
      <CartSync count={cartCount} signedIn={Boolean(user)} />
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
