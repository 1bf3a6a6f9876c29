import { index, integer, pgTable, smallint, text } from "drizzle-orm/pg-core";
import { timestamps } from "./columns";
import { orders } from "./orders";
import { users } from "./users";

/** Customer satisfaction after delivery: one answer per order, editable for 7 days. */
export const csatResponses = pgTable(
  "csat_responses",
  {
    orderId: integer("order_id")
      .primaryKey()
      .references(() => orders.id, { onDelete: "cascade" }),
    userId: integer("user_id").references(() => users.id, { onDelete: "set null" }),
    orderRating: smallint("order_rating").notNull(),
    deliveryRating: smallint("delivery_rating").notNull(),
    comment: text("comment").notNull().default(""),
    ...timestamps,
  },
  (t) => [index("csat_responses_updated_idx").on(t.updatedAt)],
);
