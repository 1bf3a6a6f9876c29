"use server";

import { updateTag } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { adminAction } from "@/lib/admin/action";
import { bulkEdit, bulkSchema, createProduct, duplicateProduct, updateProduct } from "./admin";
import { newProductSchema, productSchema } from "./product-form";
import { CATALOG_TAGS } from "@/lib/cache/tags";
import { importProducts, MAX_CSV_BYTES, parseProductsCsv } from "./csv";
import { UserError } from "@/lib/result";

/** Storefront caches a product write touches: its page (old and new address), listings, category counts. Immediate, not stale-while-revalidate. */
function refreshStorefront(...slugs: string[]) {
  updateTag(CATALOG_TAGS.listing);
  updateTag(CATALOG_TAGS.categories);
  for (const s of new Set(slugs)) updateTag(CATALOG_TAGS.product(s));
}

const idSchema = z.object({ id: z.coerce.number().int().positive() });

export const createProductAction = adminAction(
  { name: "product.create", schema: newProductSchema },
  async (input, ctx) => {
    const p = await createProduct(ctx, input);
    return { id: p.id, slug: p.slug, message: `Created “${p.title}”.` };
  },
  (r) => {
    refreshStorefront(r.slug);
    redirect(`/admin/products/${r.id}?created=1`);
  },
);

export const updateProductAction = adminAction(
  { name: "product.update", schema: z.intersection(idSchema, productSchema) },
  async (input, ctx) => {
    const { before, after } = await updateProduct(ctx, input.id, input);
    return { slugs: [before.slug, after.slug], message: `Saved “${after.title}”.` };
  },
  (r) => refreshStorefront(...r.slugs),
);

export const duplicateProductAction = adminAction(
  { name: "product.duplicate", schema: idSchema },
  async ({ id }, ctx) => {
    const p = await duplicateProduct(ctx, id);
    return { id: p.id, message: "Copied as a draft." };
  },
  (r) => redirect(`/admin/products/${r.id}?copied=1`),
);

/** Archive or restore from the list or the edit page (archived products 404 on the storefront). */
export const setProductStatusAction = adminAction(
  { name: "product.status", schema: z.object({ ids: z.array(z.coerce.number().int().positive()).min(1).max(500), status: z.enum(["active", "archived", "draft"]) }) },
  async ({ ids, status }, ctx) => {
    const rows = await bulkEdit(ctx, { ids, op: "status", status });
    return {
      slugs: rows.map((r) => r.slug),
      message: `${rows.length === 1 ? "Product" : `${rows.length} products`} ${status === "archived" ? "archived" : status === "active" ? "restored" : "set to draft"}.`,
    };
  },
  (r) => refreshStorefront(...r.slugs),
);

export const bulkEditAction = adminAction(
  { name: "product.bulk", schema: bulkSchema },
  async (input, ctx) => {
    const rows = await bulkEdit(ctx, input);
    return { slugs: rows.map((r) => r.slug), message: `Updated ${rows.length} product${rows.length === 1 ? "" : "s"}.` };
  },
  (r) => refreshStorefront(...r.slugs),
);

const importSchema = z.object({
  file: z
    .instanceof(File, { error: "Choose a CSV file" })
    .refine((f) => f.size > 0, "Choose a CSV file")
    .refine((f) => f.size <= MAX_CSV_BYTES, "The file is over 5 MB: split it"),
});

/** Products from a CSV file: all rows are checked first; one bad row and nothing changes (each problem is listed with its line). */
export const importProductsAction = adminAction(
  { name: "product.import", schema: importSchema },
  async ({ file }, ctx) => {
    const { rows, errors } = await parseProductsCsv(ctx.tx, await file.text());
    if (errors.length) throw new UserError(`${errors.length} row${errors.length === 1 ? "" : "s"} need fixing; nothing was imported.`, "file", errors.slice(0, 200));
    const r = await importProducts(ctx, rows);
    return { slugs: r.slugs, message: `Imported ${rows.length} rows: ${r.created} new, ${r.updated} updated.` };
  },
  (r) => refreshStorefront(...r.slugs),
);
