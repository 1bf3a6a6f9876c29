import type { Metadata } from "next";
import { ButtonLink } from "@/components/ui/button-link";

export const metadata: Metadata = { title: "Cart", robots: { index: false } };

// The database-backed cart (guest cookie, merge on sign-in, stock checks) is issue 4.
export default function CartPage() {
  return (
    <section className="mx-auto max-w-md py-10 text-center">
      <h1 className="text-2xl font-semibold">Your cart</h1>
      <p className="mt-3 text-muted">Your cart is empty.</p>
      <div className="mt-6"><ButtonLink href="/shop">Start shopping</ButtonLink></div>
    </section>
  );
}
