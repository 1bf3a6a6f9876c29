import { and, eq, isNull, sql } from "drizzle-orm";
import { cdpConsents, cdpEvents, cdpIdentities } from "@/db/schema";
import type { Db, DbOrTx } from "@/lib/db";
import { anonSubject, userSubject } from "@/lib/cdp/identity/consent";

export const RECENTLY_VIEWED_KEEP = 20;

export type StitchResult = { linked: boolean; events: number; recentlyViewed: number; owner: number };

/**
 * Merge rules (README "Identity"):
 * 1. An anonymous id belongs to the first customer who signs in with it; its earlier events,
 *    recently viewed products and consent become theirs.
 * 2. A customer may own many anonymous ids (one per browser/device): all feed one profile.
 * 3. If a second customer signs in on a browser whose id is already owned, nothing moves: the
 *    caller gives that browser a fresh id (sign-out does so too), so one person's browsing never
 *    lands in another's profile.
 * 4. Events are never copied, only attributed (user_id set), so a profile counts each once.
 */
export async function stitchAnonymous(db: Db, anonymousId: string, userId: number): Promise<StitchResult> {
  return db.transaction(async (tx) => {
    await tx.insert(cdpIdentities).values({ anonymousId, userId }).onConflictDoNothing();
    const [link] = await tx.select().from(cdpIdentities).where(eq(cdpIdentities.anonymousId, anonymousId));
    if (!link || link.userId !== userId) return { linked: false, events: 0, recentlyViewed: 0, owner: link?.userId ?? 0 };

    const moved = await tx
      .update(cdpEvents)
      .set({ userId })
      .where(and(eq(cdpEvents.anonymousId, anonymousId), isNull(cdpEvents.userId)))
      .returning({ id: cdpEvents.id });

    const a = anonSubject(anonymousId);
    const u = userSubject(userId);
    const rv = await tx.execute(sql`
      with gone as (delete from recently_viewed where subject = ${a} returning product_id, viewed_at)
      insert into recently_viewed (subject, user_id, product_id, viewed_at)
      select ${u}, ${userId}, product_id, viewed_at from gone
      on conflict (subject, product_id) do update set viewed_at = greatest(recently_viewed.viewed_at, excluded.viewed_at)
      returning product_id`);
    await trimRecentlyViewed(tx, u);

    // The browser's consent, if newer than the account's, becomes the account's.
    const [anonConsent] = await tx.select().from(cdpConsents).where(eq(cdpConsents.subject, a));
    if (anonConsent) {
      await tx
        .insert(cdpConsents)
        .values({ ...anonConsent, subject: u, userId })
        .onConflictDoUpdate({
          target: cdpConsents.subject,
          set: {
            analytics: anonConsent.analytics,
            personalization: anonConsent.personalization,
            gpc: anonConsent.gpc,
            source: anonConsent.source,
            updatedAt: anonConsent.updatedAt,
          },
          setWhere: sql`${cdpConsents.updatedAt} < ${anonConsent.updatedAt}`,
        });
    }
    return { linked: true, events: moved.length, recentlyViewed: (rv as { rows: unknown[] }).rows.length, owner: userId };
  });
}

export async function trimRecentlyViewed(db: DbOrTx, subject: string): Promise<void> {
  await db.execute(sql`
    delete from recently_viewed where subject = ${subject} and product_id not in (
      select product_id from recently_viewed where subject = ${subject} order by viewed_at desc limit ${RECENTLY_VIEWED_KEEP})`);
}

/** Which customer owns an anonymous id, if any. */
export async function ownerOf(db: Db, anonymousId: string): Promise<number | null> {
  const [row] = await db.select({ userId: cdpIdentities.userId }).from(cdpIdentities).where(eq(cdpIdentities.anonymousId, anonymousId));
  return row?.userId ?? null;
}
