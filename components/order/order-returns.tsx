import { formatPrice } from "@/lib/format";
import type { OrderReturn } from "@/lib/returns/request";

const LABEL: Record<string, string> = {
  requested: "Asked for, waiting for us",
  approved: "Approved: send it back",
  refused: "Refused",
  received: "Back with us",
  refunded: "Refunded",
};

/** An order's returns as the customer follows them: lines, where each stands, and the refund. */
export function OrderReturns({ returns }: { returns: OrderReturn[] }) {
  if (!returns.length) return null;
  return (
    <section className="mt-6" aria-labelledby="returns-heading">
      <h2 id="returns-heading" className="text-lg font-semibold">
        Returns
      </h2>
      <ul className="mt-2 flex flex-col gap-3 text-sm" data-testid="order-returns">
        {returns.map((r) => (
          <li key={r.id} className="rounded-md border border-line p-3">
            <p className="font-medium" data-testid="return-state">
              {LABEL[r.status] ?? r.status}
            </p>
            <ul className="text-muted">
              {r.lines.map((l) => (
                <li key={l.lineNo}>
                  {l.quantity} × {l.title} · {l.reasonLabel}
                </li>
              ))}
            </ul>
            {r.staffNote ? <p className="mt-1">From us: {r.staffNote}</p> : null}
            {r.refund ? (
              <p className="mt-1 font-medium" data-testid="return-refund">
                Refund {r.refund.number}: {formatPrice(-r.refund.totalPence)}
              </p>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
