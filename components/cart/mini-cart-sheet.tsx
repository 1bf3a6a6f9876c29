"use client";

import Link from "next/link";
import { createPortal } from "react-dom";
import type { CartSummary } from "@/lib/cart/actions";
import { formatPrice } from "@/lib/format";

/**
 * The mini-cart after an add: a sheet just above the tab bar on phones (in thumb reach), a card in
 * the corner on desktop. Portalled to <body> so no card's stacking context can cover it.
 */
export function MiniCartSheet({ summary, title, onClose }: { summary: CartSummary; title: string; onClose: () => void }) {
  return createPortal(
    <div
      role="status"
      data-testid="mini-cart"
      className="fixed inset-x-0 bottom-[calc(3.5rem+env(safe-area-inset-bottom))] z-40 rounded-t-xl border-t border-line bg-surface p-4 pb-4 shadow-card md:inset-x-auto md:bottom-6 md:right-6 md:w-96 md:rounded-lg md:border"
    >
      <p className="font-medium">Added to your cart</p>
      <ul className="mt-2 space-y-1 text-sm">
        {summary.lines.map((l) => (
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
          {summary.count} item{summary.count === 1 ? "" : "s"}
        </span>
        <span>{formatPrice(summary.subtotalPence)}</span>
      </p>
      <div className="mt-3 flex gap-3">
        <Link href="/cart" className="tap inline-flex flex-1 items-center justify-center rounded-full bg-accent px-4 text-sm font-semibold text-accent-ink">
          View cart
        </Link>
        <button type="button" onClick={onClose} className="tap flex-1 rounded-full border border-line px-4 text-sm">
          Keep shopping
        </button>
      </div>
    </div>,
    document.body,
  );
}
