import { and, eq, inArray, notInArray } from "drizzle-orm";
import { orders, shipments } from "@/db/schema";
import { getDb, type Db } from "@/lib/db";
import { hash32 } from "@/lib/catalog/text";
import { notifyShipment, setShipmentStatus } from "./status";

export type SimulateOptions = { orderNumber?: string; step?: number; failRate?: number; now?: Date };

/**
 * One tick of the delivery simulator: every open shipment moves one step along
 * placed → packed → dispatched → out for delivery (the courier rides the route in steps) →
 * delivered, with an occasional failed attempt (deterministic per shipment and attempt) that is
 * retried. All status changes go through setShipmentStatus, like the admin pages.
 * Returns how many shipments changed.
 */
export async function simulateTick(db: Db, opts: SimulateOptions = {}): Promise<number> {
  const step = opts.step ?? 0.34;
  const failRate = opts.failRate ?? 0;
  const now = opts.now ?? new Date();
  const open = await db
    .select({ s: shipments, number: orders.number })
    .from(shipments)
    .innerJoin(orders, eq(orders.id, shipments.orderId))
    .where(and(notInArray(shipments.status, ["delivered", "cancelled"]), opts.orderNumber ? eq(orders.number, opts.orderNumber) : undefined));
  let changed = 0;
  for (const { s } of open) {
    const minutesLeft = (p: number) => new Date(now.getTime() + Math.max(5, Math.round((1 - p) * 40)) * 60_000);
    switch (s.status) {
      case "placed":
        await setShipmentStatus(db, s.id, "packed", { at: now, note: "Packed at the depot" });
        break;
      case "packed":
        await setShipmentStatus(db, s.id, "dispatched", { at: now, note: "Left the depot" });
        break;
      case "dispatched":
      case "failed_attempt":
        await setShipmentStatus(db, s.id, "out_for_delivery", {
          at: now,
          progress: 0,
          etaAt: minutesLeft(0),
          note: s.status === "failed_attempt" ? "Second attempt" : "With the courier",
        });
        break;
      case "out_for_delivery": {
        const progress = Math.min(1, s.progress + step);
        if (progress < 1) {
          await db
            .update(shipments)
            .set({ progress, etaAt: minutesLeft(progress) })
            .where(eq(shipments.id, s.id));
          await notifyShipment(db, s.id);
        } else if (failRate > 0 && (hash32(`${s.id}:${s.attempts}`) % 1000) / 1000 < failRate) {
          await setShipmentStatus(db, s.id, "failed_attempt", { at: now, progress: 1, etaAt: null, note: "Nobody in; we'll try again" });
        } else {
          await setShipmentStatus(db, s.id, "delivered", { at: now, note: "Handed over at the door" });
        }
        break;
      }
      default:
        continue;
    }
    changed++;
  }
  return changed;
}

/** Shipments not yet delivered or cancelled (for "run until done"). */
export async function openShipmentCount(db: Db, orderNumber?: string): Promise<number> {
  const rows = await db
    .select({ id: shipments.id })
    .from(shipments)
    .innerJoin(orders, eq(orders.id, shipments.orderId))
    .where(and(inArray(shipments.status, ["placed", "packed", "dispatched", "out_for_delivery", "failed_attempt"]), orderNumber ? eq(orders.number, orderNumber) : undefined));
  return rows.length;
}

/** One tick on this process's database (the internal route handler's entry point). */
export async function runSimulatorTick(opts: SimulateOptions): Promise<{ changed: number; open: number }> {
  const db = await getDb();
  return { changed: await simulateTick(db, opts), open: await openShipmentCount(db, opts.orderNumber) };
}
