import { parse } from "csv-parse/sync";
import { asc, eq, inArray } from "drizzle-orm";
import { categories, products } from "@/db/schema";
import type { AdminContext } from "@/lib/admin/action";
import type { Db } from "@/lib/db";
import { fieldErrorsOf, UserError } from "@/lib/result";
import { createProduct, updateProduct } from "./admin";
import { productSchema, type ProductInput } from "./product-form";
import { penceToPounds } from "@/lib/format";

/** The product file's columns, in order (export writes them, import reads them by name). */
export const CSV_COLUMNS = [
  "sku",
  "title",
  "slug",
  "description",
  "price",
  "compare_at_price",
  "category",
  "tags",
  "colors",
  "materials",
  "status",
  "low_stock_threshold",
  "stock",
] as const;
export const MAX_CSV_ROWS = 5000;
export const MAX_CSV_BYTES = 5 * 1024 * 1024;

/** One CSV field: quoted when needed, and spreadsheet formulas defused (a leading = + - @ gets a quote mark). */
export function csvField(v: unknown): string {
  let s = v == null ? "" : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Every product (any status) as CSV, in id order; the same columns import reads. */
export async function exportProductsCsv(db: Db): Promise<string> {
  const rows = await db.select({ p: products, category: categories.slug }).from(products).innerJoin(categories, eq(categories.id, products.categoryId)).orderBy(asc(products.id));
  const lines = [CSV_COLUMNS.join(",")];
  for (const { p, category } of rows) {
    lines.push(
      [
        p.sku,
        p.title,
        p.slug,
        p.description,
        penceToPounds(p.pricePence),
        penceToPounds(p.compareAtPence),
        category,
        p.tags.join(", "),
        p.colors.join(", "),
        p.materials.join(", "),
        p.status,
        p.lowStockThreshold,
        p.stock,
      ]
        .map(csvField)
        .join(","),
    );
  }
  return `${lines.join("\r\n")}\r\n`;
}

export type CsvRowError = { line: number; sku: string; messages: string[] };
type Parsed = { line: number; input: ProductInput; stock: number };

/**
 * Reads and validates a whole product file before anything is written: every row through the
 * product form's schema, categories by slug or name, codes unique within the file. Returns the
 * rows or every problem with its line number.
 */
export async function parseProductsCsv(db: Db, text: string): Promise<{ rows: Parsed[]; errors: CsvRowError[] }> {
  let records: Record<string, string>[];
  try {
    records = parse(text.replace(/^\uFEFF/, ""), {
      columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()),
      skip_empty_lines: true,
      trim: true,
      relax_column_count: false,
      to: MAX_CSV_ROWS + 1,
    });
  } catch (err) {
    throw new UserError(`The file is not valid CSV: ${(err as Error).message.split("\n")[0]}`, "file");
  }
  if (!records.length) throw new UserError("The file has no product rows.", "file");
  if (records.length > MAX_CSV_ROWS) throw new UserError(`At most ${MAX_CSV_ROWS} products per file.`, "file");
  const missing = ["sku", "title", "price", "category"].filter((c) => !(c in records[0]!));
  if (missing.length) throw new UserError(`The file needs the columns ${missing.join(", ")} (export a file to see the format).`, "file");
  const cats = await db.select({ id: categories.id, slug: categories.slug, name: categories.name }).from(categories);
  const catId = new Map(
    cats.flatMap(
      (c) =>
        [
          [c.slug, c.id],
          [c.name.toLowerCase(), c.id],
        ] as [string, number][],
    ),
  );
  const rows: Parsed[] = [];
  const errors: CsvRowError[] = [];
  const seen = new Map<string, number>();
  records.forEach((r, i) => {
    const line = i + 2; // the header is line 1
    const parsed = productSchema.safeParse({
      sku: r.sku ?? "",
      title: r.title ?? "",
      slug: r.slug ?? "",
      description: r.description ?? "",
      price: r.price ?? "",
      compareAt: r.compare_at_price ?? "",
      categoryId: catId.get((r.category ?? "").toLowerCase()) ?? "",
      tags: r.tags ?? "",
      colors: r.colors ?? "",
      materials: r.materials ?? "",
      status: (r.status || "draft").toLowerCase(),
      lowStockThreshold: r.low_stock_threshold || "5",
    });
    const messages = parsed.success
      ? []
      : Object.entries(fieldErrorsOf(parsed.error)).flatMap(([f, m]) => m.map((x) => (f === "categoryId" && r.category ? `Unknown category “${r.category}”` : x)));
    const stock = r.stock === undefined || r.stock === "" ? 0 : Number(r.stock);
    if (!Number.isInteger(stock) || stock < 0 || stock > 1_000_000) messages.push("Stock: a whole number, 0 or more");
    const sku = (r.sku ?? "").trim().toUpperCase();
    if (sku && seen.has(sku)) messages.push(`The code ${sku} is also on line ${seen.get(sku)}`);
    seen.set(sku, line);
    if (messages.length || !parsed.success) errors.push({ line, sku, messages });
    else rows.push({ line, input: parsed.data, stock });
  });
  return { rows, errors };
}

/**
 * Applies validated rows in the caller's transaction: a known code updates that product, a new
 * one creates it (with its stock; later stock changes go through inventory). A row that fails
 * here (an address taken by another product, say) fails the whole file.
 */
export async function importProducts(ctx: AdminContext, rows: Parsed[]) {
  const known = new Map(
    (
      await ctx.tx
        .select({ id: products.id, sku: products.sku })
        .from(products)
        .where(
          inArray(
            products.sku,
            rows.map((r) => r.input.sku),
          ),
        )
    ).map((p) => [p.sku, p.id]),
  );
  let created = 0,
    updated = 0;
  const slugs: string[] = [];
  for (const r of rows) {
    try {
      const id = known.get(r.input.sku);
      if (id) {
        const { before, after } = await updateProduct(ctx, id, r.input);
        slugs.push(before.slug, after.slug);
        updated++;
      } else {
        slugs.push((await createProduct(ctx, { ...r.input, stock: r.stock })).slug);
        created++;
      }
    } catch (err) {
      if (err instanceof UserError) throw new UserError(`Line ${r.line} (${r.input.sku}): ${err.message} Nothing was imported.`, "file");
      throw err;
    }
  }
  return { created, updated, slugs };
}
