import "server-only";
import { desc, eq, sql } from "drizzle-orm";
import { cdpEvents } from "@/db/schema";
import { getCurrentUser } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db";
import { profileOf } from "@/lib/cdp/audience/profiles";
import { refreshCustomers } from "@/lib/cdp/audience/refresh";
import { getPersonalHome } from "@/lib/recs/queries";
import { listRecentlyViewed } from "@/lib/cdp/track/recently-viewed";
import { segmentsOfUser } from "@/lib/cdp/audience/segments";
import { currentAnonymousId, currentConsent } from "@/lib/cdp/track/request";

/** Everything the "Your data" page shows, for the signed-in customer only. */
export async function getYourData(userId: number) {
  const db = await getDb();
  // One customer's profile is a handful of indexed queries: show it current rather than as of the last job.
  await refreshCustomers(db, [userId]);
  const [profile, segments, consent, recent, counts, devices] = await Promise.all([
    profileOf(db, userId),
    segmentsOfUser(db, userId),
    currentConsent(),
    db
      .select({ id: cdpEvents.id, type: cdpEvents.type, event: cdpEvents.event, category: cdpEvents.category, deviceType: cdpEvents.deviceType, timestamp: cdpEvents.timestamp })
      .from(cdpEvents)
      .where(eq(cdpEvents.userId, userId))
      .orderBy(desc(cdpEvents.timestamp), desc(cdpEvents.id))
      .limit(20),
    db.execute<{ category: string; n: number }>(sql`select category, count(*)::int as n from cdp_events where user_id = ${userId} group by category`),
    db.execute<{ n: number }>(sql`select count(*)::int as n from cdp_identities where user_id = ${userId}`),
  ]);
  const byCategory = Object.fromEntries(counts.rows.map((r) => [r.category, r.n]));
  return { profile, segments, consent, recent, eventCounts: { necessary: byCategory.necessary ?? 0, analytics: byCategory.analytics ?? 0 }, devices: devices.rows[0]?.n ?? 0 };
}

/** The shopper's recently viewed products, only with personalization consent. */
export async function getRecentlyViewed(opts: { exclude?: number; limit?: number } = {}) {
  if (!(await currentConsent()).personalization) return [];
  const [user, anonymousId] = await Promise.all([getCurrentUser(), currentAnonymousId()]);
  const limit = opts.limit ?? 8;
  // A customer's list comes with their cached personal block; a visitor's is one small query.
  if (user) return (await getPersonalHome(user.id)).recentlyViewed.filter((p) => p.id !== opts.exclude).slice(0, limit);
  return listRecentlyViewed(await getDb(), { userId: null, anonymousId }, { ...opts, limit });
}
