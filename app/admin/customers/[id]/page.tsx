import Link from "next/link";
import { notFound } from "next/navigation";
import { DeliveriesTable, EventsTimeline, OrdersTable, RatingsList, Section } from "@/components/admin/customers/customer-sections";
import { getCustomer360 } from "@/lib/customers/admin-queries";
import { formatPrice } from "@/lib/format";
import { staffMetadata } from "@/lib/admin/action";

export const generateMetadata = staffMetadata("Customer");

/** One customer, all in one place: profile, segments, consent, orders, deliveries, ratings, events, deals. */
export default async function CustomerPage({ params }: { params: Promise<{ id: string }> }) {
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id < 1 || id > 2_147_483_647) notFound();
  const c = await getCustomer360(id);
  if (!c) notFound();
  const p = c.profile;
  const facts: [string, string][] = [
    ["Customer number", `#${c.user.id}${c.user.externalId ? ` (source ${c.user.externalId})` : ""}`],
    ["Country", c.user.country ?? "—"],
    ["Lifecycle", p?.lifecycle ?? "—"],
    ["RFM", p?.rScore ? `R${p.rScore} F${p.fScore} M${p.mScore}` : "—"],
    ["Orders", String(p?.ordersCount ?? 0)],
    ["Lifetime value", formatPrice(p?.lifetimeValuePence ?? 0)],
    ["Average order", formatPrice(p?.aovPence ?? 0)],
    ["Last order", p?.lastOrderAt ? p.lastOrderAt.toLocaleDateString("en-GB") : "—"],
    ["Devices (events)", p ? `${p.mobileEvents} phone · ${p.tabletEvents} tablet · ${p.desktopEvents} desktop` : "—"],
    [
      "Consent",
      c.consent ? `analytics ${c.consent.analytics ? "yes" : "no"} · personalization ${c.consent.personalization ? "yes" : "no"}${c.consent.gpc ? " (GPC)" : ""}` : "not given",
    ],
  ];
  return (
    <article>
      <p className="text-sm">
        <Link href="/admin/customers" className="underline">
          Customers
        </Link>
      </p>
      <h1 className="mt-1 text-2xl font-semibold">{c.user.name ?? c.user.email}</h1>
      <p className="text-sm text-muted">
        {c.user.email} · customer since {c.user.createdAt.toLocaleDateString("en-GB")}
      </p>
      <dl className="mt-6 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2 lg:grid-cols-3" data-testid="customer-profile">
        {facts.map(([k, v]) => (
          <div key={k}>
            <dt className="text-muted">{k}</dt>
            <dd className="font-medium">{v}</dd>
          </div>
        ))}
      </dl>
      <Section title="Segments" testId="customer-segments">
        {c.segments.length ? (
          <ul className="flex flex-wrap gap-2 text-sm">
            {c.segments.map((s) => (
              <li key={s.slug} className="rounded-full bg-sunken px-3 py-1">
                {s.name}
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-muted">In no segment.</p>
        )}
      </Section>
      <Section title="Orders" testId="customer-orders">
        <OrdersTable rows={c.orders} />
      </Section>
      <Section title="Deliveries" testId="customer-deliveries">
        <DeliveriesTable rows={c.deliveries} />
      </Section>
      <Section title="Ratings (CSAT)" testId="customer-ratings">
        <RatingsList rows={c.ratings} />
      </Section>
      <Section title="Deals redeemed" testId="customer-deals">
        {c.redeemed.length ? (
          <ul className="text-sm">
            {c.redeemed.map((r) => (
              <li key={`${r.code}-${r.number}`}>
                <code>{r.code}</code> {r.name} on <code>{r.number}</code>: {formatPrice(r.discountPence)}
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-muted">None.</p>
        )}
      </Section>
      <Section title="Recent activity" testId="customer-events">
        <EventsTimeline rows={c.events} />
      </Section>
      <p className="mt-8 text-sm">
        <Link className="underline" href={`/admin/audit?entity=user&entityId=${c.user.id}`}>
          Staff changes to this account
        </Link>
      </p>
    </article>
  );
}
