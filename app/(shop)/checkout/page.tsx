import crypto from "node:crypto";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { CheckoutForm } from "@/components/checkout/checkout-form";
import { getCheckoutContext } from "@/lib/checkout/queries";
import { getBasketDeals } from "@/lib/deals/queries";
import { DealCodeForm } from "@/components/deals/deal-code-form";
import { EVENTS } from "@/lib/cdp/track/events";
import { trackServer } from "@/lib/cdp/track/request";
import { getCurrentUser } from "@/lib/auth/current-user";
import { getCart } from "@/lib/cart/queries";
import { formatPrice } from "@/lib/format";

export const metadata: Metadata = { title: "Checkout", robots: { index: false } };

export default async function CheckoutPage() {
  // Signed in: saved addresses and the eco preference; otherwise a guest checkout.
  const user = await getCurrentUser();
  const [cart, ctx] = await Promise.all([getCart(), user ? getCheckoutContext(user.id) : { addresses: [], prefersEco: false }]);
  if (!cart.lines.length) redirect("/cart");
  const { deals, lines, code, codeProblem } = await getBasketDeals(cart);
  await trackServer(EVENTS.checkoutStarted, {
    value: cart.subtotalPence / 100,
    currency: "GBP",
    products: cart.lines.map((l) => ({ product_id: l.productId, quantity: l.quantity })),
  });
  return (
    <section className="py-2">
      <h1 className="text-2xl font-semibold">Checkout</h1>
      {cart.problems.length ? (
        <ul role="alert" className="mt-4 space-y-1 rounded-md bg-accent-soft p-3 text-sm text-danger">
          {cart.problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      ) : null}
      <div className="mt-4 grid gap-6 md:grid-cols-[1fr_18rem]">
        {/* A fresh key per page view: resubmitting this page (double tap, retry, back) finds the same order. */}
        <CheckoutForm
          idempotencyKey={crypto.randomUUID()}
          subtotalPence={cart.subtotalPence}
          saved={ctx.addresses}
          prefersEco={ctx.prefersEco}
          guest={!user}
          deals={deals}
          lines={lines}
        />
        <aside className="h-fit rounded-lg border border-line bg-surface p-4 text-sm" aria-labelledby="in-cart">
          <h2 id="in-cart" className="text-base font-semibold">
            In your cart
          </h2>
          <ul className="mt-2 space-y-1">
            {cart.lines.map((l) => (
              <li key={l.productId} className="flex justify-between gap-3">
                <span>
                  {l.quantity} × {l.title}
                </span>
                <span>{formatPrice(l.lineTotalPence)}</span>
              </li>
            ))}
          </ul>
          <DealCodeForm code={code} problem={codeProblem} />
        </aside>
      </div>
    </section>
  );
}
