import { doublePrecision, index, integer, jsonb, pgEnum, pgTable, primaryKey, serial, smallint, text, timestamp } from "drizzle-orm/pg-core";
import { products } from "./catalog";
import { users } from "./users";

/** One row per training run (`npm run recs:train`): what was trained on and how long it took. */
export const recsRuns = pgTable("recs_runs", {
  id: serial("id").primaryKey(),
  model: text("model").notNull(),
  users: integer("users").notNull(),
  items: integer("items").notNull(),
  interactions: integer("interactions").notNull(),
  ms: integer("ms").notNull(),
  params: jsonb("params").$type<Record<string, unknown>>().notNull().default({}),
  trainedAt: timestamp("trained_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
});

/** Each customer's batch top-N; bought, sold-out and archived products are filtered when read. */
export const recsForUser = pgTable(
  "recs_for_user",
  {
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    rank: smallint("rank").notNull(),
    productId: integer("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    score: doublePrecision("score").notNull(),
    /** The customer's product that contributed most: "Because you bought …". */
    becauseProductId: integer("because_product_id").references(() => products.id, { onDelete: "set null" }),
  },
  (t) => [primaryKey({ columns: [t.userId, t.rank] })],
);

/** also_bought: bought by the same customers (cosine); goes_with: EASE's item-to-item weights. */
export const recsNeighbourKind = pgEnum("recs_neighbour_kind", ["also_bought", "goes_with"]);

export const recsNeighbours = pgTable(
  "recs_neighbours",
  {
    productId: integer("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    kind: recsNeighbourKind("kind").notNull(),
    rank: smallint("rank").notNull(),
    neighbourId: integer("neighbour_id")
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    score: doublePrecision("score").notNull(),
  },
  (t) => [primaryKey({ columns: [t.productId, t.kind, t.rank] }), index("recs_neighbours_neighbour_idx").on(t.neighbourId)],
);
