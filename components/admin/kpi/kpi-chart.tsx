"use client";

import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { ChartTable } from "@/lib/kpi/charts";

const COLORS = ["var(--color-accent, #b45309)", "#2563eb", "#059669", "#9333ea", "#dc2626"];

/**
 * One KPI chart drawn with recharts from its table. Hidden from screen readers: the table next to
 * it carries the same numbers, so the chart has no keyboard layer either (nothing focusable inside
 * an aria-hidden region).
 */
export function KpiChart({ table }: { table: ChartTable }) {
  const label = (key: string) => table.columns.find((c) => c.key === key)?.label ?? key;
  // Two series of different scales (e.g. £ and counts) get an axis each.
  const twoAxes = table.series.length === 2;
  const common = (
    <>
      <CartesianGrid strokeDasharray="3 3" stroke="#e5e5e5" />
      <XAxis dataKey={table.x} tick={{ fontSize: 11 }} minTickGap={12} />
      <YAxis yAxisId="a" tick={{ fontSize: 11 }} width={56} />
      {twoAxes ? <YAxis yAxisId="b" orientation="right" tick={{ fontSize: 11 }} width={48} /> : null}
      <Tooltip />
      <Legend wrapperStyle={{ fontSize: 12 }} />
    </>
  );
  return (
    <div aria-hidden="true" className="h-64 w-full" data-testid={`chart-${table.key}`}>
      <ResponsiveContainer width="100%" height="100%">
        {table.kind === "line" ? (
          <LineChart data={table.rows} accessibilityLayer={false}>
            {common}
            {table.series.map((s, i) => (
              <Line
                key={s}
                yAxisId={twoAxes && i === 1 ? "b" : "a"}
                type="monotone"
                dataKey={s}
                name={label(s)}
                stroke={COLORS[i % COLORS.length]}
                dot={false}
                strokeWidth={2}
                connectNulls
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        ) : (
          <BarChart data={table.rows} accessibilityLayer={false}>
            {common}
            {table.series.map((s, i) => (
              <Bar key={s} yAxisId={twoAxes && i === 1 ? "b" : "a"} dataKey={s} name={label(s)} fill={COLORS[i % COLORS.length]} isAnimationActive={false} />
            ))}
          </BarChart>
        )}
      </ResponsiveContainer>
    </div>
  );
}
