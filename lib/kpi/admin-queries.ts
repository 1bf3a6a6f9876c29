import "server-only";
import { sql } from "drizzle-orm";
import { staffRead } from "@/lib/admin/action";
import type { Db } from "@/lib/db";
import { listSegments } from "@/lib/cdp/audience/segments";
import { addDays, localBucket, shiftMonth, type KpiFilters } from "./filters";
import { findChart } from "./charts";
import { kpiReport, kpiReportParts, type KpiPart, type KpiReport } from "./queries";

/**
 * The dashboard's default range: the twelve calendar months up to the latest order's month (so the
 * imported history shows out of the box). Whole months, so the precomputed tables answer and the
 * previous period is the twelve months before.
 */
async function defaultRange(db: Db): Promise<{ from: string; to: string }> {
  const { rows } = await db.execute<{ last: string | null }>(sql`select to_char(max(placed_at), 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as last from orders`);
  const last = rows[0]?.last ? localBucket(new Date(rows[0].last), "day") : localBucket(new Date(), "day");
  return { from: shiftMonth(last, -11), to: addDays(shiftMonth(last, 1), -1) };
}

/** What the filter form offers: segments and the countries customers are in. */
async function filterOptions(db: Db) {
  const segments = (await listSegments(db)).map((s) => ({ slug: s.slug, name: s.name }));
  const { rows } = await db.execute<{ country: string }>(
    sql`select country from users where country is not null and role = 'customer' group by country order by count(*) desc, country limit 80`,
  );
  return { segments, countries: rows.map((r) => r.country), defaults: await defaultRange(db) };
}

export const getKpiOptions = staffRead(filterOptions);
export const getKpiReport = staffRead((db, f: KpiFilters) => kpiReport(db, f));

/** One chart's table (its CSV export), computing only the report parts that chart reads; null for an unknown chart. */
export const getKpiChart = staffRead(async (db, f: KpiFilters, key: string) => {
  const chart = findChart(key);
  if (!chart) return null;
  // The parts computed are exactly the ones the chart declared it reads.
  return chart.build((await kpiReportParts(db, f, chart.parts)) as Pick<KpiReport, KpiPart>);
});
