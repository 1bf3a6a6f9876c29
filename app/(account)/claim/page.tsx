import type { Metadata } from "next";
import Link from "next/link";
import { ClaimForm } from "@/components/account/claim-form";
import { getClaim } from "@/lib/account/queries";

export const metadata: Metadata = { title: "Save your details", robots: { index: false }, referrer: "no-referrer" };

/** The emailed link that proves a guest's address: set a password, or join the orders to the existing account. */
export default async function ClaimPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const token = (await searchParams).token ?? "";
  const info = token ? await getClaim(token) : null;
  return (
    <section className="mx-auto max-w-sm py-6">
      <h1 className="text-2xl font-semibold">Save your details</h1>
      {info ? (
        <>
          <p className="mt-2 text-sm text-muted">
            {info.hasAccount
              ? `${info.email} already has an account: your guest orders${info.orderNumber ? `, ${info.orderNumber} among them,` : ""} will be added to it. Then sign in as usual.`
              : `An account for ${info.email}${info.orderNumber ? ` with order ${info.orderNumber}` : ""}: choose a password to finish.`}
          </p>
          <div className="mt-6">
            <ClaimForm token={token} hasAccount={info.hasAccount} />
          </div>
        </>
      ) : (
        <p className="mt-4 text-muted" data-testid="claim-invalid">
          This link is invalid, used or expired. Open your order from the confirmation email and ask for a new one, or{" "}
          <Link href="/sign-in" className="text-accent underline">
            sign in
          </Link>
          .
        </p>
      )}
    </section>
  );
}
