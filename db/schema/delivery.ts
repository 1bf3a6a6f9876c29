import { boolean, doublePrecision, index, integer, jsonb, pgEnum, pgTable, serial, smallint, text, timestamp } from "drizzle-orm/pg-core";
import { timestamps } from "./columns";
import { orders } from "./orders";

export const deliveryMethod = pgEnum("delivery_method", ["standard", "express", "bike", "ev"]);
export const shipmentStatus = pgEnum("shipment_status", ["placed", "packed", "dispatched", "out_for_delivery", "delivered", "failed_attempt", "cancelled"]);

/** One shipment per web order: where it is, when it should arrive, and whether it did on time. */
export const shipments = pgTable(
  "shipments",
  {
    id: serial("id").primaryKey(),
    orderId: integer("order_id")
      .notNull()
      .unique()
      .references(() => orders.id, { onDelete: "cascade" }),
    method: deliveryMethod("method").notNull(),
    status: shipmentStatus("status").notNull().default("placed"),
    distanceKm: doublePrecision("distance_km").notNull(),
    co2Grams: integer("co2_grams").notNull(),
    promisedFrom: timestamp("promised_from", { withTimezone: true, mode: "date" }).notNull(),
    promisedTo: timestamp("promised_to", { withTimezone: true, mode: "date" }).notNull(),
    etaAt: timestamp("eta_at", { withTimezone: true, mode: "date" }),
    deliveredAt: timestamp("delivered_at", { withTimezone: true, mode: "date" }),
    /** Set on delivery: delivered by the end of the promised window. */
    onTime: boolean("on_time"),
    /** The courier's route on the local map (0–100 grid) and how far along it they are (0–1). */
    route: jsonb("route").$type<[number, number][]>().notNull(),
    progress: doublePrecision("progress").notNull().default(0),
    attempts: smallint("attempts").notNull().default(0),
    ...timestamps,
  },
  (t) => [index("shipments_status_idx").on(t.status), index("shipments_updated_idx").on(t.updatedAt)],
);

export const shipmentEvents = pgTable(
  "shipment_events",
  {
    id: serial("id").primaryKey(),
    shipmentId: integer("shipment_id")
      .notNull()
      .references(() => shipments.id, { onDelete: "cascade" }),
    status: shipmentStatus("status").notNull(),
    note: text("note").notNull().default(""),
    at: timestamp("at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [index("shipment_events_shipment_idx").on(t.shipmentId, t.at), index("shipment_events_at_idx").on(t.at)],
);

export type Shipment = typeof shipments.$inferSelect;
