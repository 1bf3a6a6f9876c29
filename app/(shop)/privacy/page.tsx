import type { Metadata } from "next";
import Link from "next/link";
import { ConsentForm } from "@/components/privacy/consent-form";
import { currentConsent } from "@/lib/cdp/track/request";
import { env } from "@/lib/env";

export const metadata: Metadata = { title: "Privacy choices" };

export default async function PrivacyPage() {
  const consent = await currentConsent();
  return (
    <section className="mx-auto max-w-2xl py-4">
      <h1 className="text-2xl font-semibold">Privacy choices</h1>
      <div className="mt-3 space-y-3 text-sm text-muted">
        <p>
          Hearth records what you do in the shop in three groups. <strong>Necessary</strong> records — your cart, sign-in, orders, deliveries and ratings — are kept because the
          shop cannot work without them.
        </p>
        <p>
          <strong>Analytics</strong> (pages and products you view, searches, cart changes) is only recorded if you allow it. <strong>Personalization</strong> (recently viewed,
          recommendations, deals for you) only happens if you allow it; otherwise everyone sees the same shop.
        </p>
        <p>
          {consent.gpc ? "Your browser sends Global Privacy Control, so both are off unless you switch them on here. " : ""}
          Visitors&apos; browsing that never becomes part of an account is deleted after {env().CDP_ANON_RETENTION_DAYS} days. Signed-in customers can download or erase everything
          on{" "}
          <Link className="underline" href="/account/your-data">
            Your data
          </Link>
          .
        </p>
      </div>
      <p className="mt-4 text-sm" data-testid="consent-state">
        Analytics: {consent.analytics ? "on" : "off"} · Personalization: {consent.personalization ? "on" : "off"}
      </p>
      <div className="mt-4">
        <ConsentForm analytics={consent.analytics} personalization={consent.personalization} />
      </div>
    </section>
  );
}
