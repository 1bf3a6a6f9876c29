"use client";

import Link from "next/link";
import { useEffect } from "react";

/** The 500 page for a failed render: no internals shown, a retry and a way home. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <main id="main" className="mx-auto max-w-md px-4 py-16 text-center">
      <p className="text-sm font-semibold uppercase tracking-wide text-accent">Something went wrong</p>
      <h1 className="mt-2 text-2xl font-semibold">Sorry, this page didn’t load</h1>
      <p className="mt-3 text-muted">It’s our fault, not yours. Please try again in a moment.</p>
      {error.digest ? <p className="mt-2 text-xs text-muted">Reference: {error.digest}</p> : null}
      <div className="mt-6 flex justify-center gap-3">
        <button type="button" onClick={reset} className="tap rounded-full bg-accent px-5 text-sm font-semibold text-accent-ink">
          Try again
        </button>
        <Link href="/" className="tap inline-flex items-center rounded-full border border-line px-5 text-sm">
          Home
        </Link>
      </div>
    </main>
  );
}
