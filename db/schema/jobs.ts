import { jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** Scheduled jobs shared by every instance: whoever claims a due row runs it. */
export const jobRuns = pgTable("job_runs", {
  name: text("name").primaryKey(),
  lastStartedAt: timestamp("last_started_at", { withTimezone: true, mode: "date" }),
  lastFinishedAt: timestamp("last_finished_at", { withTimezone: true, mode: "date" }),
  lastResult: jsonb("last_result").$type<Record<string, unknown>>(),
});
