import Link from "next/link";
import { notFound } from "next/navigation";
import { OrderFulfilment } from "@/components/admin/orders/order-fulfilment";
import { ShipmentStatusForm } from "@/components/admin/orders/shipment-status-form";
import { OrderReturns } from "@/components/order/order-returns";
import { StatusTimeline } from "@/components/order/status-timeline";
import { NEXT, type ShipmentStatus } from "@/lib/delivery/status";
import { getAdminOrder } from "@/lib/orders/admin-queries";
import { ORDER_NUMBER } from "@/lib/orders/number";
import { trackingUrl } from "@/lib/orders/tracking-link";
import { staffMetadata } from "@/lib/admin/action";

export const generateMetadata = staffMetadata("Order");

/** One order, everything needed to ship it: customer and address, delivery, lines and money, timeline and next steps, returns, rating. */
export default async function AdminOrderPage({ params }: { params: Promise<{ number: string }> }) {
  const number = decodeURIComponent((await params).number);
  if (!ORDER_NUMBER.test(number)) notFound();
  const d = await getAdminOrder(number);
  if (!d) notFound();
  const { order: o, shipment, events, csat, customer } = d;
  const low = csat && Math.min(csat.orderRating, csat.deliveryRating) <= 2;
  return (
    <article>
      <p className="text-sm">
        <Link href="/admin/orders" className="underline">
          Orders
        </Link>
      </p>
      <div className="mt-1 flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">
          Order <code>{o.number}</code>
        </h1>
        {shipment ? (
          <Link href={`/admin/orders/${o.number}/packing-slip`} className="tap inline-flex items-center rounded-full border border-line px-4 text-sm font-medium">
            Packing slip
          </Link>
        ) : null}
      </div>
      <p className="text-sm text-muted">
        {o.placedAt.toLocaleString("en-GB", { timeZone: "Europe/London", dateStyle: "full", timeStyle: "short" })} · {o.source} · {o.kind} · {o.status}
        {customer ? (
          <>
            {" "}
            ·{" "}
            <Link className="underline" href={`/admin/customers/${customer.id}`}>
              {customer.name ?? customer.email}
            </Link>
          </>
        ) : o.email ? (
          ` · ${o.email} (guest)`
        ) : (
          " · guest"
        )}
        {" · "}
        <Link className="underline" href={`/admin/audit?entity=order&entityId=${o.number}`}>
          History
        </Link>
      </p>
      <div className="mt-6">
        <OrderFulfilment detail={d} customerName={customer?.name} />
      </div>
      <div className="mt-8 grid gap-8 lg:grid-cols-2">
        <section>
          <h2 className="text-lg font-semibold">Delivery</h2>
          {shipment ? (
            <>
              <p className="mt-1 text-sm text-muted">
                <a className="underline" href={trackingUrl(o.number)}>
                  Tracking page
                </a>
              </p>
              <div className="mt-4">
                <StatusTimeline events={events} status={shipment.status} />
              </div>
              <div className="mt-4">
                <ShipmentStatusForm number={o.number} next={NEXT[shipment.status as ShipmentStatus]} />
              </div>
            </>
          ) : (
            <p className="mt-1 text-sm text-muted">Imported history: no shipment record.</p>
          )}
        </section>
        <section>
          {d.returns.length ? (
            <>
              <OrderReturns returns={d.returns} />
              <p className="mt-2 text-sm">
                <Link className="underline" href="/admin/returns">
                  Handle returns
                </Link>
              </p>
            </>
          ) : (
            <p className="text-sm text-muted">No returns for this order.</p>
          )}
          {csat ? (
            <div className={`mt-6 rounded-md border p-3 text-sm ${low ? "border-danger" : "border-line"}`} data-testid="order-csat">
              <p className="font-medium">
                Rated order {csat.orderRating}/5, delivery {csat.deliveryRating}/5{low ? <strong className="ml-2 text-danger">needs follow-up</strong> : null}
              </p>
              {csat.comment ? <p className="mt-1 text-muted">“{csat.comment}”</p> : null}
            </div>
          ) : null}
        </section>
      </div>
    </article>
  );
}
