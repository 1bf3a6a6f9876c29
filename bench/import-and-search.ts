/**
 * (c) import time of the train file, and (d) search latency at the seeded size and at +100k
 * products, on PGlite and PostgreSQL. Baselines from the same run: parsing the file without writing
 * (for the import), and a product lookup by primary key (for search).
 * Prints a markdown section for bench/RESULTS.md.
 */
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { products, users } from "@/db/schema";
import { addItem, cartIdForUser } from "@/lib/cart/store";
import { placeOrder } from "@/lib/checkout/place-order";
import { generateProduct } from "@/lib/catalog/generate";
import { ensureCategories, refreshSearchLexicon } from "@/lib/catalog/maintenance";
import { searchProducts } from "@/lib/catalog/search";
import { getDb } from "@/lib/db";
import { runMigrations } from "@/lib/db/migrate";
import { readOrderHistory, DEMO_HISTORY_FILE } from "@/lib/import/read";
import { writeImport } from "@/lib/import/write";
import { fmt, freshDatabase, ratio, timeMany } from "./util";

const FILE = path.resolve(process.argv[2] ?? DEMO_HISTORY_FILE);
const EXTRA = Number(process.env.BENCH_EXTRA_PRODUCTS ?? 100_000);
const QUERIES = [
  "candle holder",
  "candel holder",
  "lantern",
  "red retrospot bag",
  "christmas tree",
  "chrismas decoration",
  "tea light",
  "cake tin",
  "heart",
  "vintage mug",
  "wicker basket",
  "hot water bottle",
  "lihgts",
  "zinc planter",
  "jumbo bag",
  "paper napkins",
  "doorstop",
  "wooden frame",
  "xyzzy",
  "blue spotty cushion",
];

async function addProducts(count: number) {
  const db = await getDb();
  const ids = await ensureCategories(db);
  for (let start = 0; start < count; start += 1000) {
    const rows = [];
    for (let i = start; i < Math.min(count, start + 1000); i++) {
      const p = generateProduct(i);
      rows.push({ ...p, categoryId: ids.get(p.categorySlug)!, status: "active" as const });
    }
    await db.insert(products).values(rows).onConflictDoNothing();
  }
  await refreshSearchLexicon(db);
  await db.execute(sql`analyze`);
}

async function searchLatency() {
  const db = await getDb();
  const ids = (await db.select({ id: products.id }).from(products).limit(500)).map((r) => r.id);
  const [{ n }] = (await db.execute<{ n: number }>(sql`select count(*)::int as n from products`)).rows as [{ n: number }];
  for (const q of QUERIES) await searchProducts(db, q); // warm caches
  const base = await timeMany(200, (i) =>
    db
      .select()
      .from(products)
      .where(eq(products.id, ids[i % ids.length]!)),
  );
  const s = await timeMany(QUERIES.length * 5, (i) => searchProducts(db, QUERIES[i % QUERIES.length]!));
  return { n, base, s };
}

/** Add-to-cart and checkout (place order) latency through the same functions the actions call. */
async function cartCheckoutLatency(tag: string) {
  const db = await getDb();
  const ids = (
    await db
      .select({ id: products.id })
      .from(products)
      .where(sql`${products.status} = 'active' and ${products.stock} > 50`)
      .limit(200)
  ).map((r) => r.id);
  const shoppers: { userId: number; cartId: string }[] = [];
  for (let i = 0; i < 60; i++) {
    const [u] = await db
      .insert(users)
      .values({ email: `bench-${tag}-${i}@example.com` })
      .returning({ id: users.id });
    shoppers.push({ userId: u!.id, cartId: await cartIdForUser(db, u!.id) });
  }
  const add = await timeMany(shoppers.length * 2, (i) => addItem(db, shoppers[i % shoppers.length]!.cartId, ids[i % ids.length]!, 1));
  const address = { name: "Bench", line1: "1 Test St", line2: "", city: "London", postcode: "E1 6AN", country: "GB" as const, phone: "" };
  const checkout = await timeMany(shoppers.length, (i) =>
    placeOrder(db, {
      ...shoppers[i]!,
      email: "bench@example.com",
      address,
      method: "bike",
      payment: "cod",
      idempotencyKey: `bench-${tag}-${i}-key-0000`,
      saveAddress: false,
      makeEcoDefault: false,
    }),
  );
  return { add, checkout };
}

const lines: string[] = [];
const out = (l: string) => {
  lines.push(l);
  console.error(l);
};

const parseStart = performance.now();
const analysis = await readOrderHistory(FILE);
const parseMs = performance.now() - parseStart;

out(`### (c) Import of ${path.basename(FILE)} (${analysis.rowsRead.toLocaleString("en-GB")} rows)`);
out("");
out("Baseline: reading, validating and analysing the file without writing (same run): " + `${(parseMs / 1000).toFixed(1)} s.`);
out("");
out("| driver | full import (migrate + read + write) | ratio to parse-only |");
out("| --- | --- | --- |");
const search: string[] = [];
const cart: string[] = [];
for (const driver of ["pglite", "postgres"] as const) {
  const cleanup = await freshDatabase(driver);
  try {
    const t = performance.now();
    await runMigrations();
    const a = await readOrderHistory(FILE);
    await writeImport(await getDb(), a, path.basename(FILE));
    const ms = performance.now() - t;
    out(`| ${driver} | ${(ms / 1000).toFixed(1)} s | ${ratio(ms, parseMs)} |`);

    const seeded = await searchLatency();
    const c1 = await cartCheckoutLatency(`${driver}-seeded`);
    search.push(
      `| ${driver} | ${seeded.n.toLocaleString("en-GB")} | ${fmt(seeded.s.p50)} | ${fmt(seeded.s.p95)} | ${fmt(seeded.base.p50)} | ${ratio(seeded.s.p50, seeded.base.p50)} |`,
    );
    await addProducts(EXTRA);
    const big = await searchLatency();
    const c2 = await cartCheckoutLatency(`${driver}-big`);
    for (const [n, c, b] of [
      [seeded.n, c1, seeded.base],
      [big.n, c2, big.base],
    ] as const) {
      cart.push(
        `| ${driver} | ${n.toLocaleString("en-GB")} | ${fmt(c.add.p50)} | ${fmt(c.add.p95)} | ${fmt(c.checkout.p50)} | ${fmt(c.checkout.p95)} | ${ratio(c.add.p50, b.p50)} | ${ratio(c.checkout.p50, b.p50)} |`,
      );
    }
    search.push(`| ${driver} | ${big.n.toLocaleString("en-GB")} | ${fmt(big.s.p50)} | ${fmt(big.s.p95)} | ${fmt(big.base.p50)} | ${ratio(big.s.p50, big.base.p50)} |`);
  } finally {
    await cleanup();
  }
}
out("");
out(`### (d) Search latency (${QUERIES.length} queries × 5, typos included; in-process, no HTTP)`);
out("");
out("Baseline: a product read by primary key on the same database in the same run.");
out("");
out("| driver | products | search p50 | search p95 | pk lookup p50 | p50 ratio to pk lookup |");
out("| --- | --- | --- | --- | --- | --- |");
for (const l of search) out(l);
out("");
out("### Add-to-cart and checkout latency (in-process: the functions the server actions call; 120 adds, 60 orders of 2 lines, bike delivery)");
out("");
out("Baseline: the same primary-key product read as above.");
out("");
out("| driver | products | add p50 | add p95 | checkout p50 | checkout p95 | add ratio | checkout ratio |");
out("| --- | --- | --- | --- | --- | --- | --- | --- |");
for (const l of cart) out(l);
console.log(lines.join("\n"));
