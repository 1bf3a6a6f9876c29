import Link from "next/link";
import { CsatForm } from "@/components/order/csat-form";
import { OrderActions } from "@/components/order/order-actions";
import { OrderReturns } from "@/components/order/order-returns";
import { ReturnRequestForm } from "@/components/order/return-request-form";
import { StatusTimeline, statusLabel } from "@/components/order/status-timeline";
import { RETURN_REASONS } from "@/lib/returns/request";
import { formatCo2, formatDay, formatPrice } from "@/lib/format";
import type { OrderDetail } from "@/lib/orders/read";
import { trackingToken } from "@/lib/orders/tracking-link";

/**
 * One order as its customer sees it: items and totals, delivery and its timeline, and what they
 * can do. `owner`: the signed-in customer (buy again, cancel, rate); otherwise the holder of the
 * signed order link (a guest), who gets `extra` (saving the order to an account) instead.
 */
export function OrderDetailView({
  detail,
  placed,
  owner,
  token,
  back,
  extra,
}: {
  detail: OrderDetail;
  placed: boolean;
  owner: boolean;
  token?: string;
  back?: React.ReactNode;
  extra?: React.ReactNode;
}) {
  const { order, lines, shipment, events, csat } = detail;
  const products = lines.filter((l) => l.kind === "product");
  const address = order.shippingAddress;
  return (
    <section className="mx-auto max-w-3xl py-4">
      {back}
      {placed ? (
        <div role="status" className="mt-3 rounded-lg bg-accent-soft p-4" data-testid="order-placed">
          <p className="text-lg font-semibold">Thank you! Your order is placed.</p>
          <p className="text-sm">We’ve emailed a confirmation to {order.email}. Pay the courier when it arrives.</p>
        </div>
      ) : null}
      <h1 className="mt-3 text-2xl font-semibold">
        {order.kind === "refund" ? "Refund" : "Order"} {order.number}
      </h1>
      <p className="text-sm text-muted" data-testid="order-status">
        {formatDay(order.placedAt, "long")} · {statusLabel(shipment?.status ?? order.status)}
      </p>

      <div className="mt-6 grid gap-8 md:grid-cols-2">
        <div>
          <h2 className="text-lg font-semibold">Items</h2>
          <ul className="mt-2 divide-y divide-line text-sm">
            {products.map((l) => (
              <li key={l.lineNo} className="flex justify-between gap-3 py-2">
                <span>
                  {l.quantity} ×{" "}
                  {l.slug && l.active ? (
                    <Link href={`/product/${l.slug}`} className="hover:text-accent">
                      {l.title}
                    </Link>
                  ) : (
                    l.title
                  )}
                </span>
                <span>{formatPrice(l.quantity * l.unitPricePence)}</span>
              </li>
            ))}
          </ul>
          <dl className="mt-3 space-y-1 border-t border-line pt-3 text-sm">
            <div className="flex justify-between">
              <dt>Items</dt>
              <dd>{formatPrice(order.subtotalPence)}</dd>
            </div>
            <div className="flex justify-between">
              <dt>Delivery</dt>
              <dd>{formatPrice(order.shippingPence)}</dd>
            </div>
            {order.discountPence ? (
              <div className="flex justify-between">
                <dt>Discount</dt>
                <dd data-testid="order-discount">−{formatPrice(order.discountPence)}</dd>
              </div>
            ) : null}
            <div className="flex justify-between text-base font-semibold">
              <dt>Total</dt>
              <dd>{formatPrice(order.totalPence)}</dd>
            </div>
            {order.taxPence ? (
              <div className="flex justify-between text-muted">
                <dt>Includes VAT</dt>
                <dd>{formatPrice(order.taxPence)}</dd>
              </div>
            ) : null}
          </dl>
          {owner ? (
            <div className="mt-6">
              <OrderActions number={order.number} cancellable={shipment?.status === "placed" || shipment?.status === "packed"} />
            </div>
          ) : null}
          <OrderReturns returns={detail.returns} />
          {!detail.returnOptions.blocker && detail.returnOptions.lines.some((l) => l.returnable > 0) ? (
            <ReturnRequestForm
              number={order.number}
              token={owner ? undefined : token}
              lines={detail.returnOptions.lines.filter((l) => l.returnable > 0)}
              reasons={RETURN_REASONS}
            />
          ) : null}
          {extra}
        </div>
        <div>
          {shipment ? (
            <>
              <h2 className="text-lg font-semibold">Delivery</h2>
              <p className="mt-1 text-sm">
                {shipment.method === "bike" ? "Cargo bike" : shipment.method === "ev" ? "Electric van" : shipment.method === "express" ? "Express" : "Standard van"} · about{" "}
                {formatCo2(shipment.co2Grams)} CO2
              </p>
              {address ? (
                <p className="mt-1 text-sm text-muted">{[address.name, address.line1, address.line2, address.city, address.postcode].filter(Boolean).join(", ")}</p>
              ) : null}
              <div className="mt-4">
                <StatusTimeline events={events} status={shipment.status} />
              </div>
              {owner && shipment.status === "delivered" ? (
                <div className="mt-6">
                  <CsatForm number={order.number} existing={csat} />
                </div>
              ) : null}
              {shipment.status !== "cancelled" ? (
                <Link
                  href={`/track/${order.number}?t=${trackingToken(order.number)}`}
                  className="tap mt-2 inline-flex items-center rounded-full border border-line px-5 text-sm font-medium"
                >
                  Track live
                </Link>
              ) : null}
            </>
          ) : (
            <p className="text-sm text-muted">{order.kind === "refund" ? "A refund or cancellation from our order history." : "Delivered (from our order history)."}</p>
          )}
        </div>
      </div>
    </section>
  );
}
