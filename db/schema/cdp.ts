import { sql } from "drizzle-orm";
import { bigserial, boolean, doublePrecision, index, integer, jsonb, pgEnum, pgTable, primaryKey, serial, smallint, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { products } from "./catalog";
import { timestamps } from "./columns";
import { users } from "./users";

/** Segment's call types; `screen` and `group` are not used by a web shop. */
/** Segment's call types; a `screen` call is stored as a page view (of an app). */
export const cdpEventType = pgEnum("cdp_event_type", ["page", "track", "identify", "alias", "group"]);
/** Necessary events are records of what a customer did with the shop (orders, deliveries); the rest need analytics consent. */
export const cdpEventCategory = pgEnum("cdp_event_category", ["necessary", "analytics"]);

/** Systems allowed to send events with Segment's HTTP API; only a SHA-256 of each write key is stored. */
export const cdpSources = pgTable("cdp_sources", {
  id: serial("id").primaryKey(),
  name: text("name").notNull(),
  /** Trusted (server-side) sources may name any userId; others only ever write anonymous events. */
  trusted: boolean("trusted").notNull().default(true),
  /** What a trusted source's `userId` is: a Hearth customer number, or the shop's own customer id (users.external_id). */
  userIds: text("user_ids", { enum: ["hearth", "external"] })
    .notNull()
    .default("hearth"),
  keyHash: text("key_hash").notNull().unique(),
  /** First characters of the key, to tell keys apart in the admin list. */
  keyPrefix: text("key_prefix").notNull(),
  createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
  lastUsedAt: timestamp("last_used_at", { withTimezone: true, mode: "date" }),
  revokedAt: timestamp("revoked_at", { withTimezone: true, mode: "date" }),
  ...timestamps,
});

/** Every touchpoint, Segment-shaped. Deleting a customer deletes their events (cascade). */
export const cdpEvents = pgTable(
  "cdp_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    /** The sender's id for the event: a retried delivery of the same message is stored once. */
    messageId: text("message_id").notNull(),
    type: cdpEventType("type").notNull(),
    /** The track event's name or the page's name. */
    event: text("event"),
    category: cdpEventCategory("category").notNull(),
    anonymousId: text("anonymous_id"),
    userId: integer("user_id").references(() => users.id, { onDelete: "cascade" }),
    sourceId: integer("source_id").references(() => cdpSources.id, { onDelete: "set null" }),
    /** mobile | tablet | desktop, from the user agent and client hints (null for server-to-server). */
    deviceType: text("device_type"),
    context: jsonb("context").$type<Record<string, unknown>>().notNull().default({}),
    /** Track/page properties, or identify traits. */
    properties: jsonb("properties").$type<Record<string, unknown>>().notNull().default({}),
    timestamp: timestamp("timestamp", { withTimezone: true, mode: "date" }).notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("cdp_events_message_idx").on(t.messageId),
    index("cdp_events_user_idx").on(t.userId, t.timestamp),
    index("cdp_events_anon_idx")
      .on(t.anonymousId)
      .where(sql`${t.userId} is null`),
    index("cdp_events_anon_time_idx")
      .on(t.timestamp)
      .where(sql`${t.userId} is null`),
    index("cdp_events_event_idx").on(t.event, t.timestamp),
  ],
);

