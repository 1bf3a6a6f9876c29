import { inArray, sql } from "drizzle-orm";
import { cdpEvents, cdpIdentities } from "@/db/schema";
import type { Db } from "@/lib/db";
import { PROFILE_EVENTS, type StoredEvent } from "./events";

const CHUNK = 1000;

/**
 * Stores events in bulk. An anonymous event from a browser that a customer has signed in on is
 * theirs (the identity graph says so); a message id seen before is skipped (senders retry).
 * Returns how many were new and which customers' profiles they touch.
 */
export async function writeEvents(db: Db, events: StoredEvent[]): Promise<{ inserted: number; profileUsers: number[] }> {
  if (!events.length) return { inserted: 0, profileUsers: [] };
  const anon = [...new Set(events.filter((e) => !e.userId && e.anonymousId).map((e) => e.anonymousId!))];
  const owners = new Map<string, number>();
  if (anon.length) {
    const rows = await db.select().from(cdpIdentities).where(inArray(cdpIdentities.anonymousId, anon));
    for (const r of rows) owners.set(r.anonymousId, r.userId);
  }
  let inserted = 0;
  const profileUsers = new Set<number>();
  for (let i = 0; i < events.length; i += CHUNK) {
    const rows = events.slice(i, i + CHUNK).map((e) => ({
      ...e,
      userId: e.userId ?? (e.anonymousId ? (owners.get(e.anonymousId) ?? null) : null),
    }));
    const out = await db.insert(cdpEvents).values(rows).onConflictDoNothing({ target: cdpEvents.messageId }).returning({ userId: cdpEvents.userId, event: cdpEvents.event });
    inserted += out.length;
    for (const r of out) if (r.userId && r.event && PROFILE_EVENTS.has(r.event)) profileUsers.add(r.userId);
  }
  return { inserted, profileUsers: [...profileUsers] };
}

/** Deletes anonymous (never stitched) events older than `days`: the retention rule for visitors. */
export async function purgeAnonymousEvents(db: Db, days: number): Promise<{ events: number; recentlyViewed: number }> {
  const ev = await db.execute(sql`delete from cdp_events where user_id is null and "timestamp" < now() - make_interval(days => ${days})`);
  const rv = await db.execute(sql`delete from recently_viewed where user_id is null and viewed_at < now() - make_interval(days => ${days})`);
  // KPI visits keep their counts but lose the browser id (a random key instead), like the events they came from.
  await db.execute(
    sql`update kpi_visits set visitor = 'x:' || md5(random()::text || visitor) where user_id is null and left(visitor, 2) = 'a:' and day < (now() - make_interval(days => ${days}))::date`,
  );
  return { events: affected(ev), recentlyViewed: affected(rv) };
}

/** Row count of a write on either driver (node-postgres says rowCount, PGlite affectedRows). */
export function affected(result: unknown): number {
  const r = result as { rowCount?: number | null; affectedRows?: number };
  return r.rowCount ?? r.affectedRows ?? 0;
}
