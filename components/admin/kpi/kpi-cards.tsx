import { formatChange, formatValue, type Headline } from "@/lib/kpi/headlines";

/** The headline numbers, each with its change against the previous period and its definition. */
export function KpiCards({ items }: { items: Headline[] }) {
  return (
    <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4" data-testid="kpi-cards">
      {items.map((h) => {
        const change = formatChange(h.unit, h.value, h.previous);
        return (
          <li key={h.key} className="rounded-2xl border border-line bg-surface p-4" data-kpi={h.key}>
            <h3 className="text-sm text-muted">{h.label}</h3>
            <p className="mt-1 text-2xl font-semibold tabular-nums" data-testid={`kpi-${h.key}`}>
              {formatValue(h.unit, h.value)}
            </p>
            {h.previous !== null ? (
              <p className="text-xs text-muted">
                {change ? <span className="font-medium text-ink">{change}</span> : null} previous {formatValue(h.unit, h.previous)}
              </p>
            ) : null}
            <p className="mt-2 text-xs text-muted">{h.definition}</p>
          </li>
        );
      })}
    </ul>
  );
}
