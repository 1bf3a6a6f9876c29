import { and, asc, eq, sql } from "drizzle-orm";
import { productImageFiles, productImages, products } from "@/db/schema";
import type { AdminContext } from "@/lib/admin/action";
import type { Db } from "@/lib/db";
import { UserError } from "@/lib/result";
import { MAX_IMAGES } from "./image-limits";
import type { ProcessedImage } from "./image-upload";

/** A product's uploaded pictures in order (no bytes). */
export async function listImages(db: Db, productId: number) {
  return db
    .select({ id: productImages.id, position: productImages.position, alt: productImages.alt, width: productImages.width, height: productImages.height })
    .from(productImages)
    .where(eq(productImages.productId, productId))
    .orderBy(asc(productImages.position), asc(productImages.id));
}

/** One stored file for the image route: the picture at `position` of the product with this code. */
export async function readImageFile(db: Db, sku: string, position: number, width: number, format: "webp" | "avif") {
  const [row] = await db
    .select({ data: productImageFiles.data })
    .from(productImages)
    .innerJoin(products, eq(products.id, productImages.productId))
    .innerJoin(productImageFiles, and(eq(productImageFiles.imageId, productImages.id), eq(productImageFiles.width, width), eq(productImageFiles.format, format)))
    .where(and(eq(products.sku, sku), eq(productImages.position, position)))
    .limit(1);
  return row?.data ?? null;
}

/** Locks the product, bumps its picture version (new URLs everywhere) and returns it. */
async function touch(tx: Db, productId: number) {
  const [p] = await tx
    .update(products)
    .set({ imageVersion: sql`${products.imageVersion} + 1` })
    .where(eq(products.id, productId))
    .returning({ slug: products.slug, imageVersion: products.imageVersion });
  if (!p) throw new UserError("That product no longer exists.");
  return p;
}

/** Renumbers positions 0..n-1 in the given order. */
async function renumber(tx: Db, ids: number[]) {
  for (const [i, id] of ids.entries()) await tx.update(productImages).set({ position: i }).where(eq(productImages.id, id));
}

export async function addImages({ tx, audit }: AdminContext, productId: number, images: ProcessedImage[], alt: string) {
  const p = await touch(tx, productId);
  const existing = await listImages(tx, productId);
  if (existing.length + images.length > MAX_IMAGES) throw new UserError(`A product can have at most ${MAX_IMAGES} pictures (it has ${existing.length}).`, "files");
  const added: number[] = [];
  for (const [i, img] of images.entries()) {
    const [row] = await tx
      .insert(productImages)
      .values({ productId, position: existing.length + i, alt, width: img.width, height: img.height })
      .returning({ id: productImages.id });
    await tx.insert(productImageFiles).values(img.files.map((f) => ({ imageId: row!.id, width: f.width, format: f.format, data: f.data })));
    added.push(row!.id);
  }
  await audit({
    action: "product.images_add",
    entity: "product",
    entityId: productId,
    before: { images: existing.length },
    after: { images: existing.length + images.length, files: images.map((i) => `${i.name} (${i.width}×${i.height})`), alt },
  });
  return p;
}

export async function reorderImages({ tx, audit }: AdminContext, productId: number, order: number[]) {
  const existing = await listImages(tx, productId);
  const ids = existing.map((i) => i.id);
  if (order.length !== ids.length || !order.every((id) => ids.includes(id))) throw new UserError("The pictures changed meanwhile; reload the page.");
  const p = await touch(tx, productId);
  await renumber(tx, order);
  await audit({ action: "product.images_order", entity: "product", entityId: productId, before: { order: ids }, after: { order } });
  return p;
}

export async function setImageAlt({ tx, audit }: AdminContext, imageId: number, alt: string) {
  const [img] = await tx.select().from(productImages).where(eq(productImages.id, imageId)).limit(1);
  if (!img) throw new UserError("That picture no longer exists.");
  const p = await touch(tx, img.productId);
  await tx.update(productImages).set({ alt }).where(eq(productImages.id, imageId));
  await audit({ action: "product.image_alt", entity: "product", entityId: img.productId, before: { image: imageId, alt: img.alt }, after: { image: imageId, alt } });
  return p;
}

export async function deleteImage({ tx, audit }: AdminContext, imageId: number) {
  const [img] = await tx.select().from(productImages).where(eq(productImages.id, imageId)).limit(1);
  if (!img) throw new UserError("That picture no longer exists.");
  const p = await touch(tx, img.productId);
  await tx.delete(productImages).where(eq(productImages.id, imageId));
  await renumber(
    tx,
    (await listImages(tx, img.productId)).map((i) => i.id),
  );
  await audit({ action: "product.image_delete", entity: "product", entityId: img.productId, before: { image: imageId, alt: img.alt }, after: null });
  return p;
}
