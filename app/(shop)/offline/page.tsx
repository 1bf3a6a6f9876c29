import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { RecentlyViewedRail } from "@/components/product/recently-viewed-rail";
import { getCart } from "@/lib/cart/queries";
import { formatPrice } from "@/lib/format";

export const metadata: Metadata = { title: "You are offline", robots: { index: false } };

/**
 * The page the service worker shows when there is no network and no saved copy of the page asked for.
 * The worker saves it as the shopper last saw it, so the cart and recently viewed are theirs.
 */
export default async function OfflinePage() {
  const cart = await getCart();
  return (
    <section className="mx-auto max-w-2xl py-6" data-testid="offline-page">
      <h1 className="text-2xl font-semibold">You are offline</h1>
      <p className="mt-2 text-muted">There is no connection right now. Pages you have visited still open; your cart is kept and checkout works again once you are back online.</p>
      <h2 className="mt-8 text-lg font-semibold">Your cart</h2>
      {cart.lines.length ? (
        <ul className="mt-3 divide-y divide-line" data-testid="offline-cart">
          {cart.lines.map((l) => (
            <li key={l.productId} className="flex justify-between gap-3 py-3">
              <Link href={`/product/${l.slug}`} className="hover:text-accent">
                {l.quantity} × {l.title}
              </Link>
              <span className="font-semibold">{formatPrice(l.lineTotalPence)}</span>
            </li>
          ))}
          <li className="flex justify-between gap-3 py-3 font-semibold">
            <span>Subtotal</span>
            <span>{formatPrice(cart.subtotalPence)}</span>
          </li>
        </ul>
      ) : (
        <p className="mt-3 text-muted" data-testid="offline-cart-empty">
          Your cart is empty.
        </p>
      )}
      <div className="mt-8">
        <Suspense fallback={null}>
          <RecentlyViewedRail />
        </Suspense>
      </div>
    </section>
  );
}
