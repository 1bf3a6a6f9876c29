import type { ChartTable } from "@/lib/kpi/charts";

/**
 * The cohort matrix as a heat map: a real table (rows are cohorts, columns months since the first
 * purchase) whose cells are shaded by retention, so it reads the same with or without colour.
 */
export function CohortHeatmap({ table, csvHref }: { table: ChartTable; csvHref: string }) {
  const months = table.columns.filter((c) => c.key.startsWith("m"));
  return (
    <figure className="rounded-2xl border border-line bg-surface p-4" aria-labelledby="cohorts-title">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="cohorts-title" className="font-semibold">
          {table.title}
        </h2>
        <a href={csvHref} download className="tap inline-flex items-center text-sm text-accent underline" data-testid="csv-cohorts">
          Download CSV<span className="sr-only"> of {table.title}</span>
        </a>
      </div>
      <figcaption className="text-sm text-muted">{table.description} Month 0 is the first month.</figcaption>
      <div className="mt-3 overflow-x-auto" tabIndex={0} /* keyboard-scrollable when wider than the screen */>
        <table className="text-right text-xs tabular-nums" data-testid="table-cohorts">
          <thead className="text-muted">
            <tr>
              <th scope="col" className="pr-3 text-left">
                Cohort
              </th>
              <th scope="col" className="pr-3">
                Customers
              </th>
              {months.map((m) => (
                <th key={m.key} scope="col" className="min-w-11 px-1">
                  {m.key.slice(1)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.length ? (
              table.rows.map((row) => (
                <tr key={String(row.cohort)}>
                  <th scope="row" className="pr-3 text-left font-normal">
                    {row.cohort}
                  </th>
                  <td className="pr-3">{Number(row.customers).toLocaleString("en-GB")}</td>
                  {months.map((m) => {
                    const v = row[m.key];
                    if (v === undefined || v === null) return <td key={m.key} />;
                    const pct = Number(v);
                    return (
                      <td
                        key={m.key}
                        className="px-1 py-1"
                        style={{
                          backgroundColor: `color-mix(in srgb, var(--color-accent, #b45309) ${Math.min(100, Math.round(pct))}%, transparent)`,
                          color: pct > 55 ? "white" : undefined,
                        }}
                      >
                        {pct.toFixed(0)}%
                      </td>
                    );
                  })}
                </tr>
              ))
            ) : (
              <tr>
                <td colSpan={2} className="text-left text-muted">
                  No first purchases in this range.
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
