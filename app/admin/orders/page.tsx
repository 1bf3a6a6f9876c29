import Link from "next/link";
import { BULK_FORM, BulkStatusBar } from "@/components/admin/orders/bulk-status-bar";
import { statusLabel } from "@/components/order/status-timeline";
import { adminOrdersSchema } from "@/lib/orders/admin";
import { getAdminOrders } from "@/lib/orders/admin-queries";
import { formatDateTime, formatPrice } from "@/lib/format";
import { staffMetadata } from "@/lib/admin/action";

export const generateMetadata = staffMetadata("Orders");

/** Orders with their shipment and rating; filters by status, method, source and low ratings. */
export default async function AdminOrdersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = adminOrdersSchema.parse(await searchParams);
  const { rows, next } = await getAdminOrders(params);
  const { after: _a, ...filter } = params;
  const qs = new URLSearchParams(
    Object.entries(filter)
      .filter(([, v]) => v)
      .map(([k, v]) => [k, String(v)]),
  );
  const box = "tap rounded-md border border-line bg-surface px-2";
  return (
    <section>
      <h1 className="text-2xl font-semibold">Orders</h1>
      <form role="search" aria-label="Filter orders" className="mt-4 flex flex-wrap items-end gap-3 text-sm">
        <label className="flex flex-col gap-1">
          <span className="font-medium">Order number or email</span>
          <input type="search" name="q" defaultValue={params.q} className={`${box} w-56`} />
        </label>
        <label className="flex flex-col gap-1">
          <span className="font-medium">Delivery</span>
          <select name="status" defaultValue={params.status ?? ""} className={box}>
            <option value="">Any</option>
            {["placed", "packed", "dispatched", "out_for_delivery", "failed_attempt", "delivered", "cancelled"].map((s) => (
              <option key={s} value={s}>
                {statusLabel(s)}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1">
          <span className="font-medium">Method</span>
          <select name="method" defaultValue={params.method ?? ""} className={box}>
            <option value="">Any</option>
            <option value="standard">Standard</option>
            <option value="express">Express</option>
            <option value="bike">Cargo bike</option>
            <option value="ev">Electric van</option>
          </select>
        </label>
        <label className="flex flex-col gap-1">
          <span className="font-medium">Source</span>
          <select name="source" defaultValue={params.source ?? ""} className={box}>
            <option value="">Any</option>
            <option value="web">Web</option>
            <option value="import">Imported history</option>
          </select>
        </label>
        <label className="tap flex items-center gap-2">
          <input type="checkbox" name="lowCsat" value="1" defaultChecked={Boolean(params.lowCsat)} className="h-5 w-5" /> Low rating (follow up)
        </label>
        <button type="submit" className="tap rounded-full border border-line px-4 font-semibold">
          Filter
        </button>
        <Link href="/admin/orders" className="tap inline-flex items-center px-2 underline">
          Clear
        </Link>
      </form>
      <div className="mt-4 flex flex-wrap gap-3 text-sm">
        <Link href="/admin/orders/pick-list" className="tap inline-flex items-center rounded-full border border-line px-4 font-medium">
          Today&apos;s pick list
        </Link>
      </div>
      <BulkStatusBar />
      <div className="mt-4 overflow-x-auto" tabIndex={0} /* keyboard-scrollable when wider than the screen */>
        <table className="w-full min-w-[48rem] text-left text-sm [&_td]:pr-3 [&_th]:pr-3" data-testid="admin-orders">
          <thead className="text-muted">
            <tr>
              <th className="py-2">
                <span className="sr-only">Select</span>
              </th>
              <th>Order</th>
              <th>Placed</th>
              <th>Customer</th>
              <th>Delivery</th>
              <th>Rating</th>
              <th className="text-right">Total</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((o) => {
              const low = o.orderRating !== null && Math.min(o.orderRating, o.deliveryRating ?? 5) <= 2;
              return (
                <tr key={o.id} className="border-t border-line">
                  <td className="py-2">
                    {o.shipmentStatus === "placed" || o.shipmentStatus === "packed" ? (
                      <input type="checkbox" name="numbers[]" value={o.number} form={BULK_FORM} aria-label={`Select order ${o.number}`} className="h-5 w-5" />
                    ) : null}
                  </td>
                  <td className="py-2">
                    <Link className="font-medium underline-offset-2 hover:underline" href={`/admin/orders/${o.number}`}>
                      <code>{o.number}</code>
                    </Link>
                    {o.source === "import" ? <span className="text-muted"> (history)</span> : null}
                  </td>
                  <td>{formatDateTime(o.placedAt)}</td>
                  <td>{o.email ?? (o.userId ? `#${o.userId}` : "guest")}</td>
                  <td>{o.shipmentStatus ? `${statusLabel(o.shipmentStatus)} · ${o.method}` : o.orderStatus}</td>
                  <td>
                    {o.orderRating !== null ? (
                      <span className={low ? "font-semibold text-danger" : ""}>
                        {o.orderRating}/{o.deliveryRating}
                        {low ? " follow up" : ""}
                      </span>
                    ) : (
                      "—"
                    )}
                  </td>
                  <td className="text-right tabular-nums">{formatPrice(o.totalPence)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {!rows.length ? <p className="mt-4 text-muted">No orders match.</p> : null}
      </div>
      {next ? (
        <p className="mt-4">
          <Link className="tap inline-flex items-center rounded-full border border-line px-4" href={`/admin/orders?${new URLSearchParams([...qs, ["after", String(next)]])}`}>
            Older orders
          </Link>
        </p>
      ) : null}
    </section>
  );
}
