import { sql } from "drizzle-orm";
import { type AnyPgColumn, jsonb, index, integer, pgEnum, pgTable, primaryKey, serial, smallint, text, timestamp } from "drizzle-orm/pg-core";
import { products } from "./catalog";
import { timestamps } from "./columns";
import { users } from "./users";

export const orderStatus = pgEnum("order_status", ["placed", "packed", "dispatched", "delivered", "cancelled", "refunded"]);
/** A sale, or a refund/cancellation note that reverses (part of) earlier sales. */
export const orderKind = pgEnum("order_kind", ["sale", "refund"]);
export const orderSource = pgEnum("order_source", ["import", "web"]);
export const lineKind = pgEnum("order_line_kind", ["product", "shipping", "discount", "fee", "other"]);

export const orders = pgTable(
  "orders",
  {
    id: serial("id").primaryKey(),
    number: text("number").notNull().unique(),
    userId: integer("user_id").references(() => users.id, { onDelete: "set null" }),
    kind: orderKind("kind").notNull().default("sale"),
    status: orderStatus("status").notNull().default("placed"),
    source: orderSource("source").notNull().default("web"),
    country: text("country"),
    currency: text("currency").notNull().default("GBP"),
    /** Signed minor units: refunds are negative so sums give net revenue. */
    subtotalPence: integer("subtotal_pence").notNull().default(0),
    shippingPence: integer("shipping_pence").notNull().default(0),
    discountPence: integer("discount_pence").notNull().default(0),
    feesPence: integer("fees_pence").notNull().default(0),
    totalPence: integer("total_pence").notNull().default(0),
    /** VAT included in the total (UK prices include VAT), shown as its own line. */
    taxPence: integer("tax_pence").notNull().default(0),
    placedAt: timestamp("placed_at", { withTimezone: true, mode: "date" }).notNull(),
    email: text("email"),
    /** The delivery address as it was when the order was placed. */
    shippingAddress: jsonb("shipping_address").$type<Record<string, string>>(),
    paymentProvider: text("payment_provider"),
    paymentStatus: text("payment_status"),
    /** One per checkout submit: a double tap, retry or back-button resubmit finds this order. */
    idempotencyKey: text("idempotency_key").unique(),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true, mode: "date" }),
    /** A web refund: the sale it gives money back on (imported refunds have none). */
    refundOf: integer("refund_of").references((): AnyPgColumn => orders.id, { onDelete: "set null" }),
    /** mobile | tablet | desktop for web orders (from the checkout request); null for imported ones. */
    deviceType: text("device_type"),
    ...timestamps,
  },
  (t) => [
    index("orders_user_placed_idx").on(t.userId, t.placedAt),
    index("orders_placed_idx").on(t.placedAt),
    // The KPI facts' incremental refresh finds changed orders by this (lib/kpi/facts.ts).
    index("orders_updated_idx").on(t.updatedAt),
    // Guest orders are found by email when their owner proves it (lib/account/claim.ts).
    index("orders_refund_of_idx")
      .on(t.refundOf)
      .where(sql`${t.refundOf} is not null`),
    index("orders_guest_email_idx")
      .on(sql`lower(${t.email})`)
      .where(sql`${t.userId} is null`),
  ],
);

export const orderLines = pgTable(
  "order_lines",
  {
    orderId: integer("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    lineNo: smallint("line_no").notNull(),
    kind: lineKind("kind").notNull().default("product"),
    productId: integer("product_id").references(() => products.id, { onDelete: "set null" }),
    sku: text("sku").notNull(),
    title: text("title").notNull(),
    quantity: integer("quantity").notNull(),
    unitPricePence: integer("unit_price_pence").notNull(),
  },
  (t) => [primaryKey({ columns: [t.orderId, t.lineNo] }), index("order_lines_product_idx").on(t.productId)],
);

export type Order = typeof orders.$inferSelect;
export type OrderLine = typeof orderLines.$inferSelect;
