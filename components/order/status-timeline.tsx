const LABEL: Record<string, string> = {
  placed: "Order placed",
  packed: "Packed",
  dispatched: "Dispatched",
  out_for_delivery: "Out for delivery",
  delivered: "Delivered",
  failed_attempt: "Delivery attempt failed",
  cancelled: "Cancelled",
};
export const statusLabel = (s: string) => LABEL[s] ?? s;

const fmt = (d: Date | string) =>
  new Date(d).toLocaleString("en-GB", { weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", timeZone: "Europe/London" });

/** The shipment's history, newest last, with the steps still to come greyed out. */
export function StatusTimeline({ events, status }: { events: { status: string; at: Date | string; note: string }[]; status: string }) {
  const upcoming = ["placed", "packed", "dispatched", "out_for_delivery", "delivered"].filter(
    (s) => !events.some((e) => e.status === s) && status !== "cancelled" && status !== "delivered",
  );
  return (
    <ol className="relative ml-3 border-l-2 border-line" data-testid="timeline">
      {events.map((e, i) => (
        <li key={i} className="mb-4 ml-5">
          <span
            className={`absolute -left-[9px] mt-1 h-4 w-4 rounded-full ${e.status === "failed_attempt" || e.status === "cancelled" ? "bg-danger" : "bg-accent"}`}
            aria-hidden="true"
          />
          <p className="font-medium">{statusLabel(e.status)}</p>
          <p className="text-sm text-muted">
            {fmt(e.at)}
            {e.note ? ` · ${e.note}` : ""}
          </p>
        </li>
      ))}
      {upcoming.map((s) => (
        <li key={s} className="mb-4 ml-5 text-muted">
          <span className="absolute -left-[9px] mt-1 h-4 w-4 rounded-full border-2 border-line bg-canvas" aria-hidden="true" />
          <p>{statusLabel(s)}</p>
        </li>
      ))}
    </ol>
  );
}
