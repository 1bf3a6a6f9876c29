import { csvField } from "@/lib/catalog/csv";
import type { Unit } from "./headlines";
import { FUNNEL_STEPS, type KpiPart, type KpiReport } from "./queries";

/**
 * Each chart's data as one table: the dashboard draws the chart and its accessible table from it,
 * and the CSV export writes it, so all three always agree.
 */
export type Column = { key: string; label: string; unit?: Unit | "text" };
export type ChartTable = {
  key: string;
  title: string;
  description: string;
  kind: "line" | "bar";
  /** The column on the x axis; the rest (`series`) are plotted. */
  x: string;
  series: string[];
  columns: Column[];
  rows: Record<string, string | number | null>[];
};

const money = (pence: number | null) => (pence === null ? null : Math.round(pence) / 100);

/** Each chart: the report parts it reads, and how it turns them into its table. */
type Chart = { key: string; parts: readonly KpiPart[]; build: (r: Pick<KpiReport, KpiPart>) => ChartTable };
const chart = <K extends KpiPart>(key: string, parts: readonly K[], build: (r: Pick<KpiReport, K>) => Omit<ChartTable, "key">): Chart => ({
  key,
  parts,
  build: (r) => ({ key, ...build(r) }),
});
const grainLabel = (r: Pick<KpiReport, "series">) => (r.series.grain === "day" ? "Day" : "Month");

const CHARTS: Chart[] = [
  chart("revenue", ["series"], (r) => {
    const grain = grainLabel(r);
    return {
      title: "Revenue and orders",
      description: `Net revenue (£) and sale orders per ${grain.toLowerCase()}.`,
      kind: "bar",
      x: "bucket",
      series: ["revenue", "orders"],
      columns: [
        { key: "bucket", label: grain, unit: "text" },
        { key: "revenue", label: "Net revenue (£)" },
        { key: "orders", label: "Orders", unit: "count" },
      ],
      rows: r.series.rows.map((x) => ({ bucket: x.bucket, revenue: money(x.revenuePence), orders: x.orders })),
    };
  }),
  chart("aov", ["series"], (r) => {
    const grain = grainLabel(r);
    return {
      title: "Average order value and mobile share",
      description: `AOV (£) and the share of web sales placed on a phone (%), per ${grain.toLowerCase()}.`,
      kind: "line",
      x: "bucket",
      series: ["aov", "mobileShare"],
      columns: [
        { key: "bucket", label: grain, unit: "text" },
        { key: "aov", label: "AOV (£)" },
        { key: "mobileShare", label: "Mobile share (%)" },
      ],
      rows: r.series.rows.map((x) => ({ bucket: x.bucket, aov: money(x.aovPence), mobileShare: x.mobileShare === null ? null : round(x.mobileShare * 100) })),
    };
  }),
  chart("retention", ["retentionSeries"], (r) => ({
    title: "Month-on-month retention",
    description: "Of each month's previous-month buyers, the share who bought again (%).",
    kind: "line",
    x: "month",
    series: ["rate"],
    columns: [
      { key: "month", label: "Month", unit: "text" },
      { key: "rate", label: "Retention (%)" },
      { key: "base", label: "Last month's buyers", unit: "count" },
      { key: "retained", label: "Bought again", unit: "count" },
    ],
    rows: r.retentionSeries.map((x) => ({ month: x.month, rate: x.rate === null ? null : round(x.rate * 100), base: x.base, retained: x.retained })),
  })),
  chart("funnel", ["funnel"], (r) => ({
    title: "Conversion funnel by device",
    description: "Visits (one visitor on one day) reaching each step, from CDP events.",
    kind: "bar",
    x: "step",
    series: r.funnel.map((f) => f.device).filter((d) => d !== "all"),
    columns: [
      { key: "step", label: "Step", unit: "text" },
      ...r.funnel.map((f) => ({ key: f.device, label: f.device === "all" ? "All devices" : cap(f.device), unit: "count" as const })),
    ],
    rows: FUNNEL_STEPS.map((s) => ({ step: s.label, ...Object.fromEntries(r.funnel.map((f) => [f.device, f[s.key]])) })),
  })),
  chart("csat", ["csat"], (r) => ({
    title: "CSAT distribution",
    description: "Order ratings given in the period.",
    kind: "bar",
    x: "rating",
    series: ["responses"],
    columns: [
      { key: "rating", label: "Rating", unit: "text" },
      { key: "responses", label: "Answers", unit: "count" },
      { key: "previous", label: "Previous period", unit: "count" },
    ],
    rows: r.csat.current.distribution.map((d, i) => ({ rating: `${d.rating} ★`, responses: d.responses, previous: r.csat.previous.distribution[i]!.responses })),
  })),
  chart("delivery", ["delivery"], (r) => ({
    title: "Deliveries by method",
    description: "Shipments of the period's orders and their CO₂ (kg); bike and EV are the eco options.",
    kind: "bar",
    x: "method",
    series: ["shipments"],
    columns: [
      { key: "method", label: "Method", unit: "text" },
      { key: "shipments", label: "Shipments", unit: "count" },
      { key: "co2", label: "CO₂ (kg)" },
    ],
    rows: r.delivery.current.byMethod.map((m) => ({ method: cap(m.method), shipments: m.shipments, co2: round(m.co2Grams / 1000) })),
  })),
  chart("deals", ["deals"], (r) => ({
    title: "Deals",
    description: "Redemptions on the period's sale orders, the discount given and those orders' revenue.",
    kind: "bar",
    x: "code",
    series: ["redemptions"],
    columns: [
      { key: "code", label: "Code", unit: "text" },
      { key: "name", label: "Deal", unit: "text" },
      { key: "redemptions", label: "Redemptions", unit: "count" },
      { key: "discount", label: "Discount (£)" },
      { key: "revenue", label: "Revenue (£)" },
    ],
    rows: r.deals.byDeal.map((d) => ({ code: d.code, name: d.name, redemptions: d.redemptions, discount: money(d.discountPence), revenue: money(d.revenuePence) })),
  })),
  chart("recommendations", ["recs"], (r) => ({
    title: "Recommendations by surface",
    description: "Rails shown, clicks on their products and click-through (%).",
    kind: "bar",
    x: "surface",
    series: ["clicks"],
    columns: [
      { key: "surface", label: "Surface", unit: "text" },
      { key: "railViews", label: "Rails shown", unit: "count" },
      { key: "clicks", label: "Clicks", unit: "count" },
      { key: "ctr", label: "Click-through (%)" },
    ],
    rows: r.recs.bySurface.map((s) => ({ surface: s.surface, railViews: s.railViews, clicks: s.clicks, ctr: s.clickThrough === null ? null : round(s.clickThrough * 100) })),
  })),
  chart("cohorts", ["cohorts"], (r) => ({
    title: "Monthly cohort retention",
    description: "Customers by the month of their first purchase; the share of each cohort buying in each later month (%).",
    kind: "bar",
    x: "cohort",
    series: [],
    columns: [
      { key: "cohort", label: "Cohort", unit: "text" },
      { key: "customers", label: "Customers", unit: "count" },
      ...Array.from({ length: Math.max(0, ...r.cohorts.map((c) => c.active.length)) }, (_, k) => ({ key: `m${k}`, label: `Month ${k}` })),
    ],
    rows: r.cohorts.map((c) => ({
      cohort: c.cohort.slice(0, 7),
      customers: c.customers,
      ...Object.fromEntries(c.active.map((n, k) => [`m${k}`, c.customers ? round((n / c.customers) * 100) : null])),
    })),
  })),
  chart("lift", ["lift"], (r) => ({
    title: "Personalization lift",
    description: "Treatment (personalized) vs holdout group; differences with 95% confidence intervals.",
    kind: "bar",
    x: "metric",
    series: [],
    columns: [
      { key: "metric", label: "Metric", unit: "text" },
      { key: "treatment", label: "Treatment" },
      { key: "control", label: "Holdout" },
      { key: "diff", label: "Difference" },
      { key: "low", label: "95% CI low" },
      { key: "high", label: "95% CI high" },
      { key: "treatmentN", label: "Treatment n", unit: "count" },
      { key: "controlN", label: "Holdout n", unit: "count" },
    ],
    rows: liftRows(r),
  })),
];

