import { IMAGE_WIDTHS, productImageSrc, productImageSrcSet, type ImageWidth } from "@/lib/catalog/image-urls";

/**
 * A product picture with responsive sizes; lazy unless it is above the fold (`priority`).
 * Uploaded pictures (`version` > 0) also offer AVIF; generated art is WebP only.
 */
export function ProductImage({
  sku,
  alt,
  sizes,
  view = 0,
  version = 0,
  priority = false,
  className = "",
  widths = IMAGE_WIDTHS,
}: {
  sku: string;
  alt: string;
  sizes: string;
  view?: number;
  version?: number;
  priority?: boolean;
  className?: string;
  /** The candidate widths (fewer for small, fixed-size places such as cards). */
  widths?: readonly ImageWidth[];
}) {
  const img = (
    // Our own route already serves sized images, so next/image's optimizer would only add a hop.
    // eslint-disable-next-line @next/next/no-img-element
    <img
      src={productImageSrc(sku, 480, view, "webp", version)}
      srcSet={productImageSrcSet(sku, view, "webp", version, widths)}
      sizes={sizes}
      alt={alt}
      width={400}
      height={400}
      loading={priority ? "eager" : "lazy"}
      fetchPriority={priority ? "high" : undefined}
      decoding="async"
      className={className ? `product-img ${className}` : "product-img"}
    />
  );
  if (!version) return img;
  return (
    <picture>
      <source type="image/avif" srcSet={productImageSrcSet(sku, view, "avif", version, widths)} sizes={sizes} />
      {img}
    </picture>
  );
}
