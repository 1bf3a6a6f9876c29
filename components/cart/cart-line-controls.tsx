"use client";

import { useActionState } from "react";
import { removeCartLine, updateCartLine } from "@/lib/cart/actions";

/** Quantity stepper and remove button for one cart line; each is a server action with its own error. */
export function CartLineControls({ productId, quantity, title, max }: { productId: number; quantity: number; title: string; max: number }) {
  const [updateState, update, updating] = useActionState(updateCartLine, null);
  const [removeState, remove, removing] = useActionState(removeCartLine, null);
  const error = (updateState && !updateState.ok && updateState.error) || (removeState && !removeState.ok && removeState.error);
  const btn = "tap inline-flex items-center justify-center rounded-full border border-line bg-surface text-lg disabled:opacity-40";
  return (
    <div>
      <div className="flex items-center gap-2">
        <form action={update}>
          <input type="hidden" name="productId" value={productId} />
          <input type="hidden" name="quantity" value={quantity - 1} />
          <button type="submit" className={btn} disabled={updating} aria-label={`One fewer ${title}`}>
            −
          </button>
        </form>
        <span className="min-w-8 text-center font-medium" data-testid="line-qty" aria-label={`Quantity of ${title}`}>
          {quantity}
        </span>
        <form action={update}>
          <input type="hidden" name="productId" value={productId} />
          <input type="hidden" name="quantity" value={quantity + 1} />
          <button type="submit" className={btn} disabled={updating || quantity >= max} aria-label={`One more ${title}`}>
            +
          </button>
        </form>
        <form action={remove} className="ml-2">
          <input type="hidden" name="productId" value={productId} />
          <button type="submit" className="tap px-2 text-sm text-muted underline" disabled={removing}>
            Remove<span className="sr-only"> {title}</span>
          </button>
        </form>
      </div>
      {error ? (
        <p role="alert" className="mt-1 text-sm text-danger">
          {error}
        </p>
      ) : null}
    </div>
  );
}
