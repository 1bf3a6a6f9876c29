import Link from "next/link";
import { ReturnSteps } from "@/components/admin/returns/return-steps";
import { formatDateTime, formatPrice } from "@/lib/format";
import { getAdminReturns } from "@/lib/returns/admin-queries";
import { RETURN_REASONS } from "@/lib/returns/request";
import { returnsListSchema } from "@/lib/returns/admin";
import { staffMetadata } from "@/lib/admin/action";

export const generateMetadata = staffMetadata("Returns");

const STATUSES = ["requested", "approved", "received", "refunded", "refused"] as const;

/** The returns queue: what needs a decision, a parcel or a refund first. */
export default async function ReturnsPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const p = returnsListSchema.parse(await searchParams);
  const list = await getAdminReturns(p);
  return (
    <section>
      <h1 className="text-2xl font-semibold">Returns</h1>
      <nav aria-label="Filter returns" className="mt-3 flex flex-wrap gap-2 text-sm">
        <Link href="/admin/returns" className={`tap inline-flex items-center rounded-full border px-3 ${!p.status ? "border-accent" : "border-line"}`}>
          All open first
        </Link>
        {STATUSES.map((s) => (
          <Link key={s} href={`/admin/returns?status=${s}`} className={`tap inline-flex items-center rounded-full border px-3 ${p.status === s ? "border-accent" : "border-line"}`}>
            {s}
          </Link>
        ))}
      </nav>
      {list.length ? null : <p className="mt-6 text-muted">No returns here.</p>}
      <ul className="mt-4 flex flex-col gap-4" data-testid="returns">
        {list.map((r) => (
          <li key={r.id} className="grid gap-4 rounded-lg border border-line bg-surface p-4 md:grid-cols-[1fr_20rem]" data-testid="return">
            <div className="text-sm">
              <p className="font-medium">
                Return {r.id} ·{" "}
                <Link className="underline" href={`/admin/orders/${r.number}`}>
                  order {r.number}
                </Link>{" "}
                · <span data-testid="return-status">{r.status}</span>
              </p>
              <p className="text-muted">
                {r.email ?? "erased customer"} · asked {formatDateTime(r.createdAt)}
              </p>
              <ul className="mt-2">
                {r.lines.map((l) => (
                  <li key={l.lineNo}>
                    {l.quantity} × {l.title} <code className="text-muted">{l.sku}</code> · {formatPrice(l.quantity * l.unitPricePence)}
                  </li>
                ))}
              </ul>
              {r.note ? <p className="mt-2">“{r.note}”</p> : null}
              {r.staffNote ? <p className="mt-1 text-muted">Our note: {r.staffNote}</p> : null}
              <p className="mt-2 text-xs text-muted">
                Paid {formatPrice(r.paid)} · refunded so far {formatPrice(r.refundedSoFar)}
              </p>
            </div>
            <ReturnSteps id={r.id} status={r.status} fullPence={r.full} deliveryPence={r.deliveryLeft} />
          </li>
        ))}
      </ul>
      <p className="mt-6 text-xs text-muted">Reasons customers choose from: {Object.values(RETURN_REASONS).join(", ")}.</p>
    </section>
  );
}
