import type { Metadata } from "next";
import Link from "next/link";
import { AddressBook } from "@/components/account/address-book";
import { getMyAddresses } from "@/lib/account/queries";
import { requireUser } from "@/lib/auth/current-user";

export const metadata: Metadata = { title: "Your addresses", robots: { index: false } };

export default async function AddressesPage() {
  await requireUser("/account/addresses");
  const addresses = await getMyAddresses();
  return (
    <section className="mx-auto max-w-4xl py-4">
      <p className="text-sm">
        <Link href="/account" className="text-muted hover:text-accent">
          Account
        </Link>
      </p>
      <h1 className="mt-1 text-2xl font-semibold">Your addresses</h1>
      <div className="mt-6">
        <AddressBook addresses={addresses} />
      </div>
    </section>
  );
}
