"use client";

// A client component for its payload, not for interactivity: the page's RSC payload then carries a
// reference and a few props instead of the whole markup, once per copy (the page's chrome, and the
// not-found boundaries' chrome, which every page's payload also holds).
import Link from "next/link";
import { Logo } from "@/components/ui/logo";
import { SearchIcon } from "@/components/ui/icons";
import { CATEGORIES } from "@/lib/catalog/categories";

/**
 * Sticky header: logo, search and cart on every size; the category nav on desktop only. The account
 * and cart links come in as slots: they depend on the session, so they stream in their own holes.
 */
export function SiteHeader({ account, cart }: { account: React.ReactNode; cart: React.ReactNode }) {
  return (
    <header className="sticky top-0 z-30 border-b border-line bg-canvas/95 backdrop-blur supports-[backdrop-filter]:bg-canvas/80">
      <div className="mx-auto flex max-w-6xl items-center gap-3 px-4 py-2">
        <Logo />
        <form action="/search" method="get" role="search" className="ml-auto flex min-w-0 flex-1 md:max-w-md">
          <label htmlFor="site-search" className="sr-only">
            Search products
          </label>
          <input
            id="site-search"
            name="q"
            type="search"
            placeholder="Search the shop"
            autoComplete="off"
            enterKeyHint="search"
            className="tap w-full min-w-0 rounded-l-full border border-r-0 border-line bg-surface px-4 text-base text-ink placeholder:text-muted"
          />
          <button type="submit" className="tap rounded-r-full border border-line bg-surface px-3 text-ink" aria-label="Search">
            <SearchIcon className="h-5 w-5" />
          </button>
        </form>
        {account}
        {cart}
      </div>
      <nav aria-label="Categories" className="hidden border-t border-line md:block">
        <ul className="mx-auto flex max-w-6xl gap-1 overflow-x-auto px-2 scrollbar-none">
          <li>
            <Link href="/shop" className="tap inline-flex items-center whitespace-nowrap px-3 text-sm font-medium hover:text-accent">
              Shop all
            </Link>
          </li>
          {CATEGORIES.map((c) => (
            <li key={c.slug}>
              <Link href={`/category/${c.slug}`} className="tap inline-flex items-center whitespace-nowrap px-3 text-sm text-muted hover:text-accent">
                {c.name}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
