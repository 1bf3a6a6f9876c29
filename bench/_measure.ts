import { sql } from "drizzle-orm";
import { getDb, closeDb } from "@/lib/db";
import { KPI_QUERIES } from "@/lib/kpi/queries";
const db = await getDb();
const f = { from: process.env.FROM ?? "2025-11-27", to: process.env.TO ?? "2026-11-26", segment: process.env.SEG || undefined };
for (const [name, q] of Object.entries(KPI_QUERIES)) {
  if (process.env.ONLY && !process.env.ONLY.split(",").includes(name)) continue;
  await q(db, f);
  const ts: number[] = [];
  for (let i = 0; i < 3; i++) { const t = performance.now(); await q(db, f); ts.push(performance.now() - t); }
  console.log(name.padEnd(18), ts.map((t) => t.toFixed(0)).join(" "));
}
await closeDb();
