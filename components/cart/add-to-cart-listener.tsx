"use client";

import { useEffect, useState } from "react";
import { addToCart, type CartSummary } from "@/lib/cart/actions";
import type { ActionResult } from "@/lib/result";
import { MiniCartSheet } from "./mini-cart-sheet";

/**
 * One listener for every product card's "Add" form (`data-add-to-cart`), so cards need no client
 * component each: it takes the submit over before React's own form handling sees it, shows "Adding…", calls the same server action and opens the mini-cart. Without scripts
 * the form posts as it is and the page re-renders with the cart changed.
 */
export function AddToCartListener() {
  const [shown, setShown] = useState<{ title: string; result: ActionResult<CartSummary> } | null>(null);
  useEffect(() => {
    const onSubmit = (event: SubmitEvent) => {
      const form = event.target;
      if (!(form instanceof HTMLFormElement) || !form.hasAttribute("data-add-to-cart")) return;
      event.preventDefault();
      event.stopPropagation();
      const button = form.querySelector<HTMLButtonElement>("button[type=submit]");
      if (!button || button.disabled) return;
      const label = button.textContent;
      button.disabled = true;
      button.textContent = "Adding…";
      void addToCart(null, new FormData(form))
        .catch((): ActionResult<CartSummary> => ({ ok: false, error: "Could not add it: check your connection and try again." }))
        // The product's name is its card's title (not repeated on the form: it would be, in every card).
        .then((result) => setShown({ title: form.closest("article")?.querySelector("h3")?.textContent ?? "", result }))
        .finally(() => {
          button.disabled = false;
          button.textContent = label;
        });
    };
    // On window, capturing: before React's own listeners on the document (its root) see the submit.
    window.addEventListener("submit", onSubmit, true);
    return () => window.removeEventListener("submit", onSubmit, true);
  }, []);

  if (!shown) return null;
  if (shown.result.ok) return <MiniCartSheet summary={shown.result.data} title={shown.title} onClose={() => setShown(null)} />;
  return (
    <p
      role="alert"
      className="fixed inset-x-4 bottom-[calc(4rem+env(safe-area-inset-bottom))] z-40 rounded-lg border border-line bg-surface p-3 text-sm text-danger shadow-card md:inset-x-auto md:right-6"
    >
      {shown.result.error}
    </p>
  );
}
