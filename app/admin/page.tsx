import { ChartCard } from "@/components/admin/kpi/chart-card";
import { CohortHeatmap } from "@/components/admin/kpi/cohort-heatmap";
import { KpiCards } from "@/components/admin/kpi/kpi-cards";
import { KpiFiltersForm } from "@/components/admin/kpi/kpi-filters";
import { chartTables } from "@/lib/kpi/charts";
import { kpiFiltersSchema } from "@/lib/kpi/filters";
import { headlines } from "@/lib/kpi/headlines";
import { getKpiOptions, getKpiReport } from "@/lib/kpi/admin-queries";
import { staffMetadata } from "@/lib/admin/action";

export const generateMetadata = staffMetadata("Dashboard");

type Search = Promise<Record<string, string | string[] | undefined>>;

/** The KPI dashboard: are the CDP, personalization and mobile work winning customers back? */
export default async function Dashboard({ searchParams }: { searchParams: Search }) {
  const raw = await searchParams;
  const one = (k: string) => (typeof raw[k] === "string" ? (raw[k] as string) : undefined);
  const options = await getKpiOptions();
  const asked = { from: one("from") ?? options.defaults.from, to: one("to") ?? options.defaults.to, segment: one("segment"), device: one("device"), country: one("country") };
  const parsed = kpiFiltersSchema.safeParse(asked);
  const filters = parsed.success ? parsed.data : kpiFiltersSchema.parse(options.defaults);
  const error = parsed.success ? null : `${parsed.error.issues[0]!.message} Showing the default range instead.`;
  const report = await getKpiReport(filters);
  const tables = chartTables(report);
  const query = new URLSearchParams(Object.entries(filters).filter(([, v]) => v) as [string, string][]).toString();
  const csv = (key: string) => `/admin/kpi/export?chart=${key}&${query}`;
  const table = (key: string) => tables.find((t) => t.key === key)!;
  const l = report.lift;

  return (
    <section className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Dashboard</h1>
        <p className="text-sm text-muted">
          {filters.from} to {filters.to}, compared with {report.previousPeriod.from} to {report.previousPeriod.to}. Days are in the shop&apos;s time zone; the same numbers come
          from <code>npm run kpi</code>.
        </p>
      </div>
      <KpiFiltersForm value={filters} segments={options.segments} countries={options.countries} error={error} />
      <KpiCards items={headlines(report)} />
      <div className="grid gap-4 lg:grid-cols-2">
        {["revenue", "aov", "retention", "funnel"].map((k) => (
          <ChartCard key={k} table={table(k)} csvHref={csv(k)} />
        ))}
      </div>
      <CohortHeatmap table={table("cohorts")} csvHref={csv("cohorts")} />
      <div className="grid gap-4 lg:grid-cols-2">
        {["csat", "delivery", "deals", "recommendations"].map((k) => (
          <ChartCard key={k} table={table(k)} csvHref={csv(k)} />
        ))}
      </div>
      <div data-testid="lift">
        <ChartCard table={table("lift")} csvHref={csv("lift")} chart={false} />
        <p className="mt-2 max-w-prose text-sm text-muted">
          {Math.round(l.holdoutShare * 100)}% of customers (chosen by a hash of their id) are held out of personalization. Conversion: share of customers known by the period&apos;s
          end who bought in it ({l.treatment.customers.toLocaleString("en-GB")} vs {l.control.customers.toLocaleString("en-GB")} customers); AOV over their orders; repeat purchase
          over their buyers. An interval that spans 0 means no difference can be told apart from chance at this sample size.
        </p>
      </div>
    </section>
  );
}
