import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ClaimRequestForm } from "@/components/account/claim-request-form";
import { OrderDetailView } from "@/components/order/order-detail";
import { getLinkedOrder } from "@/lib/orders/queries";

export const metadata: Metadata = { title: "Your order", robots: { index: false }, referrer: "no-referrer" };

type Props = { params: Promise<{ number: string }>; searchParams: Promise<{ t?: string; placed?: string }> };

/** The signed order link (a guest's confirmation page and emails): the order for whoever holds it; a 404 otherwise. */
export default async function LinkedOrderPage({ params, searchParams }: Props) {
  const { number } = await params;
  const { t, placed } = await searchParams;
  const detail = await getLinkedOrder(number, t);
  if (!detail) notFound();
  const guest = detail.order.userId === null;
  return (
    <OrderDetailView
      detail={detail}
      placed={placed === "1"}
      owner={false}
      token={t}
      extra={
        guest && detail.order.email ? (
          <ClaimRequestForm number={number} token={t!} email={detail.order.email} />
        ) : (
          <p className="mt-6 text-sm">
            This order is saved in an account.{" "}
            <Link href={`/sign-in?next=${encodeURIComponent(`/account/orders/${number}`)}`} className="text-accent underline">
              Sign in
            </Link>{" "}
            to manage it.
          </p>
        )
      }
    />
  );
}
