import { sql } from "drizzle-orm";
import { check, index, integer, pgEnum, pgTable, primaryKey, serial, smallint, text, timestamp } from "drizzle-orm/pg-core";
import { timestamps } from "./columns";
import { orders } from "./orders";
import { users } from "./users";

export const returnStatus = pgEnum("return_status", ["requested", "approved", "refused", "received", "refunded"]);

/**
 * A customer's request to send lines of a delivered order back (lib/returns/request.ts): staff
 * approve or refuse it, mark the parcel received (stock goes back) and refund it
 * (lib/returns/admin.ts); the refund is an order of kind "refund" (refund_order_id) with negative
 * lines, as the importer stores refunds.
 */
export const returns = pgTable(
  "returns",
  {
    id: serial("id").primaryKey(),
    orderId: integer("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    status: returnStatus("status").notNull().default("requested"),
    note: text("note").notNull().default(""),
    staffNote: text("staff_note").notNull().default(""),
    decidedAt: timestamp("decided_at", { withTimezone: true, mode: "date" }),
    receivedAt: timestamp("received_at", { withTimezone: true, mode: "date" }),
    refundOrderId: integer("refund_order_id").references(() => orders.id, { onDelete: "set null" }),
    staffId: integer("staff_id").references(() => users.id, { onDelete: "set null" }),
    ...timestamps,
  },
  (t) => [index("returns_order_idx").on(t.orderId), index("returns_status_idx").on(t.status, t.createdAt)],
);

export const returnLines = pgTable(
  "return_lines",
  {
    returnId: integer("return_id")
      .notNull()
      .references(() => returns.id, { onDelete: "cascade" }),
    /** The order line sent back (order_lines.line_no of the return's order). */
    lineNo: smallint("line_no").notNull(),
    quantity: integer("quantity").notNull(),
    reason: text("reason").notNull(),
  },
  (t) => [primaryKey({ columns: [t.returnId, t.lineNo] }), check("return_lines_qty_positive", sql`${t.quantity} > 0`)],
);

export type Return = typeof returns.$inferSelect;
