import Link from "next/link";
import { ProductForm } from "@/components/admin/products/product-form";
import { getCategoryOptions } from "@/lib/catalog/admin-queries";
import { staffMetadata } from "@/lib/admin/action";

export const generateMetadata = staffMetadata("New product");

export default async function NewProductPage() {
  const categories = await getCategoryOptions();
  return (
    <section>
      <p className="text-sm">
        <Link href="/admin/products" className="underline">
          Products
        </Link>
      </p>
      <h1 className="mt-1 text-2xl font-semibold">New product</h1>
      <div className="mt-6">
        <ProductForm
          categories={categories}
          values={{
            title: "",
            slug: "",
            sku: "",
            description: "",
            price: "",
            compareAt: "",
            categoryId: "",
            tags: "",
            colors: "",
            materials: "",
            status: "draft",
            lowStockThreshold: 5,
            stock: 0,
          }}
        />
      </div>
    </section>
  );
}
