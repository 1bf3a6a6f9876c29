import type { Metadata } from "next";
import { THUMB_WIDTHS } from "@/lib/catalog/image-urls";
import Link from "next/link";
import { Suspense } from "react";
import { CompleteTheLook } from "@/components/recs/complete-the-look";
import { CartLineControls } from "@/components/cart/cart-line-controls";
import { ProductImage } from "@/components/product/product-image";
import { ButtonLink } from "@/components/ui/button-link";
import { getCart } from "@/lib/cart/queries";
import { getBasketDeals } from "@/lib/deals/queries";
import { DealCodeForm } from "@/components/deals/deal-code-form";
import { MAX_LINE_QTY } from "@/lib/cart/store";
import { formatPrice } from "@/lib/format";

export const metadata: Metadata = { title: "Your cart", robots: { index: false } };

export default async function CartPage() {
  const cart = await getCart();
  const offer = cart.lines.length ? await getBasketDeals(cart) : null;
  const discount = offer?.applied.reduce((n, d) => n + d.discountPence, 0) ?? 0;
  if (!cart.lines.length) {
    return (
      <section className="mx-auto max-w-md py-10 text-center">
        <h1 className="text-2xl font-semibold">Your cart</h1>
        <p className="mt-3 text-muted" data-testid="cart-empty">
          Your cart is empty.
        </p>
        <div className="mt-6">
          <ButtonLink href="/shop">Start shopping</ButtonLink>
        </div>
      </section>
    );
  }
  return (
    <section className="py-2">
      <h1 className="text-2xl font-semibold">Your cart</h1>
      {cart.problems.length ? (
        <ul role="alert" className="mt-4 space-y-1 rounded-md bg-accent-soft p-3 text-sm text-danger">
          {cart.problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      ) : null}
      <div className="mt-6 grid gap-8 md:grid-cols-[1fr_20rem]">
        <ul className="divide-y divide-line" data-testid="cart-lines">
          {cart.lines.map((l) => (
            <li key={l.productId} className="flex gap-4 py-4" data-testid="cart-line">
              {/* The picture repeats the title's link: out of the tab order and hidden from screen readers. */}
              <Link href={`/product/${l.slug}`} className="w-24 shrink-0" tabIndex={-1} aria-hidden="true">
                <ProductImage sku={l.sku} version={l.imageVersion} alt="" sizes="96px" widths={THUMB_WIDTHS} />
              </Link>
              <div className="flex min-w-0 flex-1 flex-col gap-2">
                <div className="flex justify-between gap-3">
                  <Link href={`/product/${l.slug}`} className="font-medium hover:text-accent">
                    {l.title}
                  </Link>
                  <span className="font-semibold">{formatPrice(l.lineTotalPence)}</span>
                </div>
                <p className="text-sm text-muted">{formatPrice(l.unitPricePence)} each</p>
                <CartLineControls productId={l.productId} quantity={l.quantity} title={l.title} max={Math.min(MAX_LINE_QTY, l.stock)} />
              </div>
            </li>
          ))}
        </ul>
        <aside className="h-fit rounded-lg border border-line bg-surface p-4" aria-labelledby="summary">
          <h2 id="summary" className="text-lg font-semibold">
            Summary
          </h2>
          <dl className="mt-3 space-y-2 text-sm">
            <div className="flex justify-between">
              <dt>Items</dt>
              <dd data-testid="cart-item-count">{cart.count}</dd>
            </div>
            <div className="flex justify-between text-base font-semibold">
              <dt>Subtotal</dt>
              <dd data-testid="cart-subtotal">{formatPrice(cart.subtotalPence)}</dd>
            </div>
            {discount ? (
              <div className="flex justify-between text-accent" data-testid="cart-discount">
                <dt>{offer!.applied.map((d) => d.name).join(" + ")}</dt>
                <dd>−{formatPrice(discount)}</dd>
              </div>
            ) : null}
          </dl>
          <DealCodeForm code={cart.code} problem={offer?.codeProblem ?? null} />
          <p className="mt-2 text-xs text-muted">Delivery options, including cargo bike and EV, are chosen at checkout.</p>
          {cart.problems.length ? (
            <p className="mt-4 text-sm text-danger">Fix the items above to check out.</p>
          ) : (
            <Link href="/checkout" className="tap mt-4 flex w-full items-center justify-center rounded-full bg-accent px-6 font-semibold text-accent-ink">
              Checkout
            </Link>
          )}
        </aside>
      </div>
      <Suspense fallback={null}>
        <CompleteTheLook productIds={cart.lines.map((l) => l.productId)} />
      </Suspense>
    </section>
  );
}
