/**
 * (h) Admin at scale: the product list and the customer search with 100,000 products and 100,000
 * customers, on PGlite and PostgreSQL, p50/p95 per query against a product read by primary key
 * on the same database in the same run. Prints a markdown section.
 */
import { eq, sql } from "drizzle-orm";
import { products } from "@/db/schema";
import { listAdminProducts } from "@/lib/catalog/admin";
import { generateProduct } from "@/lib/catalog/generate";
import { ensureCategories } from "@/lib/catalog/maintenance";
import { searchCustomers } from "@/lib/customers/admin";
import { getDb } from "@/lib/db";
import { runMigrations } from "@/lib/db/migrate";
import { fmt, freshDatabase, ratio, timeMany } from "./util";

const N = Number(process.env.BENCH_ADMIN_ROWS ?? 100_000);
const RUNS = 50;

async function fill() {
  const db = await getDb();
  const ids = await ensureCategories(db);
  for (let start = 0; start < N; start += 1000) {
    const rows = [];
    for (let i = start; i < Math.min(N, start + 1000); i++) {
      const p = generateProduct(i);
      // A spread of stock levels and statuses, as a real catalogue has.
      rows.push({
        ...p,
        categoryId: ids.get(p.categorySlug)!,
        status: (i % 20 === 0 ? "draft" : i % 33 === 0 ? "archived" : "active") as "active",
        stock: i % 17 === 0 ? 0 : i % 7 === 0 ? 3 : 40,
      });
    }
    await db.insert(products).values(rows).onConflictDoNothing();
  }
  const first = ["Olivia", "Amelia", "Isla", "Ava", "Noah", "Oliver", "George", "Arthur", "Leo", "Harry", "Mia", "Ivy"];
  const last = ["Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Patel", "Wright", "Walker", "Evans"];
  await db.execute(sql`
    insert into users (email, name, role, country)
    select 'shopper' || g || '@example.com', (${sql.raw(`array['${first.join("','")}']`)})[1 + g % 12] || ' ' || (${sql.raw(`array['${last.join("','")}']`)})[1 + (g / 12) % 12] || ' ' || g,
      'customer', 'United Kingdom'
    from generate_series(1, ${N}) g`);
  await db.execute(sql`analyze`);
}

async function run(driver: "pglite" | "postgres") {
  const cleanup = await freshDatabase(driver);
  try {
    await runMigrations();
    await fill();
    const db = await getDb();
    const { rows: mid } = await db.execute<{ id: number }>(sql`select id from products order by id offset ${Math.floor(N / 2)} limit 1`);
    const middle = Number(mid[0]!.id);
    const cat = (await ensureCategories(db)).get("lighting")!;
    const pk = await timeMany(RUNS * 2, (i) =>
      db
        .select()
        .from(products)
        .where(eq(products.id, 1 + ((i * 7919) % N)))
        .limit(1),
    );
    const queries: [string, () => Promise<unknown>][] = [
      ["products: first page, no filter", () => listAdminProducts(db, {})],
      ["products: title search “lantern”", () => listAdminProducts(db, { q: "lantern" })],
      ["products: code prefix “G00012”", () => listAdminProducts(db, { q: "G00012" })],
      ["products: category + low stock", () => listAdminProducts(db, { category: cat, stock: "low" })],
      ["products: drafts", () => listAdminProducts(db, { status: "draft" })],
      ["products: a page in the middle (keyset)", () => listAdminProducts(db, { after: middle })],
      ["customers: email prefix “shopper4242”", () => searchCustomers(db, "shopper4242")],
      ["customers: name part “patel”", () => searchCustomers(db, "patel")],
      ["customers: number", () => searchCustomers(db, String(50_000))],
    ];
    const rows: [string, Awaited<ReturnType<typeof timeMany>>][] = [];
    for (const [name, q] of queries) {
      await q(); // warm
      rows.push([name, await timeMany(RUNS, q)]);
    }
    return { driver, pk, rows };
  } finally {
    await cleanup();
  }
}

const results = [await run("pglite"), await run("postgres")];
console.log(
  [
    `### (h) Admin at scale (${N.toLocaleString("en")} products and ${N.toLocaleString("en")} customers, in-process, ${RUNS} runs per query)`,
    "",
    "Baseline: a product read by primary key on the same database in the same run. Product lists are keyset-paged and count up to 10,000; customer search uses trigram indexes on email and name.",
    "",
    "| driver | query | p50 | p95 | p95 ratio to pk read p95 |",
    "| --- | --- | --- | --- | --- |",
    ...results.flatMap((r) => [
      `| ${r.driver} | baseline: product by primary key | ${fmt(r.pk.p50)} | ${fmt(r.pk.p95)} | 1.00× |`,
      ...r.rows.map(([name, m]) => `| ${r.driver} | ${name} | ${fmt(m.p50)} | ${fmt(m.p95)} | ${ratio(m.p95, r.pk.p95)} |`),
    ]),
  ].join("\n"),
);
