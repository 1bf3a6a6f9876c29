import Link from "next/link";
import type { Facets } from "@/lib/catalog/listing";
import { listingHref, type ListingParams } from "@/lib/catalog/params";

/** The facet form: a plain GET form, so filtering works before (and without) JavaScript. */
export function ListingFilters({ id, basePath, params, facets, showCategory }: { id: string; basePath: string; params: ListingParams; facets: Facets; showCategory: boolean }) {
  return (
    <form id={id} action={basePath} method="get" className="space-y-6" aria-label="Filter products">
      {showCategory ? (
        <fieldset>
          <legend className="text-sm font-semibold">Category</legend>
          <ul className="mt-2 space-y-0.5 text-sm">
            {facets.categories
              .filter((c) => c.count > 0 || c.slug === params.category)
              .map((c) => (
                <li key={c.slug}>
                  <label className="tap flex items-center gap-3">
                    <input type="radio" name="category" value={c.slug} defaultChecked={params.category === c.slug} className="h-5 w-5 accent-[var(--accent)]" />
                    <span className="flex-1">{c.name}</span>
                    <span className="text-muted">{c.count}</span>
                  </label>
                </li>
              ))}
          </ul>
        </fieldset>
      ) : null}
      <fieldset>
        <legend className="text-sm font-semibold">Colour</legend>
        <ul className="mt-2 grid grid-cols-2 gap-x-3 text-sm md:grid-cols-1">
          {facets.colors.map((c) => (
            <li key={c.value}>
              <label className="tap flex items-center gap-3 capitalize">
                <input type="checkbox" name="color" value={c.value} defaultChecked={params.color.includes(c.value)} className="h-5 w-5 accent-[var(--accent)]" />
                <span className="flex-1">{c.value}</span>
                <span className="text-muted">{c.count}</span>
              </label>
            </li>
          ))}
          {facets.colors.length === 0 ? <li className="text-muted">No colours to choose</li> : null}
        </ul>
      </fieldset>
      <fieldset>
        <legend className="text-sm font-semibold">Price (£)</legend>
        <div className="mt-2 flex items-center gap-2">
          <label className="sr-only" htmlFor={`${id}-min`}>
            Minimum price in pounds
          </label>
          <input
            id={`${id}-min`}
            name="min"
            type="number"
            inputMode="decimal"
            min={0}
            step="0.01"
            placeholder={(facets.price.minPence / 100).toFixed(0)}
            defaultValue={params.min !== undefined ? params.min / 100 : ""}
            className="tap w-full rounded-md border border-line bg-surface px-3 text-base"
          />
          <span aria-hidden="true">–</span>
          <label className="sr-only" htmlFor={`${id}-max`}>
            Maximum price in pounds
          </label>
          <input
            id={`${id}-max`}
            name="max"
            type="number"
            inputMode="decimal"
            min={0}
            step="0.01"
            placeholder={(facets.price.maxPence / 100).toFixed(0)}
            defaultValue={params.max !== undefined ? params.max / 100 : ""}
            className="tap w-full rounded-md border border-line bg-surface px-3 text-base"
          />
        </div>
      </fieldset>
      <label className="tap flex items-center gap-3 text-sm">
        <input type="checkbox" name="inStock" value="1" defaultChecked={params.inStock} className="h-5 w-5 accent-[var(--accent)]" />
        In stock only
      </label>
      <div className="flex items-center gap-3">
        <button type="submit" className="tap rounded-full bg-accent px-6 text-sm font-semibold text-accent-ink">
          Apply
        </button>
        <Link href={listingHref(basePath, { sort: params.sort })} className="tap inline-flex items-center text-sm text-muted underline">
          Clear all
        </Link>
      </div>
    </form>
  );
}
