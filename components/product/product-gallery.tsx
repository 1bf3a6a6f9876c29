import { ProductImage } from "./product-image";

const VIEWS = [0, 1, 2];

/** Swipeable on phones (scroll-snap, no JS), side thumbnails as anchors on desktop. */
export function ProductGallery({ sku, title }: { sku: string; title: string }) {
  return (
    <div className="md:grid md:grid-cols-[4.5rem_1fr] md:gap-3">
      <ul className="hidden flex-col gap-2 md:flex" aria-label="Pictures">
        {VIEWS.map((v) => (
          <li key={v}>
            <a href={`#view-${v}`} className="block rounded-lg" aria-label={`Picture ${v + 1} of ${VIEWS.length}`}>
              <ProductImage sku={sku} alt="" sizes="72px" view={v} />
            </a>
          </li>
        ))}
      </ul>
      <ul className="-mx-4 flex snap-x snap-mandatory overflow-x-auto scrollbar-none md:mx-0" aria-label={`${title}: pictures`}>
        {VIEWS.map((v) => (
          <li key={v} id={`view-${v}`} className="w-full shrink-0 snap-center px-4 md:px-0">
            <ProductImage
              sku={sku}
              alt={v === 0 ? title : `${title}, ${v === 1 ? "close-up" : "another angle"}`}
              sizes="(min-width: 768px) 45vw, 100vw"
              view={v}
              priority={v === 0}
            />
          </li>
        ))}
      </ul>
    </div>
  );
}
