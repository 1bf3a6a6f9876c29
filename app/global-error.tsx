"use client";

import "./globals.css";

/** Last resort when the root layout itself fails: a self-contained 500 page. */
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en-GB">
      <body>
        <main className="mx-auto max-w-md px-4 py-16 text-center">
          <h1 className="text-2xl font-semibold">Sorry, Hearth is having trouble</h1>
          <p className="mt-3">Please try again in a moment.</p>
          {error.digest ? <p className="mt-2 text-xs">Reference: {error.digest}</p> : null}
          <button type="button" onClick={reset} className="tap mt-6 rounded-full bg-accent px-5 text-sm font-semibold text-accent-ink">
            Try again
          </button>
        </main>
      </body>
    </html>
  );
}
