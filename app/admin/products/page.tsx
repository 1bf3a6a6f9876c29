import Link from "next/link";
import { BulkEditForm } from "@/components/admin/products/bulk-edit-form";
import { ImportProductsForm } from "@/components/admin/products/import-products-form";
import { adminListSchema } from "@/lib/catalog/admin";
import { getAdminProducts, getCategoryOptions } from "@/lib/catalog/admin-queries";
import { stockState } from "@/lib/catalog/stock";
import { formatPrice } from "@/lib/format";
import { staffMetadata } from "@/lib/admin/action";

export const generateMetadata = staffMetadata("Products");

/** Products: search, filters, keyset pages, bulk changes; a row opens the edit form. */
export default async function AdminProductsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = adminListSchema.parse(await searchParams);
  const [list, categories] = await Promise.all([getAdminProducts(params), getCategoryOptions()]);
  const { after: _a, before: _b, ...filter } = params;
  const href = (extra: Record<string, number>) => {
    const p = new URLSearchParams(
      Object.entries({ ...filter, ...extra })
        .filter(([, v]) => v !== undefined && v !== "")
        .map(([k, v]) => [k, String(v)]),
    );
    return `/admin/products${p.size ? `?${p}` : ""}`;
  };
  const input = "tap rounded-md border border-line bg-surface px-2";
  return (
    <section>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">Products</h1>
        <div className="flex flex-wrap gap-2">
          {/* A file download from a route handler, not a page: a plain link, never prefetched. */}
          {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
          <a href="/admin/products/export" className="tap inline-flex items-center rounded-full border border-line px-4 font-semibold">
            Export CSV
          </a>
          <Link href="/admin/products/new" className="tap inline-flex items-center rounded-full bg-accent px-5 font-semibold text-accent-ink">
            New product
          </Link>
        </div>
      </div>
      <form role="search" aria-label="Filter products" className="mt-4 flex flex-wrap items-end gap-3 text-sm">
        <label className="flex flex-col gap-1">
          <span className="font-medium">Search</span>
          <input type="search" name="q" defaultValue={params.q} placeholder="Title or code" className={`${input} w-56`} />
        </label>
        <label className="flex flex-col gap-1">
          <span className="font-medium">Category</span>
          <select name="category" defaultValue={params.category ?? ""} className={input}>
            <option value="">All</option>
            {categories.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1">
          <span className="font-medium">Status</span>
          <select name="status" defaultValue={params.status ?? ""} className={input}>
            <option value="">All</option>
            <option value="active">Active</option>
            <option value="draft">Draft</option>
            <option value="archived">Archived</option>
          </select>
        </label>
        <label className="flex flex-col gap-1">
          <span className="font-medium">Stock</span>
          <select name="stock" defaultValue={params.stock ?? ""} className={input}>
            <option value="">Any</option>
            <option value="in">In stock</option>
            <option value="low">Low</option>
            <option value="out">Sold out</option>
          </select>
        </label>
        <button type="submit" className="tap rounded-full border border-line px-4 font-semibold">
          Filter
        </button>
        <Link href="/admin/products" className="tap inline-flex items-center px-2 underline">
          Clear
        </Link>
      </form>
      <p className="mt-3 text-sm text-muted" data-testid="product-count">
        {list.total.toLocaleString("en-GB")}
        {list.totalCapped ? "+" : ""} products
      </p>
      <BulkEditForm categories={categories}>
        <div className="overflow-x-auto" tabIndex={0} /* keyboard-scrollable when wider than the screen */>
          <table className="w-full min-w-[44rem] text-left text-sm [&_td]:pr-3 [&_th]:pr-3" data-testid="admin-products">
            <thead className="text-muted">
              <tr>
                <th className="py-2">
                  <span className="sr-only">Select</span>
                </th>
                <th>Product</th>
                <th>Code</th>
                <th>Category</th>
                <th className="text-right">Price</th>
                <th className="text-right">Stock</th>
                <th>Status</th>
              </tr>
            </thead>
            <tbody>
              {list.rows.map((p) => {
                const s = stockState(p.stock, p.lowStockThreshold);
                return (
                  <tr key={p.id} className="border-t border-line">
                    <td className="py-2">
                      <input type="checkbox" name="ids[]" value={p.id} aria-label={`Select ${p.title}`} className="h-5 w-5" />
                    </td>
                    <td>
                      <Link href={`/admin/products/${p.id}`} className="font-medium underline-offset-2 hover:underline">
                        {p.title}
                      </Link>
                    </td>
                    <td>
                      <code>{p.sku}</code>
                    </td>
                    <td>{p.category}</td>
                    <td className="text-right tabular-nums">{formatPrice(p.pricePence)}</td>
                    <td className={`text-right tabular-nums ${s.state === "in" ? "" : "font-semibold text-danger"}`}>{p.stock}</td>
                    <td>{p.status}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {!list.rows.length ? <p className="mt-4 text-muted">No products match.</p> : null}
        </div>
      </BulkEditForm>
      <nav aria-label="Pages" className="mt-4 flex gap-3">
        {list.prev ? (
          <Link rel="prev" className="tap inline-flex items-center rounded-full border border-line px-4" href={href({ before: list.prev })}>
            Previous
          </Link>
        ) : null}
        {list.next ? (
          <Link rel="next" className="tap inline-flex items-center rounded-full border border-line px-4" href={href({ after: list.next })}>
            Next
          </Link>
        ) : null}
      </nav>
      <details className="mt-10">
        <summary className="tap cursor-pointer font-semibold">Import products from CSV</summary>
        <div className="mt-3">
          <ImportProductsForm />
        </div>
      </details>
    </section>
  );
}
