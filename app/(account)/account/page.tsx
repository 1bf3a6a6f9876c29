import type { Metadata } from "next";
import { ButtonLink } from "@/components/ui/button-link";

export const metadata: Metadata = { title: "Your account", robots: { index: false } };

// Sign-in, orders and addresses come with issue 4 (Auth.js); imported customers already have
// demo logins in the database for it.
export default function AccountPage() {
  return (
    <section className="mx-auto max-w-md py-10 text-center">
      <h1 className="text-2xl font-semibold">Your account</h1>
      <p className="mt-3 text-muted">Signing in is not open yet. You can browse and search the whole shop meanwhile.</p>
      <div className="mt-6"><ButtonLink href="/shop">Browse the shop</ButtonLink></div>
    </section>
  );
}
