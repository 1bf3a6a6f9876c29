import type { ChartTable } from "@/lib/kpi/charts";
import { DataTable } from "./data-table";
import { KpiChart } from "./kpi-chart";

/** A chart with its definition, a table view of the same numbers and a CSV download. */
export function ChartCard({ table, csvHref, chart = true }: { table: ChartTable; csvHref: string; chart?: boolean }) {
  return (
    <figure className="rounded-2xl border border-line bg-surface p-4" aria-labelledby={`chart-${table.key}-title`}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={`chart-${table.key}-title`} className="font-semibold">
          {table.title}
        </h2>
        <a href={csvHref} download className="tap inline-flex items-center text-sm text-accent underline" data-testid={`csv-${table.key}`}>
          Download CSV<span className="sr-only"> of {table.title}</span>
        </a>
      </div>
      <figcaption className="text-sm text-muted">{table.description}</figcaption>
      {chart && table.rows.length ? (
        <div className="mt-3">
          <KpiChart table={table} />
        </div>
      ) : null}
      {chart ? (
        <details className="mt-2 text-sm">
          <summary className="tap inline-flex cursor-pointer items-center text-muted">Table view</summary>
          <DataTable table={table} caption={table.title} />
        </details>
      ) : (
        <div className="mt-3">
          <DataTable table={table} caption={table.title} />
        </div>
      )}
    </figure>
  );
}
