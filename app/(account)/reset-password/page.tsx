import type { Metadata } from "next";
import Link from "next/link";
import { ResetPasswordForm } from "@/components/account/reset-password-form";

export const metadata: Metadata = { title: "Choose a new password", robots: { index: false }, referrer: "no-referrer" };

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const token = (await searchParams).token ?? "";
  return (
    <section className="mx-auto max-w-sm py-6">
      <h1 className="text-2xl font-semibold">Choose a new password</h1>
      {token ? (
        <div className="mt-6">
          <ResetPasswordForm token={token} />
        </div>
      ) : (
        <p className="mt-4 text-muted">
          This link is incomplete.{" "}
          <Link href="/forgot-password" className="text-accent underline">
            Ask for a new one
          </Link>
          .
        </p>
      )}
    </section>
  );
}
