"use client";

// A client component for its payload, not for interactivity: the page's RSC payload then carries a
// reference and a few props instead of the whole markup, once per copy (the page's chrome, and the
// not-found boundaries' chrome, which every page's payload also holds).
import Link from "next/link";
import { CATEGORIES } from "@/lib/catalog/categories";

export function SiteFooter() {
  return (
    <footer className="mt-16 border-t border-line bg-sunken pb-24 md:pb-8">
      <div className="mx-auto grid max-w-6xl gap-8 px-4 py-10 sm:grid-cols-3">
        <div>
          <p className="font-display text-lg font-semibold">Hearth</p>
          <p className="mt-2 text-sm text-muted">Home décor and gifts, delivered by cargo bike or electric van wherever we can.</p>
        </div>
        <nav aria-label="Shop by category">
          <p className="text-sm font-semibold">Shop</p>
          <ul className="mt-2 grid grid-cols-2 gap-x-4 text-sm">
            {CATEGORIES.map((c) => (
              <li key={c.slug}>
                <Link className="inline-block py-1.5 text-muted hover:text-accent" href={`/category/${c.slug}`}>
                  {c.name}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="text-sm text-muted">
          <p className="font-semibold text-ink">About this shop</p>
          <p className="mt-2">
            <Link className="inline-block py-1.5 underline hover:text-accent" href="/privacy">
              Privacy choices
            </Link>
          </p>
          <p className="mt-2">Catalogue and order history: Online Retail dataset, D. Chen, UCI Machine Learning Repository (CC BY 4.0).</p>
        </div>
      </div>
    </footer>
  );
}
