"use client";

// A client component for its payload: every page's RSC payload holds the chrome more than once (the
// page's own and its not-found boundary's), and a client component travels as a reference.
import { ButtonLink } from "@/components/ui/button-link";
import { AddToCartListener } from "@/components/cart/add-to-cart-listener";
import { BottomTabBar } from "./bottom-tab-bar";
import { SiteFooter } from "./site-footer";

/** The storefront's frame: skip link, header, the page, footer, the phone tab bar. */
export function ChromeFrame({ header, shopper, children }: { header: React.ReactNode; shopper: React.ReactNode; children: React.ReactNode }) {
  return (
    <>
      <a href="#main" className="sr-only focus:not-sr-only focus:fixed focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-surface focus:p-3">
        Skip to content
      </a>
      {header}
      <main id="main" className="mx-auto max-w-6xl px-4 pb-8 pt-4">
        {children}
      </main>
      <SiteFooter />
      <BottomTabBar />
      <AddToCartListener />
      {shopper}
    </>
  );
}

/**
 * The 404 page's body: what to do next. Here, beside the frame, for two reasons: as a client
 * component it travels as a reference in every page's payload (which carries its not-found
 * boundary), and in the frame's module it shares the frame's chunk instead of forking a copy of it.
 */
export function NotFoundView() {
  return (
    <section className="mx-auto max-w-md py-12 text-center" data-testid="not-found">
      <p className="text-sm font-semibold uppercase tracking-wide text-accent">404</p>
      <h1 className="mt-2 text-2xl font-semibold">We couldn’t find that page</h1>
      <p className="mt-3 text-muted">It may have moved, or the product is no longer sold. Try a search or start from a category.</p>
      <form action="/search" method="get" role="search" className="mt-6 flex gap-2">
        <label htmlFor="nf-q" className="sr-only">
          Search products
        </label>
        <input id="nf-q" name="q" type="search" placeholder="Search the shop" className="tap w-full rounded-full border border-line bg-surface px-4 text-base" />
        <button type="submit" className="tap rounded-full bg-accent px-5 text-sm font-semibold text-accent-ink">
          Search
        </button>
      </form>
      <div className="mt-6 flex justify-center gap-3">
        <ButtonLink href="/">Home</ButtonLink>
        <ButtonLink href="/shop" variant="secondary">
          Shop all
        </ButtonLink>
      </div>
    </section>
  );
}
