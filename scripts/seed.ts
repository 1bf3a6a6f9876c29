import path from "node:path";
import { sql } from "drizzle-orm";
import { getDb, databaseUrl, type Db } from "@/lib/db";
import { runMigrations } from "@/lib/db/migrate";
import { ensureFirstAdmin, firstAdminNotice } from "@/lib/auth/accounts";
import { readOrderHistory, DEMO_HISTORY_FILE } from "@/lib/import/read";
import { writeImport } from "@/lib/import/write";
import { recomputeAll } from "@/lib/cdp/audience/refresh";
import { trainAndStore } from "@/lib/recs/train";
import { ensureDemoDeals } from "@/lib/deals/demo";
import { refreshKpiFacts } from "@/lib/kpi/facts";
import { runCli, UsageError } from "./cli";

const USAGE = "usage: npm run db:seed -- [file.csv[.gz]] [--if-empty]";

void runCli(async () => {
  const args = process.argv.slice(2);
  const unknown = args.filter((a) => a.startsWith("--") && a !== "--if-empty");
  if (unknown.length) throw new UsageError(`unknown option ${unknown.join(" ")}\n${USAGE}`);
  const files = args.filter((a) => !a.startsWith("--"));
  if (files.length > 1) throw new UsageError(USAGE);
  const file = path.resolve(files[0] ?? DEMO_HISTORY_FILE);

  await runMigrations();
  const db = await getDb();
  const admin = await ensureFirstAdmin(db);
  if (admin && !admin.password) console.log(`first admin account: ${admin.email} (password from ADMIN_PASSWORD)`);
  await showFirstAdmin(db);
  if (args.includes("--if-empty")) {
    const { rows } = await db.execute<{ n: number }>(sql`select count(*)::int as n from orders`);
    if ((rows[0]?.n ?? 0) > 0) {
      console.log("seed: database already has orders; skipping (--if-empty)");
      return;
    }
  }
  const started = Date.now();
  const log = (m: string) => console.log(`seed: ${m}`);
  log(`importing ${file} into ${databaseUrl() ? "PostgreSQL" : "PGlite"}`);
  const analysis = await readOrderHistory(file, log);
  const report = await writeImport(db, analysis, path.basename(file), log);
  const cdp = await recomputeAll(db);
  log(`profiles and segments: ${cdp.profiles} customers (${((cdp.profileMs + cdp.segmentMs) / 1000).toFixed(1)} s)`);
  await ensureDemoDeals(db);
  const kpi = await refreshKpiFacts(db);
  log(`KPI facts: ${kpi.orders} orders (${(kpi.ms / 1000).toFixed(1)} s)`);
  const recs = await trainAndStore(db);
  log(`recommendations: ${recs.users} customers × ${recs.items} products (${(recs.totalMs / 1000).toFixed(1)} s)`);
  log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  await showFirstAdmin(db);
  console.log(
    [
      `  rows read        ${report.rowsRead}`,
      `  products         ${report.products.created} new / ${report.products.inFile} in file`,
      `  customers        ${report.customers.created} new / ${report.customers.inFile} in file`,
      `  orders           ${report.orders.created} new / ${report.orders.inFile} in file (${report.orders.refunds} refunds)`,
      `  order lines      ${report.lines.created} new`,
      `  rows by reason (kept unless marked skipped):`,
      ...Object.entries(report.dirty)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => `    ${k.padEnd(28)} ${v}${SKIPPED.has(k) ? "  (skipped)" : ""}`),
      ...report.rejected.slice(0, 5).map((r) => `    rejected row ${r.row}: ${r.reason}`),
    ].join("\n"),
  );
});

/** The generated first admin's password, on every run until that admin has signed in. */
async function showFirstAdmin(db: Db) {
  const first = await firstAdminNotice(db);
  if (first)
    console.log(
      `\n  First admin account: ${first.email}  password: ${first.password}\n  (shown on every start until this admin signs in; set ADMIN_EMAIL and ADMIN_PASSWORD to choose your own)\n`,
    );
}

const SKIPPED = new Set(["malformed_row", "duplicate_line", "stock_adjustment", "bad_debt_adjustment"]);
