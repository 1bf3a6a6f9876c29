import type { Metadata } from "next";
import Link from "next/link";
import { Pagination } from "@/components/catalog/pagination";
import { statusLabel } from "@/components/order/status-timeline";
import { requireUser } from "@/lib/auth/current-user";
import { formatDay, formatPrice } from "@/lib/format";
import { getMyOrders } from "@/lib/orders/queries";

export const metadata: Metadata = { title: "Your orders", robots: { index: false } };

export default async function OrdersPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  await requireUser("/account/orders");
  const page = Math.max(1, Math.min(10_000, Number((await searchParams).page) || 1));
  const list = (await getMyOrders(page))!;
  return (
    <section className="mx-auto max-w-3xl py-4">
      <p className="text-sm">
        <Link href="/account" className="text-muted hover:text-accent">
          Account
        </Link>
      </p>
      <h1 className="mt-1 text-2xl font-semibold">Your orders</h1>
      {list.rows.length ? (
        <ul className="mt-4 divide-y divide-line rounded-lg border border-line bg-surface" data-testid="order-list">
          {list.rows.map((o) => (
            <li key={o.number}>
              <Link href={`/account/orders/${o.number}`} className="flex items-center justify-between gap-3 p-4 hover:bg-sunken">
                <span>
                  <span className="block font-medium">
                    {o.kind === "refund" ? "Refund " : "Order "}
                    {o.number}
                  </span>
                  <span className="block text-sm text-muted">
                    {formatDay(o.placedAt, "medium")} · {Math.abs(o.items)} item
                    {Math.abs(o.items) === 1 ? "" : "s"} · {statusLabel(o.status)}
                  </span>
                </span>
                <span className="font-semibold">{formatPrice(o.totalPence)}</span>
              </Link>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-4 text-muted">No orders yet.</p>
      )}
      <Pagination page={list.page} pageCount={list.pageCount} href={(p) => `/account/orders${p > 1 ? `?page=${p}` : ""}`} />
    </section>
  );
}
