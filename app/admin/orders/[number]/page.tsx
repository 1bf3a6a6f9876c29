import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ShipmentStatusForm } from "@/components/admin/orders/shipment-status-form";
import { StatusTimeline } from "@/components/order/status-timeline";
import { NEXT, type ShipmentStatus } from "@/lib/delivery/status";
import { getAdminOrder } from "@/lib/orders/admin-queries";
import { ORDER_NUMBER } from "@/lib/orders/number";
import { trackingUrl } from "@/lib/orders/tracking-link";
import { formatDateTime, formatPrice } from "@/lib/format";

export const metadata: Metadata = { title: "Order" };

/** One order: lines, totals, customer, delivery with its next steps, rating. */
export default async function AdminOrderPage({ params }: { params: Promise<{ number: string }> }) {
  const number = decodeURIComponent((await params).number);
  if (!ORDER_NUMBER.test(number)) notFound();
  const d = await getAdminOrder(number);
  if (!d) notFound();
  const { order: o, lines, shipment, events, csat, customer } = d;
  const low = csat && Math.min(csat.orderRating, csat.deliveryRating) <= 2;
  return (
    <article>
      <p className="text-sm"><Link href="/admin/orders" className="underline">Orders</Link></p>
      <h1 className="mt-1 text-2xl font-semibold">Order <code>{o.number}</code></h1>
      <p className="text-sm text-muted">
        {o.placedAt.toLocaleString("en-GB", { timeZone: "Europe/London", dateStyle: "full", timeStyle: "short" })} · {o.source} · {o.status}
        {customer ? <> · <Link className="underline" href={`/admin/customers/${customer.id}`}>{customer.name ?? customer.email}</Link></> : o.email ? ` · ${o.email}` : " · guest"}
        {" · "}<Link className="underline" href={`/admin/audit?entity=order&entityId=${o.number}`}>History</Link>
      </p>
      <div className="mt-6 grid gap-8 lg:grid-cols-2">
        <section>
          <h2 className="text-lg font-semibold">Items</h2>
          <table className="mt-2 w-full text-left text-sm [&_td]:pr-3" data-testid="order-lines">
            <tbody>
              {lines.map((l) => (
                <tr key={l.lineNo} className="border-t border-line">
                  <td className="py-1">{l.quantity} ×</td><td>{l.title}<br /><code className="text-muted">{l.sku}</code></td>
                  <td className="text-right tabular-nums">{formatPrice(l.quantity * l.unitPricePence)}</td>
                </tr>
              ))}
              <tr className="border-t border-line font-semibold"><td /><td className="py-1">Total</td><td className="text-right tabular-nums">{formatPrice(o.totalPence)}</td></tr>
            </tbody>
          </table>
          {csat ? (
            <div className={`mt-6 rounded-md border p-3 text-sm ${low ? "border-danger" : "border-line"}`} data-testid="order-csat">
              <p className="font-medium">Rated order {csat.orderRating}/5, delivery {csat.deliveryRating}/5{low ? <strong className="ml-2 text-danger">needs follow-up</strong> : null}</p>
              {csat.comment ? <p className="mt-1 text-muted">“{csat.comment}”</p> : null}
            </div>
          ) : null}
        </section>
        <section>
          <h2 className="text-lg font-semibold">Delivery</h2>
          {shipment ? (
            <>
              <p className="mt-1 text-sm text-muted">{shipment.method} · promised by {formatDateTime(shipment.promisedTo)} · <a className="underline" href={trackingUrl(o.number)}>tracking page</a></p>
              <div className="mt-4"><StatusTimeline events={events} status={shipment.status} /></div>
              <div className="mt-4"><ShipmentStatusForm number={o.number} next={NEXT[shipment.status as ShipmentStatus]} /></div>
            </>
          ) : <p className="mt-1 text-sm text-muted">Imported history: no shipment record.</p>}
        </section>
      </div>
    </article>
  );
}
