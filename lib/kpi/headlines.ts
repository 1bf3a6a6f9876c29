import type { KpiReport } from "./queries";

export type Unit = "pence" | "percent" | "count" | "hours" | "rating";
export type Headline = { key: string; label: string; definition: string; unit: Unit; value: number | null; previous: number | null };

/**
 * The headline KPIs with their one-line definitions: the dashboard's cards and `npm run kpi`'s
 * output both come from here, so they cannot drift apart.
 */
export function headlines(r: KpiReport): Headline[] {
  const s = r.sales;
  const h = (key: string, label: string, unit: Unit, definition: string, value: number | null, previous: number | null = null): Headline => ({
    key,
    label,
    unit,
    definition,
    value,
    previous,
  });
  return [
    h("revenue", "Net revenue", "pence", "Sales minus refunds dated in the period; cancelled orders excluded.", s.current.revenuePence, s.previous.revenuePence),
    h("orders", "Orders", "count", "Sale orders placed in the period, not cancelled.", s.current.orders, s.previous.orders),
    h("aov", "Average order value", "pence", "Sales ÷ sale orders (order totals incl. delivery, before refunds).", s.current.aovPence, s.previous.aovPence),
    h("customers", "Buying customers", "count", "Customers with at least one sale in the period (guests not counted).", s.current.customers, s.previous.customers),
    h(
      "retention",
      "Retention rate",
      "percent",
      "Of the customers who bought in the previous period of the same length, the share who bought again in this one.",
      r.retention.current.rate,
      r.retention.previous.rate,
    ),
    h(
      "repeat",
      "Repeat-purchase rate",
      "percent",
      "Of the period's buying customers, the share for whom it was not their first purchase.",
      r.repeatPurchase.current.rate,
      r.repeatPurchase.previous.rate,
    ),
    h(
      "mobileShare",
      "Mobile share of sales",
      "percent",
      "Share of web sales (orders with a known device) placed on a phone; imported orders have no device.",
      s.current.mobileShare,
      s.previous.mobileShare,
    ),
    h("csat", "CSAT", "rating", "Average order rating (1–5) of answers given in the period.", r.csat.current.average, r.csat.previous.average),
    h(
      "csatSatisfied",
      "Satisfied customers",
      "percent",
      "Share of CSAT answers in the period rating the order 4 or 5.",
      r.csat.current.satisfiedShare,
      r.csat.previous.satisfiedShare,
    ),
    h(
      "onTime",
      "On-time delivery",
      "percent",
      "Share of shipments delivered in the period by the end of their promised window.",
      r.delivery.current.onTimeRate,
      r.delivery.previous.onTimeRate,
    ),
    h(
      "deliveryHours",
      "Average delivery time",
      "hours",
      "Hours from order to delivery, over shipments delivered in the period.",
      r.delivery.current.averageHours,
      r.delivery.previous.averageHours,
    ),
    h(
      "eco",
      "Eco-delivery adoption",
      "percent",
      "Share of shipments of the period's orders going by bike or electric van.",
      r.delivery.current.ecoShare,
      r.delivery.previous.ecoShare,
    ),
    h("dealRate", "Deal redemption rate", "percent", "Share of the period's sale orders that redeemed a deal.", r.deals.redemptionRate),
    h("dealRevenue", "Deal revenue", "pence", "Totals of the period's sale orders that redeemed a deal (after the discount).", r.deals.revenuePence),
    h("recCtr", "Recommendation click-through", "percent", "Clicks on recommended products ÷ recommendation rails shown.", r.recs.clickThrough),
    h(
      "recRevenue",
      "Recommendation-attributed revenue",
      "pence",
      "Products bought within 7 days of the same customer clicking them in a recommendation.",
      r.recs.attributedRevenuePence,
    ),
  ];
}

export function formatValue(unit: Unit, v: number | null): string {
  if (v === null || !Number.isFinite(v)) return "—";
  switch (unit) {
    case "pence":
      return `£${(v / 100).toLocaleString("en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
    case "percent":
      return `${(v * 100).toFixed(1)}%`;
    case "count":
      return v.toLocaleString("en-GB");
    case "hours":
      return `${v.toFixed(1)} h`;
    case "rating":
      return `${v.toFixed(2)} / 5`;
  }
}

/** The change against the previous period: relative for amounts, in points for rates. */
export function formatChange(unit: Unit, value: number | null, previous: number | null): string | null {
  if (value === null || previous === null) return null;
  if (unit === "percent") {
    const pts = (value - previous) * 100;
    return `${pts >= 0 ? "+" : "−"}${Math.abs(pts).toFixed(1)} pts`;
  }
  if (previous === 0) return null;
  const rel = (value / previous - 1) * 100;
  return `${rel >= 0 ? "+" : "−"}${Math.abs(rel).toFixed(1)}%`;
}
