"use client";

import { useEffect, useState } from "react";
import type { TrackingSnapshot } from "@/lib/delivery/tracking";
import { StatusTimeline, statusLabel } from "@/components/order/status-timeline";
import { formatClock, formatDay } from "@/lib/format";
import { RouteMap } from "./route-map";

const time = (iso: string) => formatClock(iso);
const day = (iso: string) => formatDay(iso, "weekday");

/**
 * Follows a delivery over Server-Sent Events: the server pushes a snapshot when the shipment
 * changes; EventSource reconnects by itself after a drop (no polling loop).
 */
export function LiveTracking({ initial, streamUrl }: { initial: TrackingSnapshot; streamUrl: string }) {
  const [snap, setSnap] = useState(initial);
  const [live, setLive] = useState<"connecting" | "live" | "reconnecting">("connecting");
  useEffect(() => {
    const es = new EventSource(streamUrl);
    es.addEventListener("update", (e) => setSnap(JSON.parse((e as MessageEvent<string>).data) as TrackingSnapshot));
    es.onopen = () => setLive("live");
    es.onerror = () => setLive("reconnecting");
    return () => es.close();
  }, [streamUrl]);

  const done = snap.status === "delivered" || snap.status === "cancelled";
  return (
    <div className="grid gap-6 md:grid-cols-2">
      <div>
        <RouteMap snap={snap} />
        <p className="mt-2 text-xs text-muted" aria-live="polite">
          {done ? "" : live === "live" ? "● Live" : live === "reconnecting" ? "Reconnecting…" : "Connecting…"}
        </p>
      </div>
      <div>
        <p className="text-2xl font-semibold" data-testid="tracking-status" aria-live="polite">
          {statusLabel(snap.status)}
        </p>
        <p className="mt-1 text-sm text-muted">
          {snap.status === "delivered" && snap.deliveredAt
            ? `Delivered ${day(snap.deliveredAt)} at ${time(snap.deliveredAt)}${snap.onTime === false ? " (later than promised, sorry)" : snap.onTime ? ", on time" : ""}`
            : snap.etaAt && snap.status === "out_for_delivery"
              ? `Arriving around ${time(snap.etaAt)}`
              : `Promised ${day(snap.promisedFrom)} – ${day(snap.promisedTo)}`}
        </p>
        <div className="mt-6">
          <StatusTimeline events={snap.events} status={snap.status} />
        </div>
      </div>
    </div>
  );
}
