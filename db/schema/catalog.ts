import { sql } from "drizzle-orm";
import { check, index, primaryKey, integer, pgEnum, pgTable, serial, smallint, text, timestamp } from "drizzle-orm/pg-core";
import { bytea, timestamps, tsvector } from "./columns";
import { users } from "./users";

export const productStatus = pgEnum("product_status", ["draft", "active", "archived"]);

export const categories = pgTable("categories", {
  id: serial("id").primaryKey(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  description: text("description").notNull().default(""),
  sortOrder: smallint("sort_order").notNull().default(0),
  ...timestamps,
});

export const products = pgTable(
  "products",
  {
    id: serial("id").primaryKey(),
    /** The merchant's stock code, upper-cased (the source data has case variants of one code). */
    sku: text("sku").notNull().unique(),
    slug: text("slug").notNull().unique(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    /** Money is kept in integer minor units (pence). */
    pricePence: integer("price_pence").notNull(),
    compareAtPence: integer("compare_at_pence"),
    categoryId: integer("category_id")
      .notNull()
      .references(() => categories.id),
    colors: text("colors")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    materials: text("materials")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    tags: text("tags")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** Extra words that search should match (category, colours, materials), kept by the writer. */
    searchText: text("search_text").notNull().default(""),
    stock: integer("stock").notNull().default(0),
    lowStockThreshold: integer("low_stock_threshold").notNull().default(5),
    status: productStatus("status").notNull().default("active"),
    /** Units sold, denormalised for "popular" sorting and bestsellers; refreshed by the importer and orders. */
    unitsSold: integer("units_sold").notNull().default(0),
    /** Bumped on every picture change: image URLs carry it, so they can be cached for good. 0: generated art. */
    imageVersion: integer("image_version").notNull().default(0),
    /** When the product first went on sale: drives "New in". */
    launchedAt: timestamp("launched_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    search: tsvector("search").generatedAlwaysAs(
      sql`setweight(to_tsvector('english', coalesce(title, '')), 'A') || setweight(to_tsvector('english', coalesce(search_text, '')), 'B') || setweight(to_tsvector('english', coalesce(description, '')), 'C')`,
    ),
    ...timestamps,
  },
  (t) => [
    index("products_category_idx").on(t.categoryId, t.status),
    index("products_status_launched_idx").on(t.status, t.launchedAt),
    index("products_status_units_idx").on(t.status, t.unitsSold),
    index("products_price_idx").on(t.pricePence),
    index("products_colors_idx").using("gin", t.colors),
    index("products_search_idx").using("gin", t.search),
    index("products_title_trgm_idx").using("gin", sql`lower(${t.title}) gin_trgm_ops`),
    // Code prefix search in the admin ("G0001…"): LIKE 'x%' can use a btree only with pattern ops under a non-C collation.
    index("products_sku_pattern_idx").using("btree", sql`${t.sku} text_pattern_ops`),
    check("products_price_nonneg", sql`${t.pricePence} >= 0`),
    check("products_stock_nonneg", sql`${t.stock} >= 0`),
  ],
);

/** Distinct words of active product text (with their stems): the vocabulary that typo correction maps queries onto. */
export const searchLexicon = pgTable(
  "search_lexicon",
  {
    word: text("word").primaryKey(),
    stem: text("stem").notNull(),
    documents: integer("documents").notNull(),
  },
  (t) => [index("search_lexicon_trgm_idx").using("gin", sql`${t.word} gin_trgm_ops`), index("search_lexicon_stem_idx").on(t.stem)],
);

export type Category = typeof categories.$inferSelect;
export type Product = typeof products.$inferSelect;
export type NewProduct = typeof products.$inferInsert;

export const stockReason = pgEnum("stock_reason", ["received", "count", "damaged", "returned", "lost", "other"]);

/** Stock changes made by staff (deliveries in, counts, damage…), with the level after each; sales and cancellations are in orders. */
export const stockAdjustments = pgTable(
  "stock_adjustments",
  {
    id: serial("id").primaryKey(),
    productId: integer("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    delta: integer("delta").notNull(),
    stockAfter: integer("stock_after").notNull(),
    reason: stockReason("reason").notNull(),
    note: text("note").notNull().default(""),
    /** The staff member who made it. */
    actorId: integer("actor_id").references(() => users.id, { onDelete: "set null" }),
    at: timestamp("at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [index("stock_adjustments_product_idx").on(t.productId, t.at)],
);

/** Pictures staff uploaded (the first is the main one); without any, a product shows generated art. */
export const productImages = pgTable(
  "product_images",
  {
    id: serial("id").primaryKey(),
    productId: integer("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    position: smallint("position").notNull(),
    alt: text("alt").notNull().default(""),
    width: integer("width").notNull(),
    height: integer("height").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [index("product_images_product_idx").on(t.productId, t.position)],
);

/** Each picture resized to the storefront's widths in WebP and AVIF, metadata stripped; kept in the database so every app instance serves them. */
export const productImageFiles = pgTable(
  "product_image_files",
  {
    imageId: integer("image_id")
      .notNull()
      .references(() => productImages.id, { onDelete: "cascade" }),
    width: smallint("width").notNull(),
    format: text("format").notNull(),
    data: bytea("data").notNull(),
  },
  (t) => [primaryKey({ columns: [t.imageId, t.width, t.format] })],
);
