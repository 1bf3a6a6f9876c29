import { and, asc, desc, eq, gt, inArray, lt, ne, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { categories, products } from "@/db/schema";
import type { AdminContext } from "@/lib/admin/action";
import { changedFields, pickFields } from "@/lib/admin/audit";
import type { Db } from "@/lib/db";
import { escapeLike } from "@/lib/db/like";
import { textInput } from "@/lib/input";
import { poundsInput } from "@/lib/pounds";
import { UserError } from "@/lib/result";
import { searchTextOf } from "./describe";
import { PRODUCT_STATUSES, type ProductInput } from "./product-form";
import { productSlug } from "./text";

// The admin's database layer for products: the list staff search and page through, then the
// writes (create, edit, duplicate, bulk edit), each audited.

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

type Product = typeof products.$inferSelect;
/** The fields the audit log compares (derived columns and timestamps left out). */
const AUDITED = [
  "sku",
  "slug",
  "title",
  "description",
  "pricePence",
  "compareAtPence",
  "categoryId",
  "tags",
  "colors",
  "materials",
  "status",
  "lowStockThreshold",
  "stock",
] as const;

const pick = (p: Partial<Product>) => pickFields(p, AUDITED);
const diff = (before: Product, after: Product) => changedFields(before, after, AUDITED);

async function categorySlug(tx: Db, id: number): Promise<string> {
  const [c] = await tx.select({ slug: categories.slug }).from(categories).where(eq(categories.id, id)).limit(1);
  if (!c) throw new UserError("Choose a category", "categoryId");
  return c.slug;
}

/** Code and slug are unique: checked first for a clear message next to the field. */
async function assertUnique(tx: Db, sku: string, slug: string, exceptId?: number) {
  const clash = await tx
    .select({ sku: products.sku, slug: products.slug })
    .from(products)
    .where(and(sql`(${products.sku} = ${sku} or ${products.slug} = ${slug})`, exceptId ? ne(products.id, exceptId) : undefined))
    .limit(2);
  if (clash.some((c) => c.sku === sku)) throw new UserError(`Another product already has the code ${sku}.`, "sku");
  if (clash.some((c) => c.slug === slug)) throw new UserError(`Another product already uses the address /product/${slug}.`, "slug");
}

async function columns(tx: Db, p: ProductInput) {
  const slug = p.slug || productSlug(p.title, p.sku);
  return {
    sku: p.sku,
    slug,
    title: p.title,
    description: p.description,
    pricePence: p.price,
    compareAtPence: p.compareAt,
    categoryId: p.categoryId,
    tags: p.tags,
    colors: p.colors,
    materials: p.materials,
    status: p.status,
    lowStockThreshold: p.lowStockThreshold,
    searchText: searchTextOf({ title: p.title, categorySlug: await categorySlug(tx, p.categoryId), colors: p.colors, materials: p.materials }),
  };
}

export async function createProduct({ tx, audit }: AdminContext, p: ProductInput & { stock: number }): Promise<Product> {
  const values = await columns(tx, p);
  await assertUnique(tx, values.sku, values.slug);
  const [row] = await tx
    .insert(products)
    .values({ ...values, stock: p.stock })
    .returning();
  await audit({ action: "product.create", entity: "product", entityId: row!.id, before: null, after: pick(row!) });
  return row!;
}

/** Returns the product before and after (both slugs need their caches refreshed). */
export async function updateProduct({ tx, audit }: AdminContext, id: number, p: ProductInput): Promise<{ before: Product; after: Product }> {
  const [before] = await tx.select().from(products).where(eq(products.id, id)).limit(1).for("update");
  if (!before) throw new UserError("That product no longer exists.");
  const values = await columns(tx, p);
  await assertUnique(tx, values.sku, values.slug, id);
  const [after] = await tx.update(products).set(values).where(eq(products.id, id)).returning();
  const d = diff(before, after!);
  if (Object.keys(d.after).length) await audit({ action: "product.update", entity: "product", entityId: id, ...d });
  return { before, after: after! };
}

/** A draft copy with a free code and address, no stock (it is a new item for the shelves). */
export async function duplicateProduct({ tx, audit }: AdminContext, id: number): Promise<Product> {
  const [src] = await tx.select().from(products).where(eq(products.id, id)).limit(1);
  if (!src) throw new UserError("That product no longer exists.");
  let n = 1,
    sku = "",
    slug = "";
  for (; n < 100; n++) {
    sku = `${src.sku.slice(0, 16)}-C${n}`;
    slug = `${src.slug.slice(0, 90)}-copy${n > 1 ? `-${n}` : ""}`;
    const [taken] = await tx
      .select({ id: products.id })
      .from(products)
      .where(sql`${products.sku} = ${sku} or ${products.slug} = ${slug}`)
      .limit(1);
    if (!taken) break;
  }
  const { id: _id, search: _search, createdAt: _c, updatedAt: _u, unitsSold: _s, launchedAt: _l, ...rest } = src;
  const [row] = await tx
    .insert(products)
    .values({ ...rest, sku, slug, title: `${src.title} (copy)`.slice(0, 200), status: "draft", stock: 0 })
    .returning();
  await audit({ action: "product.duplicate", entity: "product", entityId: row!.id, before: { duplicateOf: id }, after: pick(row!) });
  return row!;
}

export const bulkSchema = z.object({
  ids: z.array(z.coerce.number().int().positive()).min(1, "Select at least one product").max(500, "At most 500 products at a time"),
  op: z.enum(["status", "category", "price_percent", "price_set"]),
  status: z.enum(PRODUCT_STATUSES).optional(),
  categoryId: z.coerce.number().int().positive().optional(),
  value: z.string().trim().max(12).optional(),
});

/** One change to many products in one statement; the log gets each product's before and after. */
export async function bulkEdit({ tx, audit }: AdminContext, b: z.output<typeof bulkSchema>): Promise<Product[]> {
  let set: Record<string, unknown>;
  if (b.op === "status") {
    if (!b.status) throw new UserError("Choose a status", "status");
    set = { status: b.status };
  } else if (b.op === "category") {
    if (!b.categoryId) throw new UserError("Choose a category", "categoryId");
    await categorySlug(tx, b.categoryId);
    set = { categoryId: b.categoryId };
  } else {
    if (b.op === "price_set") {
      const price = poundsInput("Price").safeParse(b.value ?? "");
      if (!price.success) throw new UserError(price.error.issues[0]!.message, "value");
      set = { pricePence: price.data };
    } else {
      const v = Number(b.value);
      if (!(Number.isFinite(v) && v >= -90 && v <= 500)) throw new UserError("Change by a percentage between -90 and 500", "value");
      set = { pricePence: sql`greatest(1, round(${products.pricePence} * (1 + ${v}::float8 / 100)))::int` };
    }
  }
  const before = await tx.select().from(products).where(inArray(products.id, b.ids)).orderBy(products.id).for("update");
  if (before.length !== new Set(b.ids).size) throw new UserError("Some of the selected products no longer exist; reload the list.");
  const after = await tx
    .update(products)
    .set(set as Partial<typeof products.$inferInsert>)
    .where(inArray(products.id, b.ids))
    .returning();
  const byId = new Map(after.map((p) => [p.id, p]));
  for (const p of before) {
    const d = diff(p, byId.get(p.id)!);
    if (Object.keys(d.after).length) await audit({ action: `product.bulk_${b.op}`, entity: "product", entityId: p.id, ...d });
  }
  return after;
}
