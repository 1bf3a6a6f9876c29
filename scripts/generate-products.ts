import { sql } from "drizzle-orm";
import { products } from "@/db/schema";
import { generateProduct } from "@/lib/catalog/generate";
import { ensureCategories, refreshSearchLexicon } from "@/lib/catalog/maintenance";
import { getDb } from "@/lib/db";
import { runMigrations } from "@/lib/db/migrate";
import { runCli, UsageError } from "./cli";

/** npm run data:products -- --count 100000 [--seed 1]: adds synthetic products (idempotent per index). */
void runCli(async () => {
  const args = process.argv.slice(2);
  const get = (name: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const count = Number(get("count") ?? 100_000);
  const seed = Number(get("seed") ?? 1);
  if (!Number.isInteger(count) || count < 1 || count > 10_000_000) throw new UsageError("--count must be a whole number from 1 to 10,000,000");
  if (!Number.isInteger(seed)) throw new UsageError("--seed must be a whole number");

  await runMigrations();
  const db = await getDb();
  const categoryIds = await ensureCategories(db);
  let created = 0;
  for (let start = 0; start < count; start += 1000) {
    const rows = [];
    for (let i = start; i < Math.min(count, start + 1000); i++) {
      const p = generateProduct(i, seed);
      rows.push({ ...p, categoryId: categoryIds.get(p.categorySlug)!, status: "active" as const });
    }
    created += (await db.insert(products).values(rows).onConflictDoNothing().returning({ id: products.id })).length;
    if ((start / 1000) % 10 === 9) console.log(`products: ${Math.min(count, start + 1000)} / ${count}`);
  }
  await refreshSearchLexicon(db);
  await db.execute(sql`analyze products`);
  console.log(`generated ${created} new products (${count} requested)`);
});
