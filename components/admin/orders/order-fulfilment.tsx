import { ProductImage } from "@/components/product/product-image";
import { THUMB_WIDTHS } from "@/lib/catalog/image-urls";
import { COUNTRIES } from "@/lib/account/address";
import { formatDateTime, formatPrice } from "@/lib/format";
import type { OrderDetail } from "@/lib/orders/read";

const METHOD: Record<string, string> = { standard: "Standard van", express: "Express van", bike: "Cargo bike", ev: "Electric van" };
const PAYMENT: Record<string, string> = { due_on_delivery: "To be paid on delivery", paid: "Paid", refunded: "Refunded" };

/** What staff need to ship an order: who and where, how and when, and every line with its money. */
export function OrderFulfilment({ detail, customerName }: { detail: OrderDetail; customerName?: string | null }) {
  const { order: o, lines, shipment } = detail;
  const a = o.shippingAddress ?? {};
  const products = lines.filter((l) => l.kind === "product");
  const discounts = lines.filter((l) => l.kind === "discount");
  return (
    <div className="grid gap-6 md:grid-cols-2 print:grid-cols-2" data-testid="order-fulfilment">
      <section aria-labelledby="ship-to">
        <h2 id="ship-to" className="text-lg font-semibold">
          Ship to
        </h2>
        <address className="mt-1 not-italic text-sm leading-6" data-testid="ship-to">
          <strong>{a.name ?? customerName ?? "—"}</strong>
          <br />
          {a.line1}
          {a.line2 ? <>, {a.line2}</> : null}
          <br />
          {a.city} {a.postcode}
          <br />
          {COUNTRIES[a.country as keyof typeof COUNTRIES] ?? a.country}
        </address>
        <p className="mt-2 text-sm">
          Phone: <span data-testid="ship-phone">{a.phone || "—"}</span>
        </p>
        <p className="text-sm">
          Email: {o.email ?? "—"}
          {o.userId ? "" : " (guest)"}
        </p>
      </section>
      <section aria-labelledby="how">
        <h2 id="how" className="text-lg font-semibold">
          Delivery and payment
        </h2>
        {shipment ? (
          <p className="mt-1 text-sm leading-6">
            {METHOD[shipment.method] ?? shipment.method} · {shipment.distanceKm} km
            <br />
            Promised {formatDateTime(shipment.promisedFrom)} – {formatDateTime(shipment.promisedTo)}
          </p>
        ) : (
          <p className="mt-1 text-sm text-muted">No shipment (imported history).</p>
        )}
        <p className="mt-2 text-sm">
          Payment: {o.paymentProvider === "cod" ? "pay on delivery" : (o.paymentProvider ?? "—")} · <strong>{PAYMENT[o.paymentStatus ?? ""] ?? o.paymentStatus ?? "—"}</strong>
        </p>
      </section>
      <section className="md:col-span-2 print:col-span-2" aria-labelledby="lines">
        <h2 id="lines" className="text-lg font-semibold">
          Items
        </h2>
        <table className="mt-2 w-full text-left text-sm [&_td]:py-1.5 [&_td]:pr-3 [&_th]:pr-3" data-testid="order-lines">
          <thead className="text-muted">
            <tr>
              <th className="w-14 print:hidden">
                <span className="sr-only">Picture</span>
              </th>
              <th>SKU</th>
              <th>Item</th>
              <th className="text-right">Qty</th>
              <th className="text-right">Price</th>
              <th className="text-right">Line</th>
            </tr>
          </thead>
          <tbody>
            {products.map((l) => (
              <tr key={l.lineNo} className="border-t border-line">
                <td className="print:hidden">
                  <div className="w-12">{l.sku ? <ProductImage sku={l.sku} alt="" sizes="48px" widths={THUMB_WIDTHS} /> : null}</div>
                </td>
                <td>
                  <code>{l.sku}</code>
                </td>
                <td>{l.title}</td>
                <td className="text-right tabular-nums font-semibold">{l.quantity}</td>
                <td className="text-right tabular-nums">{formatPrice(l.unitPricePence)}</td>
                <td className="text-right tabular-nums">{formatPrice(l.quantity * l.unitPricePence)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <dl className="ml-auto mt-3 max-w-xs space-y-1 text-sm" data-testid="order-totals">
          <div className="flex justify-between">
            <dt>Subtotal</dt>
            <dd className="tabular-nums">{formatPrice(o.subtotalPence)}</dd>
          </div>
          <div className="flex justify-between">
            <dt>Delivery</dt>
            <dd className="tabular-nums">{formatPrice(o.shippingPence)}</dd>
          </div>
          {discounts.map((d) => (
            <div key={d.lineNo} className="flex justify-between">
              <dt>
                {d.title} <code className="text-muted">{d.sku.replace(/^DEAL-/, "")}</code>
              </dt>
              <dd className="tabular-nums">{formatPrice(d.unitPricePence * d.quantity)}</dd>
            </div>
          ))}
          {!discounts.length && o.discountPence ? (
            <div className="flex justify-between">
              <dt>Discounts</dt>
              <dd className="tabular-nums">−{formatPrice(o.discountPence)}</dd>
            </div>
          ) : null}
          <div className="flex justify-between border-t border-line pt-1 font-semibold">
            <dt>Total</dt>
            <dd className="tabular-nums">{formatPrice(o.totalPence)}</dd>
          </div>
          <div className="flex justify-between text-muted">
            <dt>Includes VAT</dt>
            <dd className="tabular-nums">{formatPrice(o.taxPence)}</dd>
          </div>
        </dl>
      </section>
    </div>
  );
}
