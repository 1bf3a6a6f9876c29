import "server-only";
import { getDb, listen } from "@/lib/db";
import { orderByNumber } from "@/lib/orders/read";
import { NOTIFY_CHANNEL } from "./status";
import { trackingSnapshot, type TrackingSnapshot } from "./tracking";

/** Calls `onChange` whenever the shipment changes (PostgreSQL NOTIFY); returns the unsubscribe. */
export function subscribeToShipment(shipmentId: number, onChange: () => void): Promise<() => Promise<void>> {
  return listen(NOTIFY_CHANNEL, (payload) => {
    if (payload === String(shipmentId)) onChange();
  });
}

/** The current snapshot (after the caller has checked access). */
export async function readTrackingSnapshot(number: string): Promise<TrackingSnapshot | null> {
  const d = await orderByNumber(await getDb(), number, null);
  return d && trackingSnapshot(d);
}
