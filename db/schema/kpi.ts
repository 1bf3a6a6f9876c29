import { sql } from "drizzle-orm";
import { bigint, boolean, customType, date, doublePrecision, index, integer, pgTable, primaryKey, smallint, text, timestamp } from "drizzle-orm/pg-core";
import { cdpEvents, segments } from "./cdp";
import { orders } from "./orders";
import { users } from "./users";

/**
 * Narrow KPI facts derived from orders, shipments, CSAT, redemptions and events, refreshed
 * incrementally (lib/kpi/facts.ts) so the dashboard's queries scan a few compact columns instead
 * of the wide source tables. Deleting a source row deletes or detaches its facts (foreign keys).
 * See lib/kpi/README.md.
 */
export const kpiOrders = pgTable(
  "kpi_orders",
  {
    orderId: integer("order_id")
      .primaryKey()
      .references(() => orders.id, { onDelete: "cascade" }),
    userId: integer("user_id").references(() => users.id, { onDelete: "set null" }),
    placedAt: timestamp("placed_at", { withTimezone: true, mode: "date" }).notNull(),
    /** Shop-local calendar day and month of the order. */
    day: date("day").notNull(),
    month: date("month").notNull(),
    /** A sale that was not cancelled / a refund note that was not cancelled. */
    sale: boolean("sale").notNull(),
    refund: boolean("refund").notNull(),
    device: text("device"),
    country: text("country"),
    totalPence: integer("total_pence").notNull(),
    shipMethod: text("ship_method"),
    co2Grams: integer("co2_grams"),
    deliveredDay: date("delivered_day"),
    onTime: boolean("on_time"),
    deliveryHours: doublePrecision("delivery_hours"),
    csatRating: smallint("csat_rating"),
    csatDay: date("csat_day"),
    dealRedemptions: smallint("deal_redemptions").notNull().default(0),
    dealDiscountPence: integer("deal_discount_pence").notNull().default(0),
    /** Product lines the same customer clicked in a recommendation within 7 days before ordering. */
    recRevenuePence: integer("rec_revenue_pence").notNull().default(0),
  },
  (t) => [
    index("kpi_orders_day_idx").on(t.day),
    index("kpi_orders_month_idx").on(t.month),
    index("kpi_orders_user_idx").on(t.userId, t.day),
    index("kpi_orders_delivered_idx")
      .on(t.deliveredDay)
      .where(sql`${t.deliveredDay} is not null`),
    index("kpi_orders_csat_idx")
      .on(t.csatDay)
      .where(sql`${t.csatDay} is not null`),
  ],
);

/** A set of shop-local days (PostgreSQL datemultirange), read and written only in SQL. */
const dateMultirange = customType<{ data: string }>({ dataType: () => "datemultirange" });

/** One row per customer: when they became known, their first purchase, and their holdout bucket. */
export const kpiCustomers = pgTable(
  "kpi_customers",
  {
    userId: integer("user_id")
      .primaryKey()
      .references(() => users.id, { onDelete: "cascade" }),
    /** The earlier of sign-up and first order of any kind. */
    knownAt: timestamp("known_at", { withTimezone: true, mode: "date" }).notNull(),
    firstSaleAt: timestamp("first_sale_at", { withTimezone: true, mode: "date" }),
    firstSaleMonth: date("first_sale_month"),
    secondSaleAt: timestamp("second_sale_at", { withTimezone: true, mode: "date" }),
    /** Months (year × 12 + month − 1, shop-local) with at least one sale: "bought in these months" without scanning orders. */
    activeMonths: integer("active_months")
      .array()
      .notNull()
      .default(sql`'{}'::int[]`),
    /** Shop-local days with at least one sale: "bought between two dates" is one overlap test. */
    saleDays: dateMultirange("sale_days")
      .notNull()
      .default(sql`'{}'::datemultirange`),
    /** The segments they are in (as kpi_segment_members has it): a segment filter is `id = any(segments)`, no join. */
    segments: integer("segments")
      .array()
      .notNull()
      .default(sql`'{}'::int[]`),
    /** lib/recs/holdout.ts's bucket in [0, 1): the control group is bucket < RECS_HOLDOUT_SHARE. */
    bucket: doublePrecision("bucket").notNull(),
  },
  (t) => [index("kpi_customers_first_sale_idx").on(t.firstSaleAt)],
);

