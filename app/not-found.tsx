import type { Metadata } from "next";
import { ShopChrome } from "@/components/layout/shop-chrome";
import { ButtonLink } from "@/components/ui/button-link";

export const metadata: Metadata = { title: "Page not found", robots: { index: false } };

export default function NotFound() {
  return (
    <ShopChrome>
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
    </ShopChrome>
  );
}
