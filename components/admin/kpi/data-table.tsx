import type { ChartTable } from "@/lib/kpi/charts";

const show = (v: string | number | null | undefined) => (v === null || v === undefined ? "—" : typeof v === "number" ? v.toLocaleString("en-GB") : v);

/** A chart's numbers as a table: what screen readers get, and what the CSV holds. */
export function DataTable({ table, caption }: { table: ChartTable; caption?: string }) {
  return (
    <div className="overflow-x-auto" tabIndex={0} /* keyboard-scrollable when wider than the screen */>
      <table className="w-full text-left text-sm [&_td]:py-1 [&_td]:pr-4 [&_th]:pr-4" data-testid={`table-${table.key}`}>
        {caption ? <caption className="sr-only">{caption}</caption> : null}
        <thead className="text-muted">
          <tr>
            {table.columns.map((c) => (
              <th key={c.key} scope="col" className={c.unit === "text" ? "" : "text-right"}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.length ? (
            table.rows.map((row, i) => (
              <tr key={i} className="border-t border-line">
                {table.columns.map((c, j) =>
                  j === 0 ? (
                    <th key={c.key} scope="row" className="font-normal">
                      {show(row[c.key])}
                    </th>
                  ) : (
                    <td key={c.key} className={c.unit === "text" ? "" : "text-right tabular-nums"}>
                      {show(row[c.key])}
                    </td>
                  ),
                )}
              </tr>
            ))
          ) : (
            <tr>
              <td colSpan={table.columns.length} className="text-muted">
                No data in this range.
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
