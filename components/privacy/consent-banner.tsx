"use client";

import Link from "next/link";
import { useState } from "react";
import { ConsentForm } from "./consent-form";

/** First-visit consent banner, above the phone tab bar; nothing optional is on until the shopper says so. */
export function ConsentBanner() {
  const [open, setOpen] = useState(true);
  if (!open) return null;
  return (
    <section
      role="dialog"
      aria-labelledby="consent-title"
      className="fixed inset-x-2 bottom-[calc(4rem+env(safe-area-inset-bottom))] z-40 rounded-xl border border-line bg-surface p-4 shadow-lg md:inset-x-auto md:bottom-4 md:right-4 md:max-w-md"
    >
      <h2 id="consent-title" className="font-display text-lg font-semibold">
        Your privacy choices
      </h2>
      <p className="mt-1 text-sm text-muted">
        We use cookies the shop needs to work. With your OK we also learn what you browse and personalize the shop for you.{" "}
        <Link href="/privacy" className="underline">
          More
        </Link>
      </p>
      <div className="mt-3">
        <ConsentForm analytics={false} personalization={false} compact onSaved={() => setOpen(false)} />
      </div>
    </section>
  );
}
