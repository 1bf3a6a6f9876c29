"use client";

import { useActionState, useState } from "react";
import { addToCart } from "@/lib/cart/actions";
import { MiniCartSheet } from "@/components/cart/mini-cart-sheet";

/**
 * The product page's add to cart, with a quantity: adds on the server (stock checked there), and a
 * sheet confirms with a way to the cart. Product cards use a plain form instead (ProductCard).
 */
export function AddToCartButton({ productId, inStock, title }: { productId: number; inStock: boolean; title: string }) {
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
        <button
          type="submit"
          disabled={!inStock || pending}
          className="tap flex-1 rounded-full bg-accent px-6 text-base font-semibold text-accent-ink disabled:cursor-not-allowed disabled:opacity-50"
        >
          {!inStock ? "Sold out" : pending ? "Adding…" : "Add to cart"}
        </button>
      </form>
      {state && !state.ok ? (
        <p role="alert" className="mt-2 text-sm text-danger">
          {state.error}
        </p>
      ) : null}
      {sheet && state?.ok ? <MiniCartSheet summary={state.data} title={title} onClose={() => setSheet(false)} /> : null}
    </div>
  );
}
