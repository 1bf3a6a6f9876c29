import { ProductImage } from "./product-image";
import { THUMB_WIDTHS } from "@/lib/catalog/image-urls";

const ART_VIEWS = ["", "close-up", "another angle"];

/**
 * Swipeable on phones (scroll-snap, no JS), side thumbnails as anchors on desktop. Uploaded
 * pictures (with their alt texts) when there are any, else the generated art's three views.
 */
export function ProductGallery({ sku, title, images = [], version = 0 }: { sku: string; title: string; images?: string[]; version?: number }) {
  const uploaded = version > 0 && images.length > 0;
  const views = uploaded ? images.map((alt) => alt || title) : ART_VIEWS.map((a) => (a ? `${title}, ${a}` : title));
  const v = uploaded ? version : 0;
  return (
    <div className="md:grid md:grid-cols-[4.5rem_1fr] md:gap-3">
      <ul className="hidden flex-col gap-2 md:flex" aria-label="Pictures">
        {views.map((_, i) => (
          <li key={i}>
            <a href={`#view-${i}`} className="block rounded-lg" aria-label={`Picture ${i + 1} of ${views.length}`}>
              <ProductImage sku={sku} version={v} alt="" sizes="72px" view={i} widths={THUMB_WIDTHS} />
            </a>
          </li>
        ))}
      </ul>
      {/* Focusable so a keyboard can scroll the strip too (arrow keys once focused). */}
      <ul tabIndex={0} className="-mx-4 flex snap-x snap-mandatory overflow-x-auto scrollbar-none focus-visible:outline-2 md:mx-0" aria-label={`${title}: pictures`}>
        {views.map((alt, i) => (
          <li key={i} id={`view-${i}`} className="w-full shrink-0 snap-center px-4 md:px-0">
            <ProductImage sku={sku} version={v} alt={alt} sizes="(min-width: 768px) 45vw, 100vw" view={i} priority={i === 0} />
          </li>
        ))}
      </ul>
    </div>
  );
}
