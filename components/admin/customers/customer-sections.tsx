import Link from "next/link";
import { formatCo2, formatDateTime, formatPrice } from "@/lib/format";

const when = (d: Date | null) => (d ? formatDateTime(d) : "—");
const table = "w-full min-w-[32rem] text-left text-sm [&_td]:pr-3 [&_th]:pr-3";

export function Section({ title, testId, children }: { title: string; testId: string; children: React.ReactNode }) {
  return (
    <section className="mt-8" data-testid={testId}>
      <h2 className="text-lg font-semibold">{title}</h2>
      <div className="mt-2 overflow-x-auto" tabIndex={0} /* keyboard-scrollable when wider than the screen */>
        {children}
      </div>
    </section>
  );
}

export function OrdersTable({ rows }: { rows: { id: number; number: string; placedAt: Date; status: string; kind: string; totalPence: number; source: string }[] }) {
  if (!rows.length) return <p className="text-sm text-muted">No orders.</p>;
  return (
    <table className={table}>
      <thead className="text-muted">
        <tr>
          <th className="py-1">Order</th>
          <th>Placed</th>
          <th>Status</th>
          <th>Source</th>
          <th className="text-right">Total</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((o) => (
          <tr key={o.id} className="border-t border-line">
            <td className="py-1">
              <Link className="underline" href={`/admin/orders/${o.number}`}>
                <code>{o.number}</code>
              </Link>
              {o.kind === "refund" ? " (refund)" : ""}
            </td>
            <td>{when(o.placedAt)}</td>
            <td>{o.status}</td>
            <td>{o.source}</td>
            <td className="text-right tabular-nums">{formatPrice(o.totalPence)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function DeliveriesTable({
  rows,
}: {
  rows: { id: number; number: string; method: string; status: string; promisedTo: Date; deliveredAt: Date | null; onTime: boolean | null; co2Grams: number }[];
}) {
  if (!rows.length) return <p className="text-sm text-muted">No deliveries.</p>;
  return (
    <table className={table}>
      <thead className="text-muted">
        <tr>
          <th className="py-1">Order</th>
          <th>Method</th>
          <th>Status</th>
          <th>Promised by</th>
          <th>Delivered</th>
          <th className="text-right">CO₂</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((s) => (
          <tr key={s.id} className="border-t border-line">
            <td className="py-1">
              <Link className="underline" href={`/admin/orders/${s.number}`}>
                <code>{s.number}</code>
              </Link>
            </td>
            <td>{s.method}</td>
            <td>{s.status}</td>
            <td>{when(s.promisedTo)}</td>
            <td>{s.deliveredAt ? `${when(s.deliveredAt)}${s.onTime === false ? " (late)" : ""}` : "—"}</td>
            <td className="text-right tabular-nums">{formatCo2(s.co2Grams)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function RatingsList({ rows }: { rows: { number: string; orderRating: number; deliveryRating: number; comment: string; at: Date }[] }) {
  if (!rows.length) return <p className="text-sm text-muted">No ratings.</p>;
  return (
    <ul className="flex flex-col gap-2 text-sm">
      {rows.map((r) => (
        <li key={r.number} className={`rounded-md border p-2 ${Math.min(r.orderRating, r.deliveryRating) <= 2 ? "border-danger" : "border-line"}`}>
          <code>{r.number}</code> · order {r.orderRating}/5 · delivery {r.deliveryRating}/5 · {when(r.at)}
          {Math.min(r.orderRating, r.deliveryRating) <= 2 ? <strong className="ml-2 text-danger">needs follow-up</strong> : null}
          {r.comment ? <p className="mt-1 text-muted">“{r.comment}”</p> : null}
        </li>
      ))}
    </ul>
  );
}

export function EventsTimeline({
  rows,
}: {
  rows: { id: number; event: string | null; type: string; deviceType: string | null; properties: Record<string, unknown>; timestamp: Date }[];
}) {
  if (!rows.length) return <p className="text-sm text-muted">No events (or no analytics consent).</p>;
  return (
    <ol className="flex flex-col gap-1 text-sm">
      {rows.map((e) => (
        <li key={e.id} className="flex flex-wrap gap-x-3 border-t border-line py-1">
          <span className="tabular-nums text-muted">{when(e.timestamp)}</span>
          <strong>{e.event ?? e.type}</strong>
          <span className="text-muted">{e.deviceType ?? ""}</span>
          <span className="truncate text-muted">
            {Object.entries(e.properties)
              .slice(0, 3)
              .map(([k, v]) => `${k}: ${typeof v === "object" ? JSON.stringify(v) : String(v)}`)
              .join(" · ")}
          </span>
        </li>
      ))}
    </ol>
  );
}
