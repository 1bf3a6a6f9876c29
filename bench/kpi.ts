/**
 * (i) KPI queries: each dashboard query's time (p50/p95) for a year's range and for the same
 * range filtered to a segment, at the seeded size (the real history) on PGlite and PostgreSQL,
 * and with synthetic orders on top (BENCH_KPI_ORDERS, default 1,000,000; PostgreSQL, and PGlite
 * at BENCH_KPI_PGLITE_ORDERS, default 100,000). Baseline: an order read by primary key on the same
 * database in the same run. BENCH_KPI_DB_URL reuses an already generated PostgreSQL database.
 * Prints a markdown section.
 */
import { DEMO_HISTORY_FILE } from "@/lib/import/read";
import { sql } from "drizzle-orm";
import { getDb, closeDb, type Db } from "@/lib/db";
import { recomputeAll } from "@/lib/cdp/audience/refresh";
import { ensureDemoDeals } from "@/lib/deals/demo";
import { addDays, localBucket, shiftMonth, type KpiFilters } from "@/lib/kpi/filters";
import { generateData } from "@/lib/kpi/generate";
import { refreshKpiFacts } from "@/lib/kpi/facts";
import { KPI_QUERIES } from "@/lib/kpi/queries";
import { fmt, freshDatabase, importHistory, ratio, timeMany } from "./util";

const RUNS = Number(process.env.BENCH_KPI_RUNS ?? 10);
const BUDGET_MS = 300;

type Row = { label: string; query: string; filter: string; p50: number; p95: number; pk: number };

async function measure(db: Db, label: string): Promise<Row[]> {
  const { rows } = await db.execute<{ last: string; n: number; max_id: number }>(
    sql`select to_char(max(placed_at), 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as last, count(*)::int as n, max(id)::int as max_id from orders`,
  );
  const last = localBucket(new Date(rows[0]!.last), "day");
  // The dashboard's default: the twelve whole months up to the latest order's month.
  const year: KpiFilters = { from: shiftMonth(last, -11), to: addDays(shiftMonth(last, 1), -1) };
  const quarter: KpiFilters = { from: addDays(last, -91), to: last };
  const maxId = rows[0]!.max_id;
  const pk = await timeMany(RUNS * 5, (i) => db.execute(sql`select * from orders where id = ${1 + ((i * 7919) % maxId)}`));
  const views: [string, KpiFilters][] = [
    ["12 whole months (default)", year],
    ["12 whole months, segment rfm-loyal", { ...year, segment: "rfm-loyal" }],
    ["12 whole months, mobile", { ...year, device: "mobile" }],
    ["12 whole months, United Kingdom", { ...year, country: "United Kingdom" }],
    ["last 92 days (daily)", quarter],
    ["last 92 days, rfm-loyal on mobile", { ...quarter, segment: "rfm-loyal", device: "mobile" }],
  ];
  const out: Row[] = [];
  for (const [filter, f] of views) {
    for (const [query, q] of Object.entries(KPI_QUERIES)) {
      await q(db, f); // warm
      const m = await timeMany(RUNS, () => q(db, f));
      out.push({ label: `${label} (${rows[0]!.n.toLocaleString("en")} orders)`, query, filter, p50: m.p50, p95: m.p95, pk: pk.p95 });
      console.error(`  ${label} ${filter} ${query}: p95 ${fmt(m.p95)}`);
    }
  }
  return out;
}

async function prepare(driver: "pglite" | "postgres", extraOrders: number) {
  const cleanup = await freshDatabase(driver);
  const db = await importHistory(DEMO_HISTORY_FILE);
  await ensureDemoDeals(db);
  if (extraOrders) await generateData(db, { orders: extraOrders, seed: 1, log: (m) => console.error(`  generate: ${m}`) });
  await recomputeAll(db);
  const t = performance.now();
  const r = await refreshKpiFacts(db, { full: true });
  refreshes.push(
    `${driver}, ${extraOrders ? `seeded + ${extraOrders.toLocaleString("en")} synthetic orders` : "seeded"}: full refresh of the KPI facts ${((performance.now() - t) / 1000).toFixed(1)} s (${r.orders.toLocaleString("en")} orders)`,
  );
  // What a dashboard load pays when nothing changed: the incremental refresh.
  const idle = await timeMany(RUNS, () => refreshKpiFacts(db));
  refreshes.push(`${driver}, ${extraOrders ? "with synthetic orders" : "seeded"}: incremental refresh with nothing new, p95 ${fmt(idle.p95)}`);
  // A segment recompute that moves 2% of a big segment's members out and back in.
  const moved = await db.execute(sql`delete from segment_memberships where segment_id = (select id from segments where slug = 'rfm-loyal') and user_id % 50 = 0 returning user_id`);
  await db.execute(sql`update segments set computed_at = now() where slug = 'rfm-loyal'`);
  const out = performance.now();
  await refreshKpiFacts(db);
  const outMs = performance.now() - out;
  await recomputeAll(db);
  const back = performance.now();
  await refreshKpiFacts(db);
  refreshes.push(
    `${driver}, ${extraOrders ? "with synthetic orders" : "seeded"}: incremental refresh after ${moved.rows.length.toLocaleString("en")} customers left segment rfm-loyal ${fmt(outMs)}, after a full segment recompute brought them back ${fmt(performance.now() - back)}`,
  );
  await db.execute(sql`analyze`);
  return { db, cleanup };
}
const refreshes: string[] = [];

const results: Row[] = [];
for (const driver of ["pglite", "postgres"] as const) {
  const { db, cleanup } = await prepare(driver, 0);
  results.push(...(await measure(db, `${driver}, seeded`)));
  await cleanup();
}
{
  const { db, cleanup } = await prepare("pglite", Number(process.env.BENCH_KPI_PGLITE_ORDERS ?? 100_000));
  results.push(...(await measure(db, "pglite, seeded + synthetic")));
  await cleanup();
}
const big = Number(process.env.BENCH_KPI_ORDERS ?? 1_000_000);
if (process.env.BENCH_KPI_DB_URL) {
  await closeDb();
  process.env.DATABASE_URL = process.env.BENCH_KPI_DB_URL;
  results.push(...(await measure(await getDb(), "postgres, seeded + synthetic")));
  await closeDb();
} else {
  const { db, cleanup } = await prepare("postgres", big);
  results.push(...(await measure(db, "postgres, seeded + synthetic")));
  await cleanup();
}

console.log(
  [
    `### (i) KPI queries (in-process, ${RUNS} runs per query after one warm-up; a year's range ending at the latest order)`,
    "",
    `Baseline: an order read by primary key on the same database in the same run. Budget: ${BUDGET_MS} ms per query on PostgreSQL at 1M orders. See lib/kpi/README.md.`,
    "",
    ...refreshes.map((r) => `- ${r}`),
    "",
    "| database | filter | query | p50 | p95 | p95 ratio to pk read p95 | within 300 ms |",
    "| --- | --- | --- | --- | --- | --- | --- |",
    ...results.map((r) => `| ${r.label} | ${r.filter} | ${r.query} | ${fmt(r.p50)} | ${fmt(r.p95)} | ${ratio(r.p95, r.pk)} | ${r.p95 <= BUDGET_MS ? "yes" : "**no**"} |`),
  ].join("\n"),
);
