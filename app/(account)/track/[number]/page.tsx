import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { LiveTracking } from "@/components/delivery/live-tracking";
import { trackingSnapshot } from "@/lib/delivery/tracking";
import { formatCo2 } from "@/lib/format";
import { getTrackableOrder } from "@/lib/orders/queries";
import { orderPath, verifyOrderToken } from "@/lib/orders/tracking-link";

export const metadata: Metadata = { title: "Track your delivery", robots: { index: false }, referrer: "no-referrer" };

type Props = { params: Promise<{ number: string }>; searchParams: Promise<{ t?: string }> };

/** Live tracking for the order's owner, or anyone with the signed link; everyone else gets a 404. */
export default async function TrackPage({ params, searchParams }: Props) {
  const { number } = await params;
  const { t } = await searchParams;
  const detail = await getTrackableOrder(number, t);
  const snap = detail && trackingSnapshot(detail);
  if (!snap) notFound();
  const streamUrl = `/api/track/${number}/stream${t ? `?t=${encodeURIComponent(t)}` : ""}`;
  return (
    <section className="py-2">
      <h1 className="text-2xl font-semibold">Delivery of order {number}</h1>
      <p className="mt-1 text-sm text-muted">
        {snap.method === "bike" ? "By cargo bike" : snap.method === "ev" ? "By electric van" : snap.method === "express" ? "Express" : "Standard van"} · about{" "}
        {formatCo2(snap.co2Grams)} CO2
      </p>
      <div className="mt-6">
        <LiveTracking initial={snap} streamUrl={streamUrl} />
      </div>
      {/* The order link opens the order itself; a tracking link (a neighbour's) only the owner's account page. */}
      <p className="mt-8 text-sm">
        <Link href={verifyOrderToken(number, t) ? orderPath(number) : `/account/orders/${number}`} className="text-accent underline">
          Order details
        </Link>
      </p>
    </section>
  );
}
