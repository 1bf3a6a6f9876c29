import { getDb, closeDb } from "@/lib/db";
import { KPI_QUERIES } from "@/lib/kpi/queries";
import { refreshKpiFacts } from "@/lib/kpi/facts";
const db = await getDb();
const f = { from: process.env.FROM ?? "2025-12-01", to: process.env.TO ?? "2026-11-26", segment: process.env.SEG || undefined, device: (process.env.DEV || undefined) as undefined };
let t0 = performance.now(); const r = await refreshKpiFacts(db); console.log("refresh", (performance.now() - t0).toFixed(0), JSON.stringify(r));
for (const [name, q] of Object.entries(KPI_QUERIES)) {
  if (process.env.ONLY && !process.env.ONLY.split(",").includes(name)) continue;
  await q(db, f);
  const ts: number[] = [];
  for (let i = 0; i < 3; i++) { const t = performance.now(); await q(db, f); ts.push(performance.now() - t); }
  console.log(name.padEnd(18), ts.map((t) => t.toFixed(0)).join(" "));
}
await closeDb();
