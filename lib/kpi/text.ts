import { formatChange, formatValue, headlines } from "./headlines";
import { FUNNEL_STEPS, type KpiReport } from "./queries";

const pct = (v: number | null) => (v === null ? "—" : `${(v * 100).toFixed(1)}%`);
const ci = (i: { diff: number; low: number; high: number } | null, scale = 100, unit = " pts") =>
  i ? `${(i.diff * scale).toFixed(2)}${unit} (95% CI ${(i.low * scale).toFixed(2)} to ${(i.high * scale).toFixed(2)})` : "—";

/** The report as plain text for a terminal: headline KPIs, funnel and personalization lift. */
export function formatReport(r: KpiReport): string {
  const f = r.filters;
  const scope = [f.segment && `segment ${f.segment}`, f.device && `device ${f.device}`, f.country && `country ${f.country}`].filter(Boolean).join(", ");
  const lines = [`KPIs ${f.from} to ${f.to}${scope ? ` (${scope})` : ""}; previous period ${r.previousPeriod.from} to ${r.previousPeriod.to}`, ""];
  for (const h of headlines(r)) {
    const change = formatChange(h.unit, h.value, h.previous);
    lines.push(
      `  ${h.label.padEnd(36)} ${formatValue(h.unit, h.value).padStart(16)}${h.previous !== null ? `   previous ${formatValue(h.unit, h.previous)}${change ? ` (${change})` : ""}` : ""}`,
    );
  }
  lines.push("", "Funnel (visits)", `  ${"device".padEnd(10)}${FUNNEL_STEPS.map((s) => s.label.padStart(14)).join("")}`);
  for (const row of r.funnel) lines.push(`  ${row.device.padEnd(10)}${FUNNEL_STEPS.map((s) => String(row[s.key]).padStart(14)).join("")}`);
  const l = r.lift;
  lines.push(
    "",
    `Personalization lift (treatment ${l.treatment.customers} customers, holdout ${l.control.customers})`,
    `  conversion       ${pct(l.treatment.conversion)} vs ${pct(l.control.conversion)}: ${ci(l.conversion)}`,
    `  AOV              ${formatValue("pence", l.treatment.aovPence)} vs ${formatValue("pence", l.control.aovPence)}: ${ci(l.aovPence, 0.01, " £")}`,
    `  repeat purchase  ${pct(l.treatment.repeatRate)} vs ${pct(l.control.repeatRate)}: ${ci(l.repeatRate)}`,
  );
  return lines.join("\n");
}
