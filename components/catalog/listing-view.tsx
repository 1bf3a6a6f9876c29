import { ProductGrid } from "@/components/product/product-grid";
import type { Listing } from "@/lib/catalog/listing";
import { listingHref, type ListingParams } from "@/lib/catalog/params";
import { FilterDrawer } from "./filter-drawer";
import { ListingFilters } from "./listing-filters";
import { Pagination } from "./pagination";
import { SortSelect } from "./sort-select";

/** A product listing with facets, sort and pages; shared by /shop and category pages. */
export function ListingView({ listing, params, basePath, showCategory }: { listing: Listing; params: ListingParams; basePath: string; showCategory: boolean }) {
  const formId = "listing-filters";
  // On a category page the category is in the path, not the query.
  const linkParams = showCategory ? params : { ...params, category: undefined };
  const active =
    params.color.length + (params.min !== undefined ? 1 : 0) + (params.max !== undefined ? 1 : 0) + (params.inStock ? 1 : 0) + (showCategory && params.category ? 1 : 0);
  return (
    <div className="mt-6 grid gap-6 md:grid-cols-[14rem_1fr]">
      <aside>
        <FilterDrawer activeCount={active}>
          <ListingFilters id={formId} basePath={basePath} params={params} facets={listing.facets} showCategory={showCategory} />
        </FilterDrawer>
      </aside>
      <div>
        <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
          <p className="text-sm text-muted" data-testid="result-count" aria-live="polite">
            {listing.total.toLocaleString("en-GB")} {listing.total === 1 ? "product" : "products"}
          </p>
          <SortSelect value={params.sort} form={formId} />
        </div>
        <h2 className="sr-only">Products</h2>
        {listing.items.length ? (
          <ProductGrid products={listing.items} priorityCount={4} />
        ) : (
          <div className="rounded-lg border border-dashed border-line p-8 text-center">
            <p className="font-medium">No products match these filters.</p>
            <a href={listingHref(basePath, { sort: params.sort })} className="tap mt-2 inline-flex items-center text-sm text-accent underline">
              Clear the filters
            </a>
          </div>
        )}
        <Pagination page={listing.page} pageCount={listing.pageCount} href={(page) => listingHref(basePath, { ...linkParams, page })} />
      </div>
    </div>
  );
}
