import Link from "next/link";
import { AdjustStockForm } from "@/components/admin/adjust-stock-form";
import { getLowStock } from "@/lib/inventory/admin-queries";
import { staffMetadata } from "@/lib/admin/action";

export const generateMetadata = staffMetadata("Inventory");

/** Low stock: active products at or below their threshold, emptiest first, adjustable in place. */
export default async function InventoryPage() {
  const rows = await getLowStock();
  return (
    <section>
      <h1 className="text-2xl font-semibold">Low stock</h1>
      <p className="mt-1 max-w-prose text-sm text-muted">
        Active products at or below their low-stock threshold (set per product). Changes need a reason and are kept in each product’s stock history.
      </p>
      <div className="mt-6 overflow-x-auto" tabIndex={0} /* keyboard-scrollable when wider than the screen */>
        <table className="w-full min-w-[44rem] text-left text-sm [&_td]:pr-3 [&_th]:pr-3" data-testid="low-stock">
          <thead className="text-muted">
            <tr>
              <th className="py-2">Product</th>
              <th>Category</th>
              <th className="text-right">Stock</th>
              <th className="text-right">Threshold</th>
              <th>Adjust</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((p) => (
              <tr key={p.id} className="border-t border-line">
                <td className="py-2">
                  <Link href={`/admin/products/${p.id}`} className="font-medium hover:underline">
                    {p.title}
                  </Link>
                  <br />
                  <code className="text-muted">{p.sku}</code>
                </td>
                <td>{p.category}</td>
                <td className={`text-right tabular-nums font-semibold ${p.stock === 0 ? "text-danger" : ""}`}>{p.stock}</td>
                <td className="text-right tabular-nums">{p.threshold}</td>
                <td className="py-2">
                  <AdjustStockForm productId={p.id} compact />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {!rows.length ? <p className="mt-4 text-muted">Nothing is running low.</p> : null}
      </div>
    </section>
  );
}
