import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { products } from "./catalog";
import { timestamps } from "./columns";
import { users } from "./users";

/** A cart: a guest's (no user, found by a signed cookie) or a customer's (one per user). */
export const carts = pgTable(
  "carts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: integer("user_id")
      .unique()
      .references(() => users.id, { onDelete: "cascade" }),
    /** Set when a guest cart was merged into a customer's; merged carts are kept briefly, then purged. */
    mergedInto: uuid("merged_into"),
    /** A discount code the shopper typed (normalised); checked again whenever the cart is priced. */
    dealCode: text("deal_code"),
    ...timestamps,
  },
  (t) => [index("carts_updated_idx").on(t.updatedAt)],
);

export const cartLines = pgTable(
  "cart_lines",
  {
    cartId: uuid("cart_id")
      .notNull()
      .references(() => carts.id, { onDelete: "cascade" }),
    productId: integer("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    quantity: integer("quantity").notNull(),
    addedAt: timestamp("added_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.cartId, t.productId] }), check("cart_lines_qty_positive", sql`${t.quantity} > 0`)],
);
