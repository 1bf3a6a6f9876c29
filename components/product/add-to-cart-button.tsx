"use client";

import Link from "next/link";
import { useActionState, useState } from "react";
import { createPortal } from "react-dom";
import { addToCart } from "@/lib/cart/actions";
import { formatPrice } from "@/lib/format";

/** Adds to the cart on the server (stock checked there); on phones a sheet confirms with a way to the cart. */
export function AddToCartButton({ productId, inStock, title, compact = false }: { productId: number; inStock: boolean; title: string; compact?: boolean }) {
  const [state, action, pending] = useActionState(addToCart, null);
  const [sheet, setSheet] = useState(false);
  // A new successful result opens the sheet (adjusted while rendering, not in an effect).
  const [seen, setSeen] = useState(state);
  if (state !== seen) {
    setSeen(state);
    if (state?.ok) setSheet(true);
  }

  return (
    <div>
      <form action={action} className="flex gap-3">
        <input type="hidden" name="productId" value={productId} />
        {compact ? null : (
          <label className="flex items-center gap-2 text-sm">
            <span className="sr-only">Quantity</span>
            <input
              name="quantity"
              type="number"
              inputMode="numeric"
              min={1}
              max={99}
              defaultValue={1}
              className="tap w-16 rounded-md border border-line bg-surface px-2 text-center text-base"
            />
          </label>
        )}
        <button
          type="submit"
          disabled={!inStock || pending}
          aria-label={compact ? `Add ${title} to cart` : undefined}
          className={`tap rounded-full bg-accent font-semibold text-accent-ink disabled:cursor-not-allowed disabled:opacity-50 ${compact ? "px-3 text-sm" : "flex-1 px-6 text-base"}`}
        >
          {!inStock ? "Sold out" : pending ? "Adding…" : compact ? "Add" : "Add to cart"}
        </button>
      </form>
      {state && !state.ok ? (
        <p role="alert" className="mt-2 text-sm text-danger">
          {state.error}
        </p>
      ) : null}
      {sheet && state?.ok
        ? createPortal(
            // The mini-cart: a sheet just above the tab bar on phones (in thumb reach), a card in the
            // corner on desktop. Portalled to <body> so no card's stacking context can cover it.
            <div
              role="status"
              data-testid="mini-cart"
              className="fixed inset-x-0 bottom-[calc(3.5rem+env(safe-area-inset-bottom))] z-40 rounded-t-xl border-t border-line bg-surface p-4 pb-4 shadow-card md:inset-x-auto md:bottom-6 md:right-6 md:w-96 md:rounded-lg md:border"
            >
              <p className="font-medium">Added to your cart</p>
              <ul className="mt-2 space-y-1 text-sm">
                {state.data.lines.map((l) => (
                  <li key={l.productId} className="flex justify-between gap-3">
                    <span className={l.title === title ? "font-medium" : "text-muted"}>
                      {l.quantity} × {l.title}
                    </span>
                    <span>{formatPrice(l.lineTotalPence)}</span>
                  </li>
                ))}
              </ul>
              <p className="mt-2 flex justify-between border-t border-line pt-2 text-sm font-semibold">
                <span>
                  {state.data.count} item{state.data.count === 1 ? "" : "s"}
                </span>
                <span>{formatPrice(state.data.subtotalPence)}</span>
              </p>
              <div className="mt-3 flex gap-3">
                <Link href="/cart" className="tap inline-flex flex-1 items-center justify-center rounded-full bg-accent px-4 text-sm font-semibold text-accent-ink">
                  View cart
                </Link>
                <button type="button" onClick={() => setSheet(false)} className="tap flex-1 rounded-full border border-line px-4 text-sm">
                  Keep shopping
                </button>
              </div>
            </div>,
            document.body,
          )
        : null}
    </div>
  );
}
