"use server";

import { updateTag } from "next/cache";
import { textInput } from "@/lib/input";
import { z } from "zod";
import { adminAction } from "@/lib/admin/action";
import { MAX_IMAGES } from "./image-limits";
import { processUpload } from "./image-upload";
import { addImages, deleteImage, reorderImages, setImageAlt } from "./images";
import { CATALOG_TAGS } from "@/lib/cache/tags";

/** Pictures show on the product page and on every card and list: expire them all at once. */
const refresh = (p: { slug: string }) => {
  updateTag(CATALOG_TAGS.product(p.slug));
  updateTag(CATALOG_TAGS.listing);
};

const id = z.coerce.number().int().positive();
const alt = z
  .string()
  .max(800, "Alt text: at most 200 characters")
  .pipe(textInput({ max: 200 }))
  .pipe(z.string().max(200, "Alt text: at most 200 characters"))
  .default("");
const uploadSchema = z.object({
  productId: id,
  alt,
  files: z.preprocess(
    (v) => [v].flat().filter((f) => f instanceof File && (f.size > 0 || f.name)),
    z.array(z.instanceof(File)).min(1, "Choose at least one picture").max(MAX_IMAGES, `At most ${MAX_IMAGES} pictures at a time`),
  ),
});

export const uploadImagesAction = adminAction(
  { name: "product.images_add", schema: uploadSchema, prepare: async (input) => Promise.all(input.files.map((f) => processUpload(f))) },
  async (input, ctx) => {
    const p = await addImages(ctx, input.productId, ctx.prepared, input.alt);
    return { slug: p.slug, message: `${input.files.length === 1 ? "Picture" : `${input.files.length} pictures`} added.` };
  },
  refresh,
);

export const reorderImagesAction = adminAction(
  { name: "product.images_order", schema: z.object({ productId: id, order: z.array(id).min(1).max(MAX_IMAGES) }) },
  async (input, ctx) => ({ slug: (await reorderImages(ctx, input.productId, input.order)).slug, message: "Order saved." }),
  refresh,
);

export const imageAltAction = adminAction(
  { name: "product.image_alt", schema: z.object({ imageId: id, alt }) },
  async (input, ctx) => ({ slug: (await setImageAlt(ctx, input.imageId, input.alt)).slug, message: "Alt text saved." }),
  refresh,
);

export const deleteImageAction = adminAction(
  { name: "product.image_delete", schema: z.object({ imageId: id }) },
  async (input, ctx) => ({ slug: (await deleteImage(ctx, input.imageId)).slug, message: "Picture removed." }),
  refresh,
);
