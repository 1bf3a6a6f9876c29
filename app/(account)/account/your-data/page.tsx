import type { Metadata } from "next";
import Link from "next/link";
import { ConsentForm } from "@/components/privacy/consent-form";
import { DeleteAccountForm } from "@/components/privacy/delete-account-form";
import { ProfileSummary } from "@/components/privacy/profile-summary";
import { requireUser } from "@/lib/auth/current-user";
import { getYourData } from "@/lib/cdp/queries";

export const metadata: Metadata = { title: "Your data", robots: { index: false } };

export default async function YourDataPage() {
  const user = await requireUser("/account/your-data");
  const data = await getYourData(user.id);
  return (
    <section className="mx-auto max-w-3xl py-4">
      <p className="text-sm">
        <Link href="/account" className="text-accent underline">
          Account
        </Link>
      </p>
      <h1 className="mt-1 text-2xl font-semibold">Your data</h1>
      <p className="mt-2 text-sm text-muted">What Hearth keeps about you, how it is used, and how to take it with you or have it erased.</p>

      <section aria-labelledby="profile-h" className="mt-8">
        <h2 id="profile-h" className="text-lg font-semibold">
          Your profile
        </h2>
        <p className="mt-1 text-sm text-muted">
          Built from your orders, deliveries, ratings{data.consent.analytics ? " and browsing" : ""}, on {data.devices || "no"} linked device{data.devices === 1 ? "" : "s"}.
        </p>
        <div className="mt-3">{data.profile ? <ProfileSummary profile={data.profile} segments={data.segments} /> : <p className="text-sm">Nothing yet.</p>}</div>
      </section>

      <section aria-labelledby="consent-h" className="mt-10">
        <h2 id="consent-h" className="text-lg font-semibold">
          Privacy choices
        </h2>
        <p className="mt-1 text-sm text-muted" data-testid="consent-state">
          Analytics: {data.consent.analytics ? "on" : "off"} · Personalization: {data.consent.personalization ? "on" : "off"}
          {data.consent.gpc ? " · your browser sends Global Privacy Control" : ""}
        </p>
        <div className="mt-3">
          <ConsentForm analytics={data.consent.analytics} personalization={data.consent.personalization} />
        </div>
      </section>

      <section aria-labelledby="activity-h" className="mt-10">
        <h2 id="activity-h" className="text-lg font-semibold">
          Recent activity
        </h2>
        <p className="mt-1 text-sm text-muted">
          <span data-testid="event-counts">
            {data.eventCounts.necessary} order and account events, {data.eventCounts.analytics} browsing events
          </span>
          . Browsing is only recorded with analytics consent.
        </p>
        <ul className="mt-3 divide-y divide-line text-sm" data-testid="recent-events">
          {data.recent.map((e) => (
            <li key={e.id} className="flex justify-between gap-3 py-2">
              <span>{e.type === "track" ? e.event : e.type === "page" ? `Viewed page${e.event ? `: ${e.event}` : ""}` : e.type}</span>
              <span className="text-muted">
                {e.deviceType ? `${e.deviceType} · ` : ""}
                {e.timestamp.toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" })}
              </span>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="export-h" className="mt-10">
        <h2 id="export-h" className="text-lg font-semibold">
          Download your data
        </h2>
        <p className="mt-1 text-sm text-muted">Everything above and more — account, addresses, orders, deliveries, ratings, events, consent and segments — as one JSON file.</p>
        <a href="/account/your-data/export" download className="tap mt-3 inline-flex items-center rounded-full border border-line px-5 text-sm font-semibold">
          Download (JSON)
        </a>
      </section>

      <section aria-labelledby="delete-h" className="mt-10 rounded-lg border border-danger/40 p-4">
        <h2 id="delete-h" className="text-lg font-semibold">
          Delete your account
        </h2>
        <p className="mt-1 text-sm text-muted">
          We erase your account, addresses, browsing and profile straight away. Orders stay in our accounts for tax law, without your name, email or address. This cannot be undone.
        </p>
        <div className="mt-3 max-w-sm">
          <DeleteAccountForm />
        </div>
      </section>
    </section>
  );
}
