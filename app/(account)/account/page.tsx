import type { Metadata } from "next";
import Link from "next/link";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { ProfileForm } from "@/components/account/profile-form";
import { SignOutButton } from "@/components/account/sign-out-button";
import { requireUser } from "@/lib/auth/current-user";
import { getOrdersAwaitingRating } from "@/lib/orders/queries";

export const metadata: Metadata = { title: "Your account", robots: { index: false } };

export default async function AccountPage({ searchParams }: { searchParams: Promise<{ password?: string }> }) {
  const user = await requireUser("/account");
  const sp = await searchParams;
  const toRate = await getOrdersAwaitingRating();
  return (
    <section className="mx-auto max-w-2xl py-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">Hello, {user.name ?? "there"}</h1>
          <p className="text-sm text-muted" data-testid="account-email">
            {user.email}
          </p>
        </div>
        <SignOutButton />
      </div>
      {sp.password === "changed" ? (
        <p role="status" className="mt-4 rounded-md bg-sunken p-3 text-sm text-success">
          Password changed. Other devices have been signed out.
        </p>
      ) : null}
      {toRate.length ? (
        <section aria-labelledby="rate-orders" className="mt-6 rounded-lg bg-accent-soft p-4" data-testid="rate-prompt">
          <h2 id="rate-orders" className="font-semibold">
            How did we do?
          </h2>
          <ul className="mt-1 text-sm">
            {toRate.map((o) => (
              <li key={o.number}>
                <Link href={`/account/orders/${o.number}#rate`} className="tap inline-flex items-center text-accent underline">
                  Rate order {o.number}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <nav aria-label="Account" className="mt-6 flex flex-wrap gap-3">
        <Link href="/account/orders" className="tap inline-flex items-center rounded-full bg-accent px-5 text-sm font-semibold text-accent-ink">
          Your orders
        </Link>
        <Link href="/account/addresses" className="tap inline-flex items-center rounded-full border border-line px-5 text-sm font-medium">
          Addresses
        </Link>
        <Link href="/account/your-data" className="tap inline-flex items-center rounded-full border border-line px-5 text-sm font-medium">
          Your data
        </Link>
      </nav>
      <div className="mt-8 grid gap-8 md:grid-cols-2">
        <section aria-labelledby="profile">
          <h2 id="profile" className="text-lg font-semibold">
            Profile
          </h2>
          <div className="mt-3">
            <ProfileForm name={user.name ?? ""} />
          </div>
        </section>
        <section aria-labelledby="password">
          <h2 id="password" className="text-lg font-semibold">
            Password
          </h2>
          <div className="mt-3">
            <ChangePasswordForm />
          </div>
        </section>
      </div>
    </section>
  );
}
