import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/account/sign-in-form";
import { getCurrentUser } from "@/lib/auth/current-user";
import { oauthProviders, signIn } from "@/lib/auth";
import { safeNextPath } from "@/lib/auth/next-path";

export const metadata: Metadata = { title: "Sign in", robots: { index: false } };

type Props = { searchParams: Promise<{ next?: string; reset?: string }> };

export default async function SignInPage({ searchParams }: Props) {
  const sp = await searchParams;
  const next = safeNextPath(sp.next);
  if (await getCurrentUser()) redirect(next);
  const providers = oauthProviders().map((p) => (typeof p === "function" ? p() : p));
  return (
    <section className="mx-auto max-w-sm py-6">
      <h1 className="text-2xl font-semibold">Sign in</h1>
      <p className="mt-1 text-sm text-muted">Your orders, saved addresses and your own deals.</p>
      {sp.reset ? (
        <p role="status" className="mt-4 rounded-md bg-sunken p-3 text-sm text-success">
          Your password was changed. Sign in with the new one.
        </p>
      ) : null}
      <div className="mt-6">
        <SignInForm next={next} />
      </div>
      {providers.length ? (
        <div className="mt-6 flex flex-col gap-2 border-t border-line pt-6">
          {providers.map((p) => (
            <form
              key={p.id}
              action={async () => {
                "use server";
                await signIn(p.id, { redirectTo: next });
              }}
            >
              <button type="submit" className="tap w-full rounded-full border border-line bg-surface px-4 text-sm font-medium">
                Continue with {p.name}
              </button>
            </form>
          ))}
        </div>
      ) : null}
      <p className="mt-8 text-center text-sm">
        New here?{" "}
        <Link href={`/sign-up?next=${encodeURIComponent(next)}`} className="tap inline-flex items-center font-semibold text-accent underline">
          Create an account
        </Link>
      </p>
    </section>
  );
}
