import { productImageSrc, productImageSrcSet } from "@/lib/catalog/art";

/** A product picture with responsive sizes; lazy unless it is above the fold (`priority`). */
export function ProductImage({
  sku,
  alt,
  sizes,
  view = 0,
  priority = false,
  className = "",
}: {
  sku: string;
  alt: string;
  sizes: string;
  view?: number;
  priority?: boolean;
  className?: string;
}) {
  return (
    // Our own route already serves sized WebP, so next/image's optimizer would only add a hop.
    // eslint-disable-next-line @next/next/no-img-element
    <img
      src={productImageSrc(sku, 480, view)}
      srcSet={productImageSrcSet(sku, view)}
      sizes={sizes}
      alt={alt}
      width={400}
      height={400}
      loading={priority ? "eager" : "lazy"}
      fetchPriority={priority ? "high" : undefined}
      decoding="async"
      className={`aspect-square w-full rounded-lg bg-sunken object-cover ${className}`}
    />
  );
}
