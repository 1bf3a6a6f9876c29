import { and, desc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { auditLog, categories, products, users } from "@/db/schema";
import type { Db } from "@/lib/db";
import { insertProducts } from "@/lib/testing/catalog";
import { createTestDb, dropTestDb } from "@/lib/testing/db";
import { formData, signInAs } from "@/lib/testing/session";
import { listAdminProducts } from "./admin";
import { findProductBySlug } from "./listing";
import { searchProducts } from "./search";

/** Product admin through its server actions (session stand-in, real database on either driver). */
const tags = vi.hoisted(() => [] as string[]);
vi.mock("@/lib/auth/current-user", () => import("@/lib/testing/session"));
vi.mock("next/cache", () => ({ updateTag: (t: string) => tags.push(t), revalidatePath: () => {} }));
vi.mock("next/navigation", () => ({
  redirect: () => {},
  notFound: () => {
    throw new Error("NEXT_NOT_FOUND");
  },
}));
const { bulkEditAction, createProductAction, duplicateProductAction, setProductStatusAction, updateProductAction } = await import("./admin-actions");

let db: Db;
let lighting = 0,
  kitchen = 0;
const base = {
  title: "Brass Storm Lantern",
  sku: "hl-100",
  price: "24.00",
  categoryId: "",
  status: "active",
  description: "Warm light.",
  tags: "garden, summer",
  colors: "gold",
  materials: "brass",
  lowStockThreshold: "3",
  stock: "12",
};
const productCount = async () => Number((await db.execute<{ n: number }>(sql`select count(*)::int as n from products`)).rows[0]!.n);
const audits = async (id: number) =>
  db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entity, "product"), eq(auditLog.entityId, String(id))))
    .orderBy(desc(auditLog.id));

beforeAll(async () => {
  db = await createTestDb();
  await insertProducts(db, [{ sku: "85123A", title: "White Hanging Heart T-Light Holder", category: "lighting", pricePence: 295 }]);
  lighting = (await db.select().from(categories).where(eq(categories.slug, "lighting")))[0]!.id;
  kitchen = (await db.select().from(categories).where(eq(categories.slug, "kitchen-dining")))[0]!.id;
  const [m] = await db.insert(users).values({ email: "merch@example.com", role: "merchandiser" }).returning();
  signInAs({ id: m!.id, email: m!.email, name: null, role: "merchandiser" });
});
afterAll(dropTestDb);

