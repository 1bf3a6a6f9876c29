import Link from "next/link";
import { RecomputeButton } from "@/components/admin/recompute-button";
import { Sparkline } from "@/components/charts/sparkline";
import { getSegmentsOverview } from "@/lib/cdp/admin-queries";
import { formatDateTime } from "@/lib/format";
import { staffMetadata } from "@/lib/admin/action";

export const generateMetadata = staffMetadata("Segments");

const KIND: Record<string, string> = { lifecycle: "Lifecycle", rfm: "RFM", custom: "Custom" };

/** Segment sizes (built-in lifecycle and RFM, and custom rules), as of the last recompute. */
export default async function SegmentsPage() {
  const segments = await getSegmentsOverview();
  return (
    <section>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">Segments</h1>
        <Link href="/admin/segments/new" className="tap inline-flex items-center rounded-full bg-accent px-5 font-semibold text-accent-ink">
          New segment
        </Link>
      </div>
      <p className="mt-1 max-w-prose text-sm text-muted">
        Recomputed on a schedule (<code>npm run cdp:recompute</code>) and for each customer after their orders, deliveries and ratings.
      </p>
      <div className="mt-6 overflow-x-auto" tabIndex={0} /* keyboard-scrollable when wider than the screen */>
        <table className="w-full min-w-[36rem] text-left text-sm [&_td]:pr-4 [&_th]:pr-4" data-testid="segments">
          <thead className="text-muted">
            <tr>
              <th className="py-2">Segment</th>
              <th>Kind</th>
              <th className="text-right">Customers</th>
              <th>Trend</th>
              <th>Updated</th>
            </tr>
          </thead>
          <tbody>
            {segments.map((s) => (
              <tr key={s.id} className="border-t border-line">
                <td className="py-2">
                  <span className="font-medium">{s.name}</span>
                  <br />
                  <span className="text-muted">{s.description}</span>
                </td>
                <td>{KIND[s.kind]}</td>
                <td className="text-right tabular-nums">{s.size.toLocaleString("en-GB")}</td>
                <td>
                  <Sparkline values={s.trend} label={`${s.name} size`} />
                </td>
                <td>{s.computedAt ? formatDateTime(s.computedAt) : "not yet"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="mt-6">
        <RecomputeButton />
      </div>
    </section>
  );
}
