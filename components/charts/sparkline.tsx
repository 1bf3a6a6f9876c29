/** A tiny inline trend line (no axes), with the change over the period as text for screen readers and everyone. */
export function Sparkline({ values, label }: { values: number[]; label: string }) {
  if (values.length < 2) return <span className="text-muted">—</span>;
  const w = 80,
    h = 20,
    min = Math.min(...values),
    max = Math.max(...values),
    span = max - min || 1;
  const points = values.map((v, i) => `${((i / (values.length - 1)) * w).toFixed(1)},${(h - ((v - min) / span) * h).toFixed(1)}`).join(" ");
  const delta = values.at(-1)! - values[0]!;
  return (
    <span className="inline-flex items-center gap-2">
      <svg width={w} height={h} viewBox={`0 0 ${w} ${h}`} aria-hidden="true" className="overflow-visible text-accent">
        <polyline points={points} fill="none" stroke="currentColor" strokeWidth="1.5" />
      </svg>
      <span className="tabular-nums text-muted" aria-label={`${label}: ${delta >= 0 ? "up" : "down"} ${Math.abs(delta)} over the last ${values.length} recomputes`}>
        {delta > 0 ? "+" : ""}
        {delta.toLocaleString("en-GB")}
      </span>
    </span>
  );
}
