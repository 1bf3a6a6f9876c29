import { integer, jsonb, pgTable, serial, text, timestamp } from "drizzle-orm/pg-core";

/** One row per run of the order-history importer, with its counts and dirty-row report. */
export const importRuns = pgTable("import_runs", {
  id: serial("id").primaryKey(),
  source: text("source").notNull(),
  startedAt: timestamp("started_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  finishedAt: timestamp("finished_at", { withTimezone: true, mode: "date" }),
  rowsRead: integer("rows_read").notNull().default(0),
  report: jsonb("report").$type<Record<string, unknown>>().notNull().default({}),
});
