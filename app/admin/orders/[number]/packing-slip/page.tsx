import Link from "next/link";
import { notFound } from "next/navigation";
import { OrderFulfilment } from "@/components/admin/orders/order-fulfilment";
import { PrintButton } from "@/components/admin/print-button";
import { Logo } from "@/components/ui/logo";
import { getAdminOrder } from "@/lib/orders/admin-queries";
import { ORDER_NUMBER } from "@/lib/orders/number";
import { staffMetadata } from "@/lib/admin/action";

export const generateMetadata = staffMetadata("Packing slip");

/** A printable packing slip: address, delivery, lines with SKU and quantity; the admin chrome is hidden in print. */
export default async function PackingSlipPage({ params }: { params: Promise<{ number: string }> }) {
  const number = decodeURIComponent((await params).number);
  if (!ORDER_NUMBER.test(number)) notFound();
  const d = await getAdminOrder(number);
  if (!d) notFound();
  return (
    <article className="mx-auto max-w-3xl bg-surface p-6 print:max-w-none print:p-0" data-testid="packing-slip">
      <div className="flex items-center justify-between gap-4 print:hidden">
        <Link href={`/admin/orders/${number}`} className="text-sm underline">
          Back to the order
        </Link>
        <PrintButton label="Print packing slip" />
      </div>
      <header className="mt-4 flex items-center justify-between border-b border-line pb-3">
        <Logo />
        <div className="text-right">
          <h1 className="text-xl font-semibold">Packing slip</h1>
          <p className="text-sm">
            Order <code>{d.order.number}</code> · {d.order.placedAt.toLocaleDateString("en-GB", { timeZone: "Europe/London", dateStyle: "medium" })}
          </p>
        </div>
      </header>
      <div className="mt-4">
        <OrderFulfilment detail={d} customerName={d.customer?.name} />
      </div>
      <p className="mt-6 text-sm text-muted">Thank you for shopping with Hearth. Returns: within 30 days of delivery, from your order page.</p>
    </article>
  );
}
