import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { OrderDetailView } from "@/components/order/order-detail";
import { requireUser } from "@/lib/auth/current-user";
import { getMyOrder } from "@/lib/orders/queries";

export const metadata: Metadata = { title: "Order", robots: { index: false } };

type Props = { params: Promise<{ number: string }>; searchParams: Promise<{ placed?: string }> };

export default async function OrderPage({ params, searchParams }: Props) {
  const { number } = await params;
  await requireUser(`/account/orders/${number}`);
  const detail = await getMyOrder(number);
  // Someone else's order and no order at all look the same.
  if (!detail) notFound();
  const placed = (await searchParams).placed === "1";
  return (
    <OrderDetailView
      detail={detail}
      placed={placed}
      owner
      back={
        <p className="text-sm">
          <Link href="/account/orders" className="text-muted hover:text-accent">
            Your orders
          </Link>
        </p>
      }
    />
  );
}