export function chartTables(r: KpiReport): ChartTable[] {
  return CHARTS.map((c) => c.build(r));
}

/** The chart with this key, with the report parts it needs to be drawn (or exported). */
export function findChart(key: string): Chart | undefined {
  return CHARTS.find((c) => c.key === key);
}

function liftRows(r: Pick<KpiReport, "lift">) {
  const l = r.lift;
  const pct = (v: number | null) => (v === null ? null : round(v * 100));
  const ci = (i: { diff: number; low: number; high: number } | null, scale: number) =>
    i ? { diff: round(i.diff * scale), low: round(i.low * scale), high: round(i.high * scale) } : { diff: null, low: null, high: null };
  return [
    {
      metric: "Conversion (%)",
      treatment: pct(l.treatment.conversion),
      control: pct(l.control.conversion),
      ...ci(l.conversion, 100),
      treatmentN: l.treatment.customers,
      controlN: l.control.customers,
    },
    {
      metric: "AOV (£)",
      treatment: money(l.treatment.aovPence),
      control: money(l.control.aovPence),
      ...ci(l.aovPence, 0.01),
      treatmentN: l.treatment.orders,
      controlN: l.control.orders,
    },
    {
      metric: "Repeat purchase (%)",
      treatment: pct(l.treatment.repeatRate),
      control: pct(l.control.repeatRate),
      ...ci(l.repeatRate, 100),
      treatmentN: l.treatment.converters,
      controlN: l.control.converters,
    },
  ];
}

const round = (v: number) => Math.round(v * 100) / 100;
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

// Numbers as plain numbers (a negative one is data, not a formula); text through the defused field.
const cell = (v: string | number | null | undefined) => (typeof v === "number" ? String(v) : csvField(v));

export function tableCsv(t: ChartTable): string {
  const lines = [t.columns.map((c) => csvField(c.label)).join(","), ...t.rows.map((row) => t.columns.map((c) => cell(row[c.key])).join(","))];
  return `${lines.join("\r\n")}\r\n`;
}
