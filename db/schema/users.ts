import { sql } from "drizzle-orm";
import { boolean, index, integer, pgEnum, pgTable, serial, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { timestamps } from "./columns";

export const userRole = pgEnum("user_role", ["customer", "merchandiser", "admin"]);

export const users = pgTable(
  "users",
  {
    id: serial("id").primaryKey(),
    email: text("email").notNull(),
    name: text("name"),
    passwordHash: text("password_hash"),
    role: userRole("role").notNull().default("customer"),
    /** Customer number in the source system (Online Retail CustomerID) for imported customers. */
    externalId: text("external_id").unique(),
    country: text("country"),
    firstOrderAt: timestamp("first_order_at", { withTimezone: true, mode: "date" }),
    /** Bumped on password change/reset: sessions issued before it stop working. */
    sessionVersion: integer("session_version").notNull().default(0),
    /** Preselect an eco delivery option (cargo bike or EV) at checkout. */
    prefersEcoDelivery: boolean("prefers_eco_delivery").notNull().default(false),
    /** Set by every successful sign-in: the first admin's generated password is shown until then. */
    lastSignInAt: timestamp("last_sign_in_at", { withTimezone: true, mode: "date" }),
    /** When the owner proved this address (an emailed link): guest orders to it may then be adopted. */
    emailVerifiedAt: timestamp("email_verified_at", { withTimezone: true, mode: "date" }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("users_email_lower_idx").on(sql`lower(${t.email})`),
    index("users_role_idx").on(t.role),
    index("users_updated_idx").on(t.updatedAt),
    // Staff search of customers by email or name (substring and prefix) at 100k+ customers.
    index("users_email_trgm_idx").using("gin", sql`lower(${t.email}) gin_trgm_ops`),
    index("users_name_trgm_idx").using("gin", sql`lower(coalesce(${t.name}, '')) gin_trgm_ops`),
  ],
);

export type User = typeof users.$inferSelect;

/** A customer's saved delivery addresses (UK-style; country as ISO 3166 alpha-2). */
export const addresses = pgTable(
  "addresses",
  {
    id: serial("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    label: text("label").notNull().default("Home"),
    name: text("name").notNull(),
    line1: text("line1").notNull(),
    line2: text("line2").notNull().default(""),
    city: text("city").notNull(),
    postcode: text("postcode").notNull(),
    country: text("country").notNull().default("GB"),
    phone: text("phone").notNull().default(""),
    isDefault: boolean("is_default").notNull().default(false),
    ...timestamps,
  },
  (t) => [index("addresses_user_idx").on(t.userId)],
);

export type Address = typeof addresses.$inferSelect;
