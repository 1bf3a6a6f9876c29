import { and, asc, desc, eq, gt, lt, sql, type SQL } from "drizzle-orm";
import { textInput } from "@/lib/input";
import { z } from "zod";
import { categories, products } from "@/db/schema";
import type { Db } from "@/lib/db";
import { escapeLike } from "@/lib/db/like";
import { PRODUCT_STATUSES } from "./product-form";

export const ADMIN_PAGE_SIZE = 50;
/** Counting stops here: "10,000+" is as useful as an exact figure and stays fast at any size. */
const COUNT_CAP = 10_000;

export const adminListSchema = z.object({
  q: textInput({ max: 100 }).optional().catch(undefined),
  category: z.coerce.number().int().positive().optional().catch(undefined),
  status: z.enum(PRODUCT_STATUSES).optional().catch(undefined),
  stock: z.enum(["in", "low", "out"]).optional().catch(undefined),
  /** Keyset cursors on id (newest first): `after` pages forward, `before` back. */
  after: z.coerce.number().int().positive().optional().catch(undefined),
  before: z.coerce.number().int().positive().optional().catch(undefined),
});
export type AdminListParams = z.infer<typeof adminListSchema>;

function filters(p: AdminListParams): SQL[] {
  const where: SQL[] = [];
  if (p.q) {
    const q = p.q.toLowerCase();
    // The title's trigram index serves the substring match; a code is matched from its start.
    where.push(sql`(lower(${products.title}) like ${`%${escapeLike(q)}%`} or ${products.sku} like ${`${escapeLike(q.toUpperCase())}%`})`);
  }
  if (p.category) where.push(eq(products.categoryId, p.category));
  if (p.status) where.push(eq(products.status, p.status));
  if (p.stock === "out") where.push(sql`${products.stock} = 0`);
  if (p.stock === "low") where.push(sql`${products.stock} > 0 and ${products.stock} <= ${products.lowStockThreshold}`);
  if (p.stock === "in") where.push(sql`${products.stock} > ${products.lowStockThreshold}`);
  return where;
}

/** The admin product list: filtered, newest first, keyset-paged (no OFFSET scans at 100k rows). */
export async function listAdminProducts(db: Db, p: AdminListParams) {
  const where = filters(p);
  const backwards = Boolean(p.before && !p.after);
  const page = and(...where, p.after ? lt(products.id, p.after) : undefined, backwards ? gt(products.id, p.before!) : undefined);
  const rows = await db
    .select({
      id: products.id,
      sku: products.sku,
      slug: products.slug,
      title: products.title,
      pricePence: products.pricePence,
      stock: products.stock,
      lowStockThreshold: products.lowStockThreshold,
      status: products.status,
      category: categories.name,
      updatedAt: products.updatedAt,
    })
    .from(products)
    .innerJoin(categories, eq(categories.id, products.categoryId))
    .where(page)
    .orderBy(backwards ? asc(products.id) : desc(products.id))
    .limit(ADMIN_PAGE_SIZE + 1);
  const more = rows.length > ADMIN_PAGE_SIZE;
  const shown = rows.slice(0, ADMIN_PAGE_SIZE);
  if (backwards) shown.reverse();
  const { rows: c } = await db.execute<{ n: number }>(sql`select count(*)::int as n from (select 1 from ${products} where ${and(...where) ?? sql`true`} limit ${COUNT_CAP + 1}) x`);
  const total = Number(c[0]!.n);
  return {
    rows: shown,
    total: Math.min(total, COUNT_CAP),
    totalCapped: total > COUNT_CAP,
    next: (backwards ? Boolean(p.before) : more) && shown.length ? shown.at(-1)!.id : null,
    prev: (backwards ? more : Boolean(p.after)) && shown.length ? shown[0]!.id : null,
  };
}

/** One product with everything the edit form shows. */
export async function getAdminProduct(db: Db, id: number) {
  const [row] = await db.select().from(products).where(eq(products.id, id)).limit(1);
  return row ?? null;
}

export async function listCategoryOptions(db: Db) {
  return db.select({ id: categories.id, name: categories.name }).from(categories).orderBy(asc(categories.sortOrder), asc(categories.name));
}