/**
 * The same activity per customer and order device and/or country ('*' = any): what the customer
 * counts read when the dashboard filters by device or country. First and second sale are the
 * customer's first two sales matching the row's filter.
 */
export const kpiCustomerDims = pgTable(
  "kpi_customer_dims",
  {
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    device: text("device").notNull(),
    country: text("country").notNull(),
    firstSaleAt: timestamp("first_sale_at", { withTimezone: true, mode: "date" }).notNull(),
    secondSaleAt: timestamp("second_sale_at", { withTimezone: true, mode: "date" }),
    activeMonths: integer("active_months").array().notNull(),
    saleDays: dateMultirange("sale_days").notNull(),
    /** Copied from kpi_customers so a filtered count reads this table alone: their first sale of any kind (and its month, the cohort), holdout bucket and segments. */
    firstSaleEverAt: timestamp("first_sale_ever_at", { withTimezone: true, mode: "date" }).notNull(),
    firstSaleMonth: date("first_sale_month").notNull(),
    bucket: doublePrecision("bucket").notNull(),
    segments: integer("segments")
      .array()
      .notNull()
      .default(sql`'{}'::int[]`),
  },
  (t) => [primaryKey({ columns: [t.device, t.country, t.userId] }), index("kpi_customer_dims_user_idx").on(t.userId)],
);

/**
 * Segment members as the rollups last counted them, and each segment's `computed_at` then: a
 * segment recomputed since is diffed against this copy, and only its joiners' and leavers' days
 * are recounted.
 */
export const kpiSegmentMembers = pgTable(
  "kpi_segment_members",
  {
    segmentId: integer("segment_id")
      .notNull()
      .references(() => segments.id, { onDelete: "cascade" }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.segmentId, t.userId] }), index("kpi_segment_members_user_idx").on(t.userId)],
);
// No foreign key: a deleted segment's row tells the refresh to drop that segment's rollup rows.
export const kpiSegmentState = pgTable("kpi_segment_state", {
  segmentId: integer("segment_id").primaryKey(),
  computedAt: timestamp("computed_at", { withTimezone: true, mode: "date" }),
});

/** A visit: one browser (or a customer without one) on one shop-local day, with the funnel steps it reached. */
export const kpiVisits = pgTable(
  "kpi_visits",
  {
    day: date("day").notNull(),
    visitor: text("visitor").notNull(),
    device: text("device").notNull(),
    userId: integer("user_id").references(() => users.id, { onDelete: "cascade" }),
    productView: boolean("product_view").notNull().default(false),
    cart: boolean("cart").notNull().default(false),
    checkout: boolean("checkout").notNull().default(false),
    ordered: boolean("ordered").notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.day, t.visitor, t.device] }), index("kpi_visits_user_idx").on(t.userId)],
);

/** Recommendation rails shown and clicks on them, one row per event. */
export const kpiRecEvents = pgTable(
  "kpi_rec_events",
  {
    eventId: bigint("event_id", { mode: "number" })
      .primaryKey()
      .references(() => cdpEvents.id, { onDelete: "cascade" }),
    day: date("day").notNull(),
    userId: integer("user_id").references(() => users.id, { onDelete: "cascade" }),
    device: text("device"),
    surface: text("surface").notNull(),
    click: boolean("click").notNull(),
  },
  (t) => [index("kpi_rec_events_day_idx").on(t.day), index("kpi_rec_events_user_idx").on(t.userId)],
);

