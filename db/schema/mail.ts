import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, serial, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Every email, written in the same transaction as the change that causes it and sent by the outbox
 * worker (lib/mail/worker.ts) with retries and backoff. Without SMTP_URL mail stays here, pending,
 * for admins to read, so flows work anywhere.
 */
export const outbox = pgTable(
  "outbox",
  {
    id: serial("id").primaryKey(),
    to: text("to").notNull(),
    subject: text("subject").notNull(),
    text: text("text").notNull(),
    html: text("html"),
    meta: jsonb("meta").$type<Record<string, unknown>>().notNull().default({}),
    /** pending (waiting or retrying) → sent, or failed after the last attempt. */
    status: text("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    /** When the worker may try (again); a worker's claim moves it ahead for as long as a send may take. */
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true, mode: "date" }),
  },
  (t) => [
    index("outbox_to_idx").on(t.to, t.createdAt),
    index("outbox_due_idx")
      .on(t.nextAttemptAt)
      .where(sql`${t.status} = 'pending'`),
  ],
);
