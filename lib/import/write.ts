import { sql } from "drizzle-orm";
import { hashPassword } from "@/lib/auth/password";
import { ensureCategories, refreshProductStats, refreshSearchLexicon } from "@/lib/catalog/maintenance";
import { describeProduct, openingStock, searchTextOf } from "@/lib/catalog/describe";
import { productSlug } from "@/lib/catalog/text";
import type { Db } from "@/lib/db";
import { importRuns, orderLines, orders, products, users } from "@/db/schema";
import type { Analysis, OrderDraft } from "./analyze";
import type { Progress } from "./read";
import { env } from "@/lib/env";

export type ImportReport = {
  source: string;
  rowsRead: number;
  products: { inFile: number; created: number };
  customers: { inFile: number; created: number };
  orders: { inFile: number; created: number; refunds: number };
  lines: { created: number };
  dirty: Analysis["dirty"];
  rejected: Analysis["rejected"];
};

export const DEMO_PASSWORD = env().DEMO_PASSWORD;
export const demoEmail = (externalId: string) => `customer${externalId}@hearth.example`;

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Writes an analysis into the database. Idempotent: products, customers and orders are keyed by
 * their source numbers and an existing row is never changed (so merchandisers' edits survive a
 * re-import); each batch of orders and its lines commit together.
 */
export async function writeImport(db: Db, a: Analysis, source: string, onProgress: Progress = () => {}): Promise<ImportReport> {
  const [run] = await db.insert(importRuns).values({ source, rowsRead: a.rowsRead }).returning({ id: importRuns.id });
  const categoryIds = await ensureCategories(db);

  let productsCreated = 0;
  for (const batch of chunks(a.products, 500)) {
    const rows = batch.map((p) => ({
      sku: p.sku,
      slug: productSlug(p.title, p.sku),
      title: p.title,
      description: describeProduct(p),
      pricePence: p.pricePence,
      categoryId: categoryIds.get(p.categorySlug)!,
      colors: p.colors,
      materials: p.materials,
      searchText: searchTextOf(p),
      stock: openingStock(p.sku, p.unitsSold),
      status: p.pricePence > 0 ? ("active" as const) : ("draft" as const),
      unitsSold: p.unitsSold,
      launchedAt: p.firstSoldAt,
    }));
    const inserted = await db.insert(products).values(rows).onConflictDoNothing().returning({ id: products.id });
    productsCreated += inserted.length;
  }
  onProgress(`products: ${productsCreated} new of ${a.products.length}`);
  const productIds = new Map<string, number>();
  for (const r of await db.select({ id: products.id, sku: products.sku }).from(products)) productIds.set(r.sku, r.id);

  // One argon2 hash serves every demo customer: hashing 3,000+ passwords would take minutes.
  const demoHash = a.customers.length ? await hashPassword(DEMO_PASSWORD) : "";
  let customersCreated = 0;
  for (const batch of chunks(a.customers, 1000)) {
    const inserted = await db
      .insert(users)
      .values(
        batch.map((c) => ({
          email: demoEmail(c.externalId),
          name: `Customer ${c.externalId}`,
          passwordHash: demoHash,
          externalId: c.externalId,
          country: c.country,
          firstOrderAt: c.firstOrderAt,
        })),
      )
      .onConflictDoNothing()
      .returning({ id: users.id });
    customersCreated += inserted.length;
  }
  onProgress(`customers: ${customersCreated} new of ${a.customers.length}`);
  const userIds = new Map<string, number>();
  for (const r of await db
    .select({ id: users.id, ext: users.externalId })
    .from(users)
    .where(sql`${users.externalId} is not null`)) {
    userIds.set(r.ext!, r.id);
  }

  let ordersCreated = 0;
  let linesCreated = 0;
  const batches = chunks(a.orders, 400);
  for (const [i, batch] of batches.entries()) {
    const counts = await db.transaction(async (tx) => {
      const inserted = await tx
        .insert(orders)
        .values(batch.map((o) => orderRow(o, userIds)))
        .onConflictDoNothing({ target: orders.number })
        .returning({ id: orders.id, number: orders.number });
      const byNumber = new Map(batch.map((o) => [o.number, o]));
      const lines = inserted.flatMap(({ id, number }) =>
        byNumber.get(number)!.lines.map((l, idx) => ({
          orderId: id,
          lineNo: idx + 1,
          kind: l.kind,
          productId: l.kind === "product" ? (productIds.get(l.sku) ?? null) : null,
          sku: l.sku,
          title: l.title,
          quantity: l.quantity,
          unitPricePence: l.unitPricePence,
        })),
      );
      for (const part of chunks(lines, 2000)) await tx.insert(orderLines).values(part);
      return { orders: inserted.length, lines: lines.length };
    });
    ordersCreated += counts.orders;
    linesCreated += counts.lines;
    if (i % 10 === 9 || i === batches.length - 1) {
      onProgress(`orders: ${Math.round(((i + 1) / batches.length) * 100)}% (${ordersCreated} new, ${linesCreated} lines)`);
    }
  }

  await refreshProductStats(db);
  await refreshSearchLexicon(db);
  // Fresh statistics for the planner: PGlite has no autovacuum, and PostgreSQL's may not have
  // caught up after a bulk load; without them joins over orders are planned for empty tables.
  await db.execute(sql`analyze users, products, orders, order_lines`);

  const report: ImportReport = {
    source,
    rowsRead: a.rowsRead,
    products: { inFile: a.products.length, created: productsCreated },
    customers: { inFile: a.customers.length, created: customersCreated },
    orders: { inFile: a.orders.length, created: ordersCreated, refunds: a.orders.filter((o) => o.kind === "refund").length },
    lines: { created: linesCreated },
    dirty: a.dirty,
    rejected: a.rejected,
  };
  await db
    .update(importRuns)
    .set({ finishedAt: new Date(), report: report as unknown as Record<string, unknown> })
    .where(sql`${importRuns.id} = ${run!.id}`);
  return report;
}

function orderRow(o: OrderDraft, userIds: Map<string, number>) {
  let subtotal = 0,
    shipping = 0,
    discount = 0,
    fees = 0;
  for (const l of o.lines) {
    const amount = l.quantity * l.unitPricePence;
    if (l.kind === "product") subtotal += amount;
    else if (l.kind === "shipping") shipping += amount;
    else if (l.kind === "discount") discount += amount;
    else fees += amount;
  }
  return {
    number: o.number,
    userId: o.customerId ? (userIds.get(o.customerId) ?? null) : null,
    kind: o.kind,
    // Imported sales are history: delivered. Cancellation invoices are refunds.
    status: o.kind === "refund" ? ("refunded" as const) : ("delivered" as const),
    source: "import" as const,
    country: o.country,
    subtotalPence: subtotal,
    shippingPence: shipping,
    discountPence: discount,
    feesPence: fees,
    totalPence: subtotal + shipping + discount + fees,
    placedAt: o.placedAt,
  };
}