/** The identity graph: each browser's anonymous id belongs to at most one customer (the first to sign in on it). */
export const cdpIdentities = pgTable(
  "cdp_identities",
  {
    anonymousId: text("anonymous_id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    linkedAt: timestamp("linked_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [index("cdp_identities_user_idx").on(t.userId)],
);

/** Consent per subject: `u:<userId>` for customers (shared by their devices) or `a:<anonymousId>` for visitors. */
export const cdpConsents = pgTable(
  "cdp_consents",
  {
    subject: text("subject").primaryKey(),
    userId: integer("user_id").references(() => users.id, { onDelete: "cascade" }),
    analytics: boolean("analytics").notNull(),
    personalization: boolean("personalization").notNull(),
    /** The browser sent Global Privacy Control when this was recorded. */
    gpc: boolean("gpc").notNull().default(false),
    /** banner | gpc | account | api */
    source: text("source").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [index("cdp_consents_user_idx").on(t.userId)],
);

/** Products a shopper looked at lately (personalization consent only); guests by anonymous id, customers by user. */
export const recentlyViewed = pgTable(
  "recently_viewed",
  {
    /** `u:<userId>` or `a:<anonymousId>`, like consents, so stitching is one re-key. */
    subject: text("subject").notNull(),
    userId: integer("user_id").references(() => users.id, { onDelete: "cascade" }),
    productId: integer("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    viewedAt: timestamp("viewed_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.subject, t.productId] }), index("recently_viewed_subject_idx").on(t.subject, t.viewedAt)],
);

/** One row per customer: the unified profile, recomputed in SQL (whole base on a schedule, single customers after their events). */
export const cdpProfiles = pgTable(
  "cdp_profiles",
  {
    userId: integer("user_id")
      .primaryKey()
      .references(() => users.id, { onDelete: "cascade" }),
    /** Traits from identify calls, merged (latest wins per key). */
    traits: jsonb("traits").$type<Record<string, unknown>>().notNull().default({}),
    firstSeenAt: timestamp("first_seen_at", { withTimezone: true, mode: "date" }),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true, mode: "date" }),
    ordersCount: integer("orders_count").notNull().default(0),
    /** Net of refunds, in pence. */
    lifetimeValuePence: integer("lifetime_value_pence").notNull().default(0),
    /** Sale orders' average total, in pence. */
    aovPence: integer("aov_pence").notNull().default(0),
    firstOrderAt: timestamp("first_order_at", { withTimezone: true, mode: "date" }),
    lastOrderAt: timestamp("last_order_at", { withTimezone: true, mode: "date" }),
    recencyDays: integer("recency_days"),
    /** Sale orders in the last 365 days before the as-of date. */
    orders365: integer("orders_365").notNull().default(0),
    /** Top categories by units bought: [{ slug, name, units }]. */
    favouriteCategories: jsonb("favourite_categories").$type<{ slug: string; name: string; units: number }[]>().notNull().default([]),
    favouriteCategorySlugs: text("favourite_category_slugs")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    eventsCount: integer("events_count").notNull().default(0),
    mobileEvents: integer("mobile_events").notNull().default(0),
    tabletEvents: integer("tablet_events").notNull().default(0),
    desktopEvents: integer("desktop_events").notNull().default(0),
    /** Share (0–1) of the customer's web orders and events made on a phone; null when unknown. */
    mobileShare: doublePrecision("mobile_share"),
    deliveries: integer("deliveries").notNull().default(0),
    ecoDeliveries: integer("eco_deliveries").notNull().default(0),
    ecoShare: doublePrecision("eco_share"),
    onTimeDeliveries: integer("on_time_deliveries").notNull().default(0),
    onTimeRate: doublePrecision("on_time_rate"),
    csatCount: integer("csat_count").notNull().default(0),
    csatAverage: doublePrecision("csat_average"),
    consentAnalytics: boolean("consent_analytics").notNull().default(false),
    consentPersonalization: boolean("consent_personalization").notNull().default(false),
    /** RFM quintile scores 1–5 (5 best); null for customers without orders. */
    rScore: smallint("r_score"),
    fScore: smallint("f_score"),
    mScore: smallint("m_score"),
    lifecycle: text("lifecycle").notNull().default("prospect"),
    asOf: timestamp("as_of", { withTimezone: true, mode: "date" }).notNull(),
    computedAt: timestamp("computed_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [index("cdp_profiles_lifecycle_idx").on(t.lifecycle), index("cdp_profiles_rfm_idx").on(t.rScore, t.fScore, t.mScore)],
);

/** RFM quintile cut points from the last full recompute, so one customer can be rescored without ranking everyone. */
export const cdpRfmCuts = pgTable("cdp_rfm_cuts", {
  id: smallint("id").primaryKey().default(1),
  /** Four ascending cut points each (20/40/60/80th percentiles). Recency is in days (lower is better). */
  recency: integer("recency").array().notNull(),
  frequency: integer("frequency").array().notNull(),
  monetary: integer("monetary").array().notNull(),
  asOf: timestamp("as_of", { withTimezone: true, mode: "date" }).notNull(),
  computedAt: timestamp("computed_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
});

export const segmentKind = pgEnum("segment_kind", ["lifecycle", "rfm", "custom"]);

/** Built-in and merchandiser-defined segments; custom ones are rules over profile fields, evaluated in SQL. */
export const segments = pgTable("segments", {
  id: serial("id").primaryKey(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  description: text("description").notNull().default(""),
  kind: segmentKind("kind").notNull(),
  /** Rule tree (see lib/cdp/audience/rules.ts); built-ins keep theirs in code. */
  rules: jsonb("rules").$type<unknown>(),
  size: integer("size").notNull().default(0),
  computedAt: timestamp("computed_at", { withTimezone: true, mode: "date" }),
  createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
  ...timestamps,
});

export const segmentMemberships = pgTable(
  "segment_memberships",
  {
    segmentId: integer("segment_id")
      .notNull()
      .references(() => segments.id, { onDelete: "cascade" }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    since: timestamp("since", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.segmentId, t.userId] }), index("segment_memberships_user_idx").on(t.userId)],
);

/** Segment sizes over time: one row per segment per full recompute. */
export const segmentSizes = pgTable(
  "segment_sizes",
  {
    segmentId: integer("segment_id")
      .notNull()
      .references(() => segments.id, { onDelete: "cascade" }),
    at: timestamp("at", { withTimezone: true, mode: "date" }).notNull(),
    size: integer("size").notNull(),
  },
  (t) => [primaryKey({ columns: [t.segmentId, t.at] })],
);

/**
 * Events the writer could not store (the database refused them one by one), kept as JSON text with
 * the error so nothing is dropped silently; shown on /admin/sources. Customer data: exported and
 * erased with the customer (lib/cdp/privacy/privacy.ts).
 */
export const cdpDeadLetters = pgTable(
  "cdp_dead_letters",
  {
    id: serial("id").primaryKey(),
    messageId: text("message_id").notNull(),
    userId: integer("user_id"),
    anonymousId: text("anonymous_id"),
    sourceId: integer("source_id"),
    event: text("event"),
    payload: text("payload").notNull(),
    error: text("error").notNull(),
    at: timestamp("at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [index("cdp_dead_letters_at_idx").on(t.at), index("cdp_dead_letters_user_idx").on(t.userId)],
);

/**
 * What a source sent that was refused, message by message, with the reasons: the "debugger" on
 * /admin/sources (the HTTP answer is 200, as Segment's, once the body itself is sound). Only the
 * newest 200 per source are kept. Excerpts are raw input: erased with the source.
 */
export const cdpSourceRejections = pgTable(
  "cdp_source_rejections",
  {
    id: serial("id").primaryKey(),
    sourceId: integer("source_id").notNull(),
    at: timestamp("at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    messageIndex: integer("message_index").notNull(),
    reasons: text("reasons").array().notNull(),
    excerpt: text("excerpt").notNull(),
  },
  (t) => [index("cdp_source_rejections_source_idx").on(t.sourceId, t.id)],
);
