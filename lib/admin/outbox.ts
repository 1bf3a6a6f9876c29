import { desc, sql } from "drizzle-orm";
import { outbox } from "@/db/schema";
import type { Db } from "@/lib/db";
import { env } from "@/lib/env";

export const OUTBOX_PER_PAGE = 50;

/** Every email with its delivery state, newest first. */
export async function listOutbox(db: Db, page = 1) {
  const [{ n }] = (await db.select({ n: sql<number>`count(*)::int` }).from(outbox)) as [{ n: number }];
  const pageCount = Math.max(1, Math.ceil(n / OUTBOX_PER_PAGE));
  const current = Math.min(Math.max(1, page), pageCount);
  const rows = await db
    .select()
    .from(outbox)
    .orderBy(desc(outbox.id))
    .limit(OUTBOX_PER_PAGE)
    .offset((current - 1) * OUTBOX_PER_PAGE);
  return { rows, total: n, page: current, pageCount, smtp: Boolean(env().SMTP_URL) };
}