/** Where the incremental refresh got to. */
export const kpiRefreshState = pgTable("kpi_refresh_state", {
  id: smallint("id").primaryKey().default(1),
  timeZone: text("time_zone").notNull(),
  /** The holdout share the rollups were split by (a change means a full refresh). */
  holdoutShare: doublePrecision("holdout_share").notNull().default(0.1),
  changesSince: timestamp("changes_since", { withTimezone: true, mode: "date" }),
  eventsAfter: bigint("events_after", { mode: "number" }).notNull().default(0),
  refreshedAt: timestamp("refreshed_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
});

/*
 * Daily rollups of the facts (additive measures per shop-local day and filter dimensions; '' for
 * unknown), recomputed for the days a refresh touched. `segment_id` 0 counts everyone; a
 * segment's id counts only its members (kpi_segment_members), so a segment filter reads its own
 * rows instead of the facts.
 */
const segmentCol = () => integer("segment_id").notNull().default(0);
const dayCol = () => date("day").notNull();
const dim = (name: string) => text(name).notNull().default("");
const n = (name: string) => bigint(name, { mode: "number" }).notNull().default(0);

export const kpiDailyOrders = pgTable(
  "kpi_daily_orders",
  {
    segmentId: segmentCol(),
    day: dayCol(),
    device: dim("device"),
    country: dim("country"),
    method: dim("method"),
    /** treatment | control (holdout) | guest, for the personalization lift. */
    grp: dim("grp"),
    orders: n("orders"),
    sales: n("sales"),
    sales2: doublePrecision("sales2").notNull().default(0),
    refunds: n("refunds"),
    dealOrders: n("deal_orders"),
    dealRevenue: n("deal_revenue"),
    recRevenue: n("rec_revenue"),
    recOrders: n("rec_orders"),
    co2: n("co2"),
  },
  (t) => [primaryKey({ columns: [t.segmentId, t.day, t.device, t.country, t.method, t.grp] })],
);
export const kpiDailyDelivered = pgTable(
  "kpi_daily_delivered",
  {
    segmentId: segmentCol(),
    day: dayCol(),
    device: dim("device"),
    country: dim("country"),
    delivered: n("delivered"),
    onTime: n("on_time"),
    hours: doublePrecision("hours").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.segmentId, t.day, t.device, t.country] })],
);
export const kpiDailyCsat = pgTable(
  "kpi_daily_csat",
  { segmentId: segmentCol(), day: dayCol(), device: dim("device"), country: dim("country"), rating: smallint("rating").notNull(), answers: n("answers") },
  (t) => [primaryKey({ columns: [t.segmentId, t.day, t.device, t.country, t.rating] })],
);
export const kpiDailyDeals = pgTable(
  "kpi_daily_deals",
  {
    segmentId: segmentCol(),
    day: dayCol(),
    device: dim("device"),
    country: dim("country"),
    dealId: integer("deal_id").notNull(),
    redemptions: n("redemptions"),
    discount: n("discount"),
    revenue: n("revenue"),
  },
  (t) => [primaryKey({ columns: [t.segmentId, t.day, t.device, t.country, t.dealId] })],
);
export const kpiDailyVisits = pgTable(
  "kpi_daily_visits",
  {
    segmentId: segmentCol(),
    day: dayCol(),
    device: dim("device"),
    visits: n("visits"),
    productViews: n("product_views"),
    carts: n("carts"),
    checkouts: n("checkouts"),
    orders: n("orders"),
  },
  (t) => [primaryKey({ columns: [t.segmentId, t.day, t.device] })],
);
export const kpiDailyRecs = pgTable(
  "kpi_daily_recs",
  { segmentId: segmentCol(), day: dayCol(), device: dim("device"), surface: dim("surface"), views: n("views"), clicks: n("clicks") },
  (t) => [primaryKey({ columns: [t.segmentId, t.day, t.device, t.surface] })],
);
/** Whole calendar months: cohort cells (customers of a first-purchase month buying in a month) and month-on-month retention. */
export const kpiCohortCells = pgTable("kpi_cohort_cells", { cohort: date("cohort").notNull(), month: date("month").notNull(), customers: n("customers") }, (t) => [
  primaryKey({ columns: [t.cohort, t.month] }),
]);
export const kpiMonthRetention = pgTable("kpi_month_retention", { month: date("month").primaryKey(), base: n("base"), retained: n("retained") });
