/**
 * (g) Recommendations in the store, on PGlite and PostgreSQL at the seeded size: training time
 * (`recs:train`) against reading its input (the interactions query) in the same run, and the read
 * path behind each surface (p50/p95 over many customers and products) against a product read by
 * primary key from the same database. Prints a markdown section.
 */
import { DEMO_HISTORY_FILE } from "@/lib/import/read";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { products } from "@/db/schema";
import { ensureDemoDeals } from "@/lib/deals/demo";
import { eligibleDeals } from "@/lib/deals/eligibility";
import { recomputeAll } from "@/lib/cdp/audience/refresh";
import { completeTheLook, forYou, neighboursOf, trending } from "@/lib/recs/read";
import { loadInteractions, trainAndStore } from "@/lib/recs/train";
import { fmt, freshDatabase, importHistory, ratio, timeMany } from "./util";

const FILE = path.resolve(process.argv[2] ?? DEMO_HISTORY_FILE);
const N = 200;

async function run(driver: "pglite" | "postgres") {
  const cleanup = await freshDatabase(driver);
  try {
    const db = await importHistory(FILE);
    await recomputeAll(db);
    await ensureDemoDeals(db);
    let t = performance.now();
    const interactions = await loadInteractions(db);
    const loadMs = performance.now() - t;
    t = performance.now();
    const trained = await trainAndStore(db);
    const trainMs = performance.now() - t;

    const { rows: cust } = await db.execute<{ id: number }>(sql`select distinct user_id as id from recs_for_user order by 1`);
    const users = cust.map((r) => Number(r.id));
    const { rows: prod } = await db.execute<{ id: number }>(sql`select distinct product_id as id from recs_neighbours order by 1`);
    const items = prod.map((r) => Number(r.id));
    const pick = <T>(list: T[], i: number) => list[(i * 7919) % list.length]!;
    const pk = await timeMany(N, (i) =>
      db
        .select()
        .from(products)
        .where(eq(products.id, pick(items, i)))
        .limit(1),
    );
    const noFill = { fillFrom: async () => [] };
    const rows: [string, Awaited<ReturnType<typeof timeMany>>][] = [
      ["For you (batch list)", await timeMany(N, (i) => forYou(db, pick(users, i), [], 10, noFill))],
      ["For you + 3 products viewed this visit", await timeMany(N, (i) => forYou(db, pick(users, i), [pick(items, i), pick(items, i + 1), pick(items, i + 2)], 10, noFill))],
      ["Your exclusive deals (eligibility)", await timeMany(N, (i) => eligibleDeals(db, pick(users, i)))],
      ["Customers also bought", await timeMany(N, (i) => neighboursOf(db, pick(items, i), "also_bought"))],
      ["Complete the look (3 in cart)", await timeMany(N, (i) => completeTheLook(db, [pick(items, i), pick(items, i + 1), pick(items, i + 2)]))],
      ["Trending (uncached; the page caches it)", await timeMany(20, () => trending(db, 40))],
    ];
    return { driver, interactions: interactions.length, trained, loadMs, trainMs, pk, rows };
  } finally {
    await cleanup();
  }
}

const results = [await run("pglite"), await run("postgres")];
const out = [
  "### (g) Recommendations in the store (in-process, seeded from the train file)",
  "",
  "Training: `recs:train` end to end (interactions → EASE on 1,500 products + item-kNN → top 24 per customer and 12 neighbours per product, written in one transaction), against reading its input alone, same run.",
  "",
  "| driver | interactions | customers × products | read input | train + write | ratio to reading input |",
  "| --- | --- | --- | --- | --- | --- |",
  ...results.map(
    (r) =>
      `| ${r.driver} | ${r.interactions.toLocaleString("en")} | ${r.trained.users.toLocaleString("en")} × ${r.trained.items} | ${fmt(r.loadMs)} | ${(r.trainMs / 1000).toFixed(1)} s | ${ratio(r.trainMs, r.loadMs)} |`,
  ),
  "",
  `Read path (${N} calls each, different customers and products): baseline a product read by primary key on the same database.`,
  "",
  "| driver | surface | p50 | p95 | p95 ratio to pk read p95 |",
  "| --- | --- | --- | --- | --- |",
  ...results.flatMap((r) => [
    `| ${r.driver} | baseline: product by primary key | ${fmt(r.pk.p50)} | ${fmt(r.pk.p95)} | 1.00× |`,
    ...r.rows.map(([name, m]) => `| ${r.driver} | ${name} | ${fmt(m.p50)} | ${fmt(m.p95)} | ${ratio(m.p95, r.pk.p95)} |`),
  ]),
];
console.log(out.join("\n"));
