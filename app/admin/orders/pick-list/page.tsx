import Link from "next/link";
import { PrintButton } from "@/components/admin/print-button";
import { getPickList } from "@/lib/orders/admin-queries";
import { pickListSchema } from "@/lib/orders/admin";
import { localDay } from "@/lib/time";
import { staffMetadata } from "@/lib/admin/action";

export const generateMetadata = staffMetadata("Pick list");

/** What to take from the shelves for the day's orders not yet dispatched, and those orders; printable. */
export default async function PickListPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const p = pickListSchema.parse(await searchParams);
  const day = p.day ?? localDay(new Date());
  const { items, orders } = await getPickList(day);
  return (
    <article data-testid="pick-list">
      <div className="flex flex-wrap items-center justify-between gap-3 print:hidden">
        <Link href="/admin/orders" className="text-sm underline">
          Orders
        </Link>
        <form className="flex items-end gap-2 text-sm">
          <label className="flex flex-col gap-1">
            <span className="font-medium">Orders placed on</span>
            <input type="date" name="day" defaultValue={day === "all" ? "" : day} className="tap rounded-md border border-line bg-surface px-2" />
          </label>
          <button type="submit" className="tap rounded-full border border-line px-4 font-semibold">
            Show
          </button>
          <Link href="/admin/orders/pick-list?day=all" className="tap inline-flex items-center px-2 underline">
            All not dispatched
          </Link>
        </form>
        <PrintButton label="Print pick list" />
      </div>
      <h1 className="mt-4 text-2xl font-semibold">Pick list · {day === "all" ? "every order not dispatched" : day}</h1>
      <p className="text-sm text-muted">
        {orders.length} order{orders.length === 1 ? "" : "s"} placed or packed, {items.reduce((n, i) => n + i.quantity, 0)} items.
      </p>
      <table className="mt-4 w-full text-left text-sm [&_td]:py-1.5 [&_td]:pr-3 [&_th]:pr-3" data-testid="pick-items">
        <thead className="text-muted">
          <tr>
            <th className="w-8">✓</th>
            <th>SKU</th>
            <th>Item</th>
            <th className="text-right">Qty</th>
            <th className="text-right">In stock</th>
            <th>For orders</th>
          </tr>
        </thead>
        <tbody>
          {items.map((i) => (
            <tr key={i.sku} className="border-t border-line">
              <td>
                <span className="inline-block h-4 w-4 border border-ink" aria-hidden="true" />
              </td>
              <td>
                <code>{i.sku}</code>
              </td>
              <td>{i.title}</td>
              <td className="text-right font-semibold tabular-nums">{i.quantity}</td>
              <td className="text-right tabular-nums">{i.stock ?? "—"}</td>
              <td className="text-xs">{i.orders.join(", ")}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {!items.length ? <p className="mt-4 text-muted">Nothing to pick.</p> : null}
      <h2 className="mt-8 text-lg font-semibold">Orders</h2>
      <table className="mt-2 w-full text-left text-sm [&_td]:py-1 [&_td]:pr-3 [&_th]:pr-3">
        <thead className="text-muted">
          <tr>
            <th>Order</th>
            <th>For</th>
            <th>Postcode</th>
            <th>Method</th>
            <th>Status</th>
            <th className="text-right">Items</th>
          </tr>
        </thead>
        <tbody>
          {orders.map((o) => (
            <tr key={o.number} className="border-t border-line">
              <td>
                <Link href={`/admin/orders/${o.number}/packing-slip`} className="underline">
                  <code>{o.number}</code>
                </Link>
              </td>
              <td>{o.name ?? "—"}</td>
              <td>{o.postcode ?? "—"}</td>
              <td>{o.method}</td>
              <td>{o.status}</td>
              <td className="text-right tabular-nums">{o.items}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </article>
  );
}
