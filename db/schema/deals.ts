import { sql } from "drizzle-orm";
import { boolean, check, index, integer, jsonb, pgEnum, pgTable, serial, smallint, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { timestamps } from "./columns";
import { orders } from "./orders";
import { users } from "./users";

export const dealType = pgEnum("deal_type", ["percent_off", "amount_off", "free_eco_delivery", "bundle_price"]);
export const dealScope = pgEnum("deal_scope", ["all", "categories", "products"]);

/** Who a deal is for: anyone matching one of the lists (none listed: every signed-in customer), optionally first orders only. */
export type DealTargeting = { segments?: string[]; customers?: number[]; lifecycle?: string[]; firstOrderOnly?: boolean };

/** Exclusive deals: what they take off, on what, for whom, when, and how often. */
export const deals = pgTable(
  "deals",
  {
    id: serial("id").primaryKey(),
    code: text("code").notNull().unique(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    type: dealType("type").notNull(),
    /** percent_off: 1–100; amount_off and bundle_price: pence; free_eco_delivery: unused. */
    value: integer("value").notNull().default(0),
    /** bundle_price: this many units of the scope for `value` pence. */
    bundleQuantity: smallint("bundle_quantity"),
    scope: dealScope("scope").notNull().default("all"),
    /** Category ids or product ids, by scope. */
    scopeIds: integer("scope_ids")
      .array()
      .notNull()
      .default(sql`'{}'::int[]`),
    targeting: jsonb("targeting").$type<DealTargeting>().notNull().default({}),
    minSpendPence: integer("min_spend_pence").notNull().default(0),
    startsAt: timestamp("starts_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    endsAt: timestamp("ends_at", { withTimezone: true, mode: "date" }),
    /** Redemptions allowed in all (null: no limit) and per customer. */
    usageLimit: integer("usage_limit"),
    perCustomerLimit: integer("per_customer_limit").notNull().default(1),
    /** Kept by the redemption itself, under the deal's row lock, so the limit holds under concurrent checkouts. */
    redemptions: integer("redemptions").notNull().default(0),
    /** Higher wins ties; stackable deals add up with each other, never with a non-stackable one. */
    priority: smallint("priority").notNull().default(0),
    stackable: boolean("stackable").notNull().default(false),
    /** A promo code: applies only when the shopper types it (guests too, if aimed at everyone), never by itself. */
    requiresCode: boolean("requires_code").notNull().default(false),
    active: boolean("active").notNull().default(true),
    ...timestamps,
  },
  (t) => [
    check("deals_value_nonneg", sql`${t.value} >= 0`),
    check("deals_redemptions_within_limit", sql`${t.usageLimit} is null or ${t.redemptions} <= ${t.usageLimit}`),
    index("deals_active_idx").on(t.active, t.startsAt),
  ],
);

export const dealRedemptions = pgTable(
  "deal_redemptions",
  {
    id: serial("id").primaryKey(),
    dealId: integer("deal_id")
      .notNull()
      .references(() => deals.id, { onDelete: "cascade" }),
    userId: integer("user_id").references(() => users.id, { onDelete: "cascade" }),
    orderId: integer("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    discountPence: integer("discount_pence").notNull(),
    at: timestamp("at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("deal_redemptions_deal_order_idx").on(t.dealId, t.orderId),
    index("deal_redemptions_user_idx").on(t.userId, t.dealId),
    index("deal_redemptions_at_idx").on(t.at),
  ],
);

export type Deal = typeof deals.$inferSelect;
