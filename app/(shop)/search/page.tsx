import type { Metadata } from "next";
import Link from "next/link";
import { Pagination } from "@/components/catalog/pagination";
import { ProductGrid } from "@/components/product/product-grid";
import { ProductRail } from "@/components/product/product-rail";
import { getBestsellers, getCategories, search } from "@/lib/catalog/queries";
import { parseSearchParams } from "@/lib/catalog/params";
import { MATCH_CAP } from "@/lib/catalog/search";
import { EVENTS } from "@/lib/cdp/track/events";
import { trackServer } from "@/lib/cdp/track/request";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { q } = parseSearchParams(await searchParams);
  // Result pages are endless and thin: keep them out of indexes.
  return { title: q ? `Search: ${q}` : "Search", robots: { index: false, follow: true } };
}

const href = (q: string, page?: number) => `/search?q=${encodeURIComponent(q)}${page && page > 1 ? `&page=${page}` : ""}`;

export default async function SearchPage({ searchParams }: Props) {
  const { q, page } = parseSearchParams(await searchParams);
  const result = q ? await search(q, page) : null;
  if (result) await trackServer(EVENTS.productsSearched, { query: q, results: result.total, page, corrected: result.corrected ?? null });
  const empty = !result || result.total === 0;
  const [bestsellers, categories] = empty ? await Promise.all([getBestsellers(10), getCategories()]) : [[], []];

  return (
    <>
      <h1 className="text-2xl font-semibold">{q ? <>Results for “{q}”</> : "Search"}</h1>
      <form action="/search" method="get" role="search" className="mt-4 flex max-w-xl gap-2">
        <label htmlFor="search-page-q" className="sr-only">
          Search products
        </label>
        <input
          id="search-page-q"
          name="q"
          type="search"
          defaultValue={q}
          enterKeyHint="search"
          placeholder="What are you looking for?"
          className="tap w-full rounded-full border border-line bg-surface px-4 text-base"
        />
        <button type="submit" className="tap rounded-full bg-accent px-5 text-sm font-semibold text-accent-ink">
          Search
        </button>
      </form>

      {result?.corrected ? (
        <p className="mt-4 text-sm" data-testid="did-you-mean">
          Showing results for{" "}
          <Link className="font-semibold text-accent underline" href={href(result.corrected)}>
            {result.corrected}
          </Link>
        </p>
      ) : null}

      {result && result.total > 0 ? (
        <>
          <p className="mb-4 mt-2 text-sm text-muted" data-testid="result-count" aria-live="polite">
            {result.capped ? `${MATCH_CAP.toLocaleString("en-GB")}+ products` : `${result.total.toLocaleString("en-GB")} ${result.total === 1 ? "product" : "products"}`}
            {result.mode === "any-word" ? " matching some of your words" : result.mode === "similar" ? " with similar names" : ""}
          </p>
          <h2 className="sr-only">Results</h2>
          <ProductGrid products={result.items} priorityCount={4} />
          <Pagination page={result.page} pageCount={result.pageCount} href={(p) => href(q, p)} />
        </>
      ) : (
        <section className="mt-6" data-testid="no-results" aria-live="polite">
          {q ? <p className="text-lg">Nothing matched “{q}”.</p> : <p className="text-lg">Type a word or two: “lantern”, “red cushion”, “cake tin”.</p>}
          <p className="mt-2 text-sm text-muted">Try fewer or broader words, or browse a category:</p>
          <ul className="mt-3 flex flex-wrap gap-2">
            {categories
              .filter((c) => c.count > 0)
              .map((c) => (
                <li key={c.slug}>
                  <Link href={`/category/${c.slug}`} className="tap inline-flex items-center rounded-full border border-line bg-surface px-4 text-sm hover:border-accent">
                    {c.name}
                  </Link>
                </li>
              ))}
          </ul>
          <ProductRail id="suggested" title="Popular right now" products={bestsellers} />
        </section>
      )}
    </>
  );
}
