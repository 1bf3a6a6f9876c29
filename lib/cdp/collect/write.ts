import { inArray, sql } from "drizzle-orm";
import { cdpDeadLetters, cdpEvents, cdpIdentities } from "@/db/schema";
import type { Db } from "@/lib/db";
import { PROFILE_EVENTS, type StoredEvent } from "@/lib/cdp/track/events";

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

/**
 * Writes a batch so that valid events always land: when the batch is refused, it is split in
 * halves down to single events; an event the database refuses on its own goes to the dead-letter
 * table with the error. If the database itself is unreachable (a plain "select 1" fails too), the
 * error is thrown so the caller retries the whole batch later instead of dead-lettering it.
 */
export async function writeEventsRobustly(db: Db, events: StoredEvent[]): Promise<{ inserted: number; profileUsers: number[]; deadLetters: number }> {
  try {
    return { ...(await writeEvents(db, events)), deadLetters: 0 };
  } catch (err) {
    await db.execute(sql`select 1`); // throws when the database is down: not the events' fault
    if (events.length === 1) {
      const e = events[0]!;
      await db.insert(cdpDeadLetters).values({
        messageId: e.messageId,
        userId: e.userId,
        anonymousId: e.anonymousId,
        sourceId: e.sourceId,
        event: e.event,
        payload: JSON.stringify(e), // escapes what jsonb refused, so text can keep it
        error: String((err as { cause?: Error })?.cause?.message ?? (err as Error).message).slice(0, 500),
      });
      return { inserted: 0, profileUsers: [], deadLetters: 1 };
    }
    const half = Math.ceil(events.length / 2);
    const [a, b] = [await writeEventsRobustly(db, events.slice(0, half)), await writeEventsRobustly(db, events.slice(half))];
    return { inserted: a.inserted + b.inserted, profileUsers: [...new Set([...a.profileUsers, ...b.profileUsers])], deadLetters: a.deadLetters + b.deadLetters };
  }
}

/** The newest dead letters and how many there are, for /admin/sources. */
export async function listDeadLetters(db: Db, limit = 20) {
  const [rows, [n]] = await Promise.all([
    db
      .select()
      .from(cdpDeadLetters)
      .orderBy(sql`${cdpDeadLetters.id} desc`)
      .limit(limit),
    db.select({ n: sql<number>`count(*)::int` }).from(cdpDeadLetters),
  ]);
  return { rows, total: n?.n ?? 0 };
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
