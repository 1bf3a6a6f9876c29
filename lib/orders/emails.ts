import { asc, eq } from "drizzle-orm";
import { orderLines, orders, shipments, type Order } from "@/db/schema";
import type { Db, DbOrTx } from "@/lib/db";
import { formatCo2, formatPrice } from "@/lib/format";
import { queueMail, type MailContent } from "@/lib/mail";
import { siteUrl } from "@/lib/site";
import { SHOP_TIME_ZONE } from "@/lib/time";
import { orderUrl, trackingUrl } from "./tracking-link";

const when = (d: Date) => d.toLocaleDateString("en-GB", { weekday: "short", day: "numeric", month: "short", timeZone: SHOP_TIME_ZONE });
const METHOD = { bike: "cargo bike", ev: "electric van", express: "express van", standard: "standard van" } as const;

/** Where the customer opens the order: their account, or for a guest the signed order link. */
export const orderLink = (o: Pick<Order, "number" | "userId">) => (o.userId ? `${siteUrl()}/account/orders/${o.number}` : orderUrl(o.number));

async function load(db: Db, orderId: number) {
  const [o] = await db.select().from(orders).where(eq(orders.id, orderId));
  if (!o?.email) return null;
  const [s] = await db.select().from(shipments).where(eq(shipments.orderId, orderId));
  return { o, s: s ?? null };
}

/** "Order placed": lines, totals, the promised window and the order and tracking links. In the order's transaction. */
export async function queueOrderPlaced(db: DbOrTx, orderId: number): Promise<void> {
  const found = await load(db, orderId);
  if (!found) return;
  const { o, s } = found;
  const lines = await db.select().from(orderLines).where(eq(orderLines.orderId, orderId)).orderBy(asc(orderLines.lineNo));
  const content: MailContent = {
    preview: `Order ${o.number}: ${formatPrice(o.totalPence)}, paid on delivery`,
    heading: `Thank you for your order ${o.number}`,
    paragraphs: [
      s
        ? `Arriving ${when(s.promisedFrom)} – ${when(s.promisedTo)} by ${METHOD[s.method]}${s.method === "bike" || s.method === "ev" ? ` (about ${formatCo2(s.co2Grams)} CO2)` : ""}.`
        : "",
      `Follow it live: ${trackingUrl(o.number)}`,
      o.userId ? "" : "Open your order to save your details and set a password.",
    ].filter(Boolean),
    rows: [
      ...lines.map((l) => ({ label: `${l.quantity} × ${l.title}`, value: formatPrice(l.quantity * l.unitPricePence) })),
      { label: "Delivery", value: formatPrice(o.shippingPence) },
      { label: "Total, paid on delivery", value: formatPrice(o.totalPence), strong: true },
      { label: "Includes VAT", value: formatPrice(o.taxPence) },
    ],
    button: { label: "View your order", href: orderLink(o) },
  };
  await queueMail(db, { to: o.email!, subject: `Your Hearth order ${o.number}`, content, meta: { kind: "order-placed", order: o.number, link: orderLink(o) } });
}

type MailedStatus = "dispatched" | "out_for_delivery" | "delivered" | "failed_attempt" | "cancelled";
export const MAILED_STATUSES = new Set<string>(["dispatched", "out_for_delivery", "delivered", "failed_attempt", "cancelled"] satisfies MailedStatus[]);

/** The email for a shipment's new status, written by setShipmentStatus in its transaction. */
export async function queueShipmentMail(db: DbOrTx, orderId: number, status: MailedStatus): Promise<void> {
  const found = await load(db, orderId);
  if (!found) return;
  const { o, s } = found;
  const track = { label: "Track it live", href: trackingUrl(o.number) };
  const by = s ? METHOD[s.method] : "courier";
  const content: Record<MailedStatus, { subject: string; content: MailContent }> = {
    dispatched: {
      subject: `Order ${o.number} is on its way`,
      content: {
        preview: `On its way by ${by}`,
        heading: "Your order is on its way",
        paragraphs: [`Order ${o.number} has left us by ${by}${s ? `, due ${when(s.promisedFrom)} – ${when(s.promisedTo)}` : ""}. Follow it live on the map.`],
        button: track,
      },
    },
    out_for_delivery: {
      subject: `Order ${o.number} arrives today`,
      content: {
        preview: "Out for delivery today",
        heading: "Out for delivery today",
        paragraphs: [`Your courier has order ${o.number} and is on the way. Pay on delivery by card or cash.`],
        button: track,
      },
    },
    delivered: {
      subject: `How was your Hearth order ${o.number}?`,
      content: {
        preview: "Delivered. Rate it in a few seconds",
        heading: "Delivered",
        paragraphs: [
          `Order ${o.number} has been delivered. Tell us how it went, from 1 to 5, in a few seconds: it helps us and our couriers.`,
          "Not right? You can ask for a return within 30 days from your order page.",
        ],
        button: { label: "Rate your order", href: `${orderLink(o)}#rate` },
      },
    },
    failed_attempt: {
      subject: `We missed you: order ${o.number}`,
      content: {
        preview: "We tried to deliver today",
        heading: "We tried to deliver",
        paragraphs: [`Our courier couldn't deliver order ${o.number} today. We'll try again on the next round; follow it live.`],
        button: track,
      },
    },
    cancelled: {
      subject: `Order ${o.number} is cancelled`,
      content: {
        preview: "Cancelled: nothing will be charged",
        heading: "Your order is cancelled",
        paragraphs: [`Order ${o.number} is cancelled. Nothing will be charged.`],
        button: { label: "View your order", href: orderLink(o) },
      },
    },
  };
  const m = content[status];
  await queueMail(db, { to: o.email!, subject: m.subject, content: m.content, meta: { kind: `shipment-${status.replace(/_/g, "-")}`, order: o.number } });
}
