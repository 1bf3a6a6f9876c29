/**
 * Product picture URLs and the widths the image route serves. Kept apart from the art generator so
 * client components (product cards) can build URLs without shipping the generator.
 */
export const IMAGE_WIDTHS = [160, 320, 480, 640, 960] as const;
export type ImageWidth = (typeof IMAGE_WIDTHS)[number];

/**
 * Image URLs for a product: uploaded pictures carry their version (`?v=`, bumped on every picture
 * change) so they can be cached for good; generated art has none.
 */
export function productImageSrc(sku: string, width: ImageWidth, view = 0, format: "webp" | "png" | "avif" = "webp", version = 0): string {
  return `/img/p/${encodeURIComponent(sku)}/${view}-${width}.${format}${version ? `?v=${version}` : ""}`;
}

/** Widths a product card offers: a card is 150–300 CSS px wide, so 320–640 covers 1–3× screens. */
export const CARD_WIDTHS = [320, 480, 640] as const satisfies readonly ImageWidth[];
/** Small pictures (the home hero's three, 100–200 CSS px). */
export const SMALL_WIDTHS = [160, 320, 480] as const satisfies readonly ImageWidth[];
/** Thumbnails (48–96 CSS px). */
export const THUMB_WIDTHS = [160, 320] as const satisfies readonly ImageWidth[];

export function productImageSrcSet(sku: string, view = 0, format: "webp" | "avif" = "webp", version = 0, widths: readonly ImageWidth[] = IMAGE_WIDTHS): string {
  return widths.map((w) => `${productImageSrc(sku, w, view, format, version)} ${w}w`).join(", ");
}
