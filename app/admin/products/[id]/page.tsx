import Link from "next/link";
import { notFound } from "next/navigation";
import { ProductForm } from "@/components/admin/products/product-form";
import { ProductStatusButtons } from "@/components/admin/products/product-status-buttons";
import { AdjustStockForm } from "@/components/admin/adjust-stock-form";
import { ProductImages } from "@/components/admin/products/product-images";
import { StockHistory } from "@/components/admin/stock-history";
import { getCategoryOptions, getProductForEdit, getProductImages } from "@/lib/catalog/admin-queries";
import { getStockHistory } from "@/lib/inventory/admin-queries";
import { penceToPounds } from "@/lib/format";
import { staffMetadata } from "@/lib/admin/action";

export const generateMetadata = staffMetadata("Edit product");

export default async function EditProductPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string; copied?: string }> }) {
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id < 1 || id > 2_147_483_647) notFound();
  const [p, categories, flags, history, images] = await Promise.all([getProductForEdit(id), getCategoryOptions(), searchParams, getStockHistory(id), getProductImages(id)]);
  if (!p) notFound();
  return (
    <section>
      <p className="text-sm">
        <Link href="/admin/products" className="underline">
          Products
        </Link>
      </p>
      <div className="mt-1 flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">{p.title}</h1>
        <ProductStatusButtons id={p.id} status={p.status} />
      </div>
      {flags.created ? (
        <p role="status" className="mt-3 rounded-md bg-sunken p-3 text-sm text-success">
          Product created.
        </p>
      ) : null}
      {flags.copied ? (
        <p role="status" className="mt-3 rounded-md bg-sunken p-3 text-sm text-success">
          This is a draft copy: check the title, code and address, then make it active.
        </p>
      ) : null}
      <p className="mt-2 text-sm text-muted">
        {p.status === "active" ? (
          <Link className="underline" href={`/product/${p.slug}`}>
            View in the shop
          </Link>
        ) : (
          "Not in the shop (" + p.status + ")"
        )}{" "}
        · stock {p.stock} ·{" "}
        <Link className="underline" href={`/admin/audit?entity=product&entityId=${p.id}`}>
          History
        </Link>
      </p>
      <div className="mt-6">
        <ProductForm
          categories={categories}
          values={{
            id: p.id,
            title: p.title,
            slug: p.slug,
            sku: p.sku,
            description: p.description,
            price: penceToPounds(p.pricePence),
            compareAt: penceToPounds(p.compareAtPence),
            categoryId: p.categoryId,
            tags: p.tags.join(", "),
            colors: p.colors.join(", "),
            materials: p.materials.join(", "),
            status: p.status,
            lowStockThreshold: p.lowStockThreshold,
          }}
        />
      </div>
      <h2 className="mt-10 text-lg font-semibold">Pictures</h2>
      <div className="mt-3">
        <ProductImages productId={p.id} sku={p.sku} version={p.imageVersion} images={images} />
      </div>
      <h2 className="mt-10 text-lg font-semibold">Stock: {p.stock}</h2>
      <div className="mt-3">
        <AdjustStockForm productId={p.id} />
      </div>
      <div className="mt-4">
        <StockHistory rows={history} />
      </div>
    </section>
  );
}
