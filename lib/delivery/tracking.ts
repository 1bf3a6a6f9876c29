import type { OrderRecord } from "@/lib/orders/read";
import { pointAlong } from "./options";

/** What the tracking page and its live stream show; plain JSON. */
export type TrackingSnapshot = {
  number: string;
  status: string;
  method: string;
  progress: number;
  position: [number, number];
  route: [number, number][];
  etaAt: string | null;
  promisedFrom: string;
  promisedTo: string;
  deliveredAt: string | null;
  onTime: boolean | null;
  co2Grams: number;
  events: { status: string; at: string; note: string }[];
};

export function trackingSnapshot(d: OrderRecord): TrackingSnapshot | null {
  const s = d.shipment;
  if (!s) return null;
  const moving = s.status === "out_for_delivery" || s.status === "delivered" || s.status === "failed_attempt";
  return {
    number: d.order.number,
    status: s.status,
    method: s.method,
    progress: moving ? s.progress : 0,
    position: pointAlong(s.route, moving ? s.progress : 0),
    route: s.route,
    etaAt: s.etaAt?.toISOString() ?? null,
    promisedFrom: s.promisedFrom.toISOString(),
    promisedTo: s.promisedTo.toISOString(),
    deliveredAt: s.deliveredAt?.toISOString() ?? null,
    onTime: s.onTime,
    co2Grams: s.co2Grams,
    events: d.events.map((e) => ({ status: e.status, at: e.at.toISOString(), note: e.note })),
  };
}
