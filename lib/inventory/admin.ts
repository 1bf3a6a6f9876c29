import { and, asc, desc, eq, sql } from "drizzle-orm";
import { textInput } from "@/lib/input";
import { z } from "zod";
import { categories, products, stockAdjustments } from "@/db/schema";
import type { AdminContext } from "@/lib/admin/action";
import type { Db } from "@/lib/db";
import { UserError } from "@/lib/result";
import { STOCK_REASONS, type StockReason } from "./reasons";

export const adjustSchema = z.object({
  productId: z.coerce.number().int().positive(),
  /** "+12", "-3" (a change) or "=40" (a counted level). */
  change: z
    .string()
    .trim()
    .regex(/^[+-]?\d{1,6}$|^=\d{1,6}$/, "Enter a change like +12 or -3, or =40 for a counted level"),
  reason: z.enum(Object.keys(STOCK_REASONS) as [StockReason, ...StockReason[]], { error: "Choose a reason" }),
  note: textInput({ max: 300, multiline: true }).default(""),
});

/** Changes one product's stock under its row lock; the level never goes below zero; history and audit in the same transaction. */
export async function adjustStock({ tx, user, audit }: AdminContext, a: z.output<typeof adjustSchema>) {
  const [p] = await tx.select({ id: products.id, slug: products.slug, stock: products.stock }).from(products).where(eq(products.id, a.productId)).limit(1).for("update");
  if (!p) throw new UserError("That product no longer exists.");
  const target = a.change.startsWith("=") ? Number(a.change.slice(1)) : p.stock + Number(a.change);
  if (target < 0) throw new UserError(`Only ${p.stock} in stock: it cannot go below zero.`, "change");
  const delta = target - p.stock;
  if (delta === 0 && !a.change.startsWith("=")) throw new UserError("A change of zero changes nothing.", "change");
  await tx.update(products).set({ stock: target }).where(eq(products.id, p.id));
  await tx.insert(stockAdjustments).values({ productId: p.id, delta, stockAfter: target, reason: a.reason, note: a.note, actorId: user.id });
  await audit({ action: "stock.adjust", entity: "product", entityId: p.id, before: { stock: p.stock }, after: { stock: target, reason: a.reason, note: a.note || undefined } });
  return { slug: p.slug, stock: target, delta };
}

/** Active products at or below their low-stock threshold, emptiest first. */
export async function listLowStock(db: Db, limit = 200) {
  return db
    .select({
      id: products.id,
      sku: products.sku,
      title: products.title,
      stock: products.stock,
      threshold: products.lowStockThreshold,
      category: categories.name,
      unitsSold: products.unitsSold,
    })
    .from(products)
    .innerJoin(categories, eq(categories.id, products.categoryId))
    .where(and(eq(products.status, "active"), sql`${products.stock} <= ${products.lowStockThreshold}`))
    .orderBy(asc(products.stock), desc(products.unitsSold), asc(products.id))
    .limit(limit);
}

export async function stockHistory(db: Db, productId: number, limit = 50) {
  return db.select().from(stockAdjustments).where(eq(stockAdjustments.productId, productId)).orderBy(desc(stockAdjustments.id)).limit(limit);
}
