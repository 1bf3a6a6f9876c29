import Link from "next/link";
import { DealActiveToggle } from "@/components/admin/deals/deal-active-toggle";
import { getDealsForAdmin } from "@/lib/deals/admin-queries";
import { formatPrice } from "@/lib/format";
import { staffMetadata } from "@/lib/admin/action";

export const generateMetadata = staffMetadata("Deals");

const summary = (t: { segments?: string[]; lifecycle?: string[]; customers?: number[]; firstOrderOnly?: boolean }) =>
  [
    t.segments?.length ? `segments: ${t.segments.join(", ")}` : "",
    t.lifecycle?.length ? `stages: ${t.lifecycle.join(", ")}` : "",
    t.customers?.length ? `${t.customers.length} named customers` : "",
    t.firstOrderOnly ? "first order" : "",
  ]
    .filter(Boolean)
    .join(" · ") || "every signed-in customer";

/** Exclusive deals: who they are for, their redemptions, pause/resume. */
export default async function DealsPage() {
  const rows = await getDealsForAdmin();
  const now = new Date();
  return (
    <section>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">Deals</h1>
        <Link href="/admin/deals/new" className="tap inline-flex items-center rounded-full bg-accent px-5 font-semibold text-accent-ink">
          New deal
        </Link>
      </div>
      <div className="mt-6 overflow-x-auto" tabIndex={0} /* keyboard-scrollable when wider than the screen */>
        <table className="w-full min-w-[48rem] text-left text-sm [&_td]:pr-3 [&_th]:pr-3" data-testid="deals">
          <thead className="text-muted">
            <tr>
              <th className="py-2">Deal</th>
              <th>For</th>
              <th className="text-right">Redeemed</th>
              <th className="text-right">Discount given</th>
              <th>State</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.map(({ deal: d, redeemedBy, discountPence }) => {
              const state = !d.active
                ? "paused"
                : d.startsAt > now
                  ? "scheduled"
                  : d.endsAt && d.endsAt <= now
                    ? "ended"
                    : d.usageLimit !== null && d.redemptions >= d.usageLimit
                      ? "used up"
                      : "live";
              return (
                <tr key={d.id} className="border-t border-line">
                  <td className="py-2">
                    <Link href={`/admin/deals/${d.id}`} className="font-medium hover:underline">
                      {d.name}
                    </Link>
                    <br />
                    <code className="text-muted">{d.code}</code>
                  </td>
                  <td>{summary(d.targeting)}</td>
                  <td className="text-right tabular-nums">
                    {d.redemptions}
                    {d.usageLimit !== null ? ` / ${d.usageLimit}` : ""}
                    <br />
                    <span className="text-muted">{redeemedBy} customers</span>
                  </td>
                  <td className="text-right tabular-nums">{formatPrice(discountPence)}</td>
                  <td>{state}</td>
                  <td>
                    <DealActiveToggle id={d.id} active={d.active} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {!rows.length ? <p className="mt-4 text-muted">No deals yet.</p> : null}
      </div>
    </section>
  );
}
