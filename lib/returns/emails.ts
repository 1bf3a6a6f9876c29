import { eq } from "drizzle-orm";
import { orders, returns } from "@/db/schema";
import type { Db } from "@/lib/db";
import { formatPrice } from "@/lib/format";
import { queueMail, type MailContent } from "@/lib/mail";
import { orderLink } from "@/lib/orders/emails";

/** The customer's email for a return's decision or refund, in the transaction that makes it. */
export async function queueReturnMail(db: Db, returnId: number, status: "approved" | "refused" | "refunded"): Promise<void> {
  const [r] = await db.select().from(returns).where(eq(returns.id, returnId));
  const [o] = r ? await db.select().from(orders).where(eq(orders.id, r.orderId)) : [];
  if (!r || !o?.email) return;
  const [refund] = r.refundOrderId ? await db.select({ total: orders.totalPence, number: orders.number }).from(orders).where(eq(orders.id, r.refundOrderId)) : [];
  const button = { label: "View your order", href: orderLink(o) };
  const mail: Record<typeof status, { subject: string; content: MailContent }> = {
    approved: {
      subject: `Your return for order ${o.number} is approved`,
      content: {
        preview: "Return approved: how to send it back",
        heading: "Your return is approved",
        paragraphs: [
          "Pack the items securely with a note of your order number. Our courier collects returns on their next round in your area, or you can hand them to them at your next delivery.",
          r.staffNote ? `From our team: ${r.staffNote}` : "",
        ].filter(Boolean),
        button,
        note: "We'll refund you once the items are back with us.",
      },
    },
    refused: {
      subject: `About your return for order ${o.number}`,
      content: {
        preview: "We can't accept this return",
        heading: "We can't accept this return",
        paragraphs: [r.staffNote ? `From our team: ${r.staffNote}` : "This return doesn't meet our returns policy.", "Reply to this email if you'd like to talk it through."],
        button,
      },
    },
    refunded: {
      subject: `Your refund for order ${o.number}`,
      content: {
        preview: `Refund of ${formatPrice(-(refund?.total ?? 0))}`,
        heading: "Your refund is on its way",
        paragraphs: [
          `We've refunded ${formatPrice(-(refund?.total ?? 0))} for your return from order ${o.number}${refund ? ` (refund ${refund.number})` : ""}.`,
          "For orders paid on delivery we pay it back to the card or account you paid with; it can take up to 5 working days to show.",
        ],
        button,
      },
    },
  };
  const m = mail[status];
  await queueMail(db, { to: o.email, subject: m.subject, content: m.content, meta: { kind: `return-${status}`, order: o.number } });
}