describe("product admin", () => {
  let id = 0;

  it("creates a product that is in the shop and in search at once, with an audit entry", async () => {
    const r = await createProductAction(null, formData({ ...base, categoryId: String(lighting) }));
    expect(r).toMatchObject({ ok: true, data: { slug: "brass-storm-lantern-hl-100" } });
    id = (r as { data: { id: number } }).data.id;
    expect(await findProductBySlug(db, "brass-storm-lantern-hl-100")).toMatchObject({ title: "Brass Storm Lantern", pricePence: 2400, stock: 12 });
    expect((await searchProducts(db, "brass lantern", 1)).items.map((p) => p.id)).toContain(id);
    expect(tags).toEqual(expect.arrayContaining(["catalog:listing", "catalog:product:brass-storm-lantern-hl-100"]));
    expect((await audits(id))[0]).toMatchObject({ action: "product.create", actorEmail: "merch@example.com", after: { sku: "HL-100", pricePence: 2400 } });
  });

  it("refuses a duplicate code or address, a negative price and a compare-at below the price, writing nothing", async () => {
    const before = await productCount();
    const dupCode = await createProductAction(null, formData({ ...base, title: "Other", categoryId: String(lighting) }));
    expect(dupCode).toMatchObject({ ok: false, fieldErrors: { sku: [expect.stringContaining("HL-100")] }, values: { title: "Other" } });
    const dupSlug = await createProductAction(null, formData({ ...base, sku: "HL-200", slug: "brass-storm-lantern-hl-100", categoryId: String(lighting) }));
    expect(dupSlug).toMatchObject({ ok: false, fieldErrors: { slug: expect.any(Array) } });
    const negative = await createProductAction(null, formData({ ...base, sku: "HL-300", price: "-5", categoryId: String(lighting) }));
    expect(negative).toMatchObject({ ok: false, fieldErrors: { price: [expect.stringContaining("no minus sign")] } });
    const compare = await createProductAction(null, formData({ ...base, sku: "HL-400", compareAt: "10.00", categoryId: String(lighting) }));
    expect(compare).toMatchObject({ ok: false, fieldErrors: { compareAt: expect.any(Array) } });
    const noCategory = await createProductAction(null, formData({ ...base, sku: "HL-500", categoryId: "99999" }));
    expect(noCategory).toMatchObject({ ok: false, fieldErrors: { categoryId: expect.any(Array) } });
    expect(await productCount()).toBe(before);
  });

  it("keeps script tags as plain text (React renders them inert)", async () => {
    const r = await updateProductAction(null, formData({ ...base, id: String(id), categoryId: String(lighting), description: "<script>alert(1)</script> Warm light." }));
    expect(r.ok).toBe(true);
    expect((await findProductBySlug(db, "brass-storm-lantern-hl-100"))!.description).toBe("<script>alert(1)</script> Warm light.");
  });

  it("edits log only what changed; a new address refreshes the old page and the new", async () => {
    tags.length = 0;
    const r = await updateProductAction(
      null,
      formData({ ...base, id: String(id), categoryId: String(lighting), description: "<script>alert(1)</script> Warm light.", price: "19.50", slug: "storm-lantern" }),
    );
    expect(r).toMatchObject({ ok: true });
    expect(tags).toEqual(expect.arrayContaining(["catalog:product:brass-storm-lantern-hl-100", "catalog:product:storm-lantern"]));
    expect((await audits(id))[0]).toMatchObject({
      action: "product.update",
      before: { pricePence: 2400, slug: "brass-storm-lantern-hl-100" },
      after: { pricePence: 1950, slug: "storm-lantern" },
    });
    expect(Object.keys((await audits(id))[0]!.after!).sort()).toEqual(["pricePence", "slug"]);
  });

  it("duplicates as a draft with a free code and no stock; archive takes a product out of the shop and restore brings it back", async () => {
    const copy = await duplicateProductAction(null, formData({ id: String(id) }));
    const copyId = (copy as { data: { id: number } }).data.id;
    expect((await db.select().from(products).where(eq(products.id, copyId)))[0]).toMatchObject({
      sku: "HL-100-C1",
      status: "draft",
      stock: 0,
      title: "Brass Storm Lantern (copy)",
    });
    expect(await setProductStatusAction(null, formData({ "ids[]": String(id), status: "archived" }))).toMatchObject({ ok: true });
    expect(await findProductBySlug(db, "storm-lantern")).toBeNull();
    await setProductStatusAction(null, formData({ "ids[]": String(id), status: "active" }));
    expect(await findProductBySlug(db, "storm-lantern")).not.toBeNull();
  });

  it("bulk edits price by percent and category in one go, each product in the log", async () => {
    const all = await db.select({ id: products.id, price: products.pricePence }).from(products).orderBy(products.id);
    const r = await bulkEditAction(null, formData({ "ids[]": all.map((p) => String(p.id)), op: "price_percent", value: "-10" }));
    expect(r).toMatchObject({ ok: true });
    const after = await db.select({ id: products.id, price: products.pricePence }).from(products).orderBy(products.id);
    after.forEach((p, i) => expect(p.price).toBe(Math.max(1, Math.round(all[i]!.price * 0.9))));
    expect((await audits(id))[0]).toMatchObject({ action: "product.bulk_price_percent" });
    await bulkEditAction(null, formData({ "ids[]": String(id), op: "category", categoryId: String(kitchen) }));
    expect((await db.select().from(products).where(eq(products.id, id)))[0]!.categoryId).toBe(kitchen);
    expect(await bulkEditAction(null, formData({ "ids[]": String(id), op: "price_percent", value: "-95" }))).toMatchObject({
      ok: false,
      fieldErrors: { value: expect.any(Array) },
    });
  });

  it("lists with search, filters and keyset pages", async () => {
    const byCode = await listAdminProducts(db, { q: "85123" });
    expect(byCode.rows.map((r) => r.sku)).toEqual(["85123A"]);
    expect((await listAdminProducts(db, { status: "draft" })).rows.map((r) => r.sku)).toEqual(["HL-100-C1"]);
    expect((await listAdminProducts(db, { stock: "out" })).rows.map((r) => r.sku)).toEqual(["HL-100-C1"]);
    const first = await listAdminProducts(db, {});
    expect(first.total).toBe(await productCount());
    expect(first.rows.map((r) => r.id)).toEqual([...first.rows.map((r) => r.id)].sort((a, b) => b - a));
  });
});
