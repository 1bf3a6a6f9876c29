import { eq } from "drizzle-orm";
import { orderLines, orders, shipments } from "@/db/schema";
import type { Db } from "@/lib/db";
import { formatCo2, formatPrice } from "@/lib/format";
import { sendMail } from "@/lib/mail";
import { siteUrl } from "@/lib/site";
import { trackingUrl } from "./tracking-link";

const when = (d: Date) => d.toLocaleDateString("en-GB", { weekday: "short", day: "numeric", month: "short", timeZone: "Europe/London" });

export async function sendOrderConfirmation(db: Db, orderId: number): Promise<void> {
  const [o] = await db.select().from(orders).where(eq(orders.id, orderId));
  if (!o?.email) return;
  const lines = await db.select().from(orderLines).where(eq(orderLines.orderId, orderId));
  const [s] = await db.select().from(shipments).where(eq(shipments.orderId, orderId));
  const text = [
    `Thank you for your order ${o.number}.`,
    "",
    ...lines.map((l) => `${l.quantity} × ${l.title}  ${formatPrice(l.quantity * l.unitPricePence)}`),
    "",
    `Delivery: ${formatPrice(o.shippingPence)}`,
    `Total: ${formatPrice(o.totalPence)} (includes VAT ${formatPrice(o.taxPence)}), paid on delivery`,
    s ? `Arriving ${when(s.promisedFrom)} – ${when(s.promisedTo)}${s.method === "bike" || s.method === "ev" ? ` by ${s.method === "bike" ? "cargo bike" : "electric van"} (about ${formatCo2(s.co2Grams)} CO2)` : ""}.` : "",
    "",
    `Track it: ${trackingUrl(o.number)}`,
    `Your orders: ${siteUrl()}/account/orders`,
  ].join("\n");
  await sendMail({ to: o.email, subject: `Your Hearth order ${o.number}`, text, meta: { kind: "order-confirmation", order: o.number } });
}
