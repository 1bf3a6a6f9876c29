import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SignUpForm } from "@/components/account/sign-up-form";
import { getCurrentUser } from "@/lib/auth/current-user";
import { safeNextPath } from "@/lib/auth/next-path";

export const metadata: Metadata = { title: "Create an account", robots: { index: false } };

type Props = { searchParams: Promise<{ next?: string }> };

export default async function SignUpPage({ searchParams }: Props) {
  const next = safeNextPath((await searchParams).next);
  if (await getCurrentUser()) redirect(next);
  return (
    <section className="mx-auto max-w-sm py-6">
      <h1 className="text-2xl font-semibold">Create an account</h1>
      <p className="mt-1 text-sm text-muted">Track deliveries, reorder favourites and get deals picked for you.</p>
      <div className="mt-6">
        <SignUpForm next={next} />
      </div>
      <p className="mt-8 text-center text-sm">
        Already have an account?{" "}
        <Link href={`/sign-in?next=${encodeURIComponent(next)}`} className="tap inline-flex items-center font-semibold text-accent underline">
          Sign in
        </Link>
      </p>
    </section>
  );
}
