import { and, desc, eq, ne, sql } from "drizzle-orm";
import { categories, products, recentlyViewed } from "@/db/schema";
import { cardColumns } from "@/lib/catalog/sql";
import type { Db } from "@/lib/db";
import { anonSubject, userSubject } from "@/lib/cdp/identity/consent";
import { trimRecentlyViewed } from "@/lib/cdp/identity/identity";

export type Viewer = { userId: number | null; anonymousId: string | null };

function subjectOf(v: Viewer): { subject: string; userId: number | null } | null {
  if (v.userId) return { subject: userSubject(v.userId), userId: v.userId };
  if (v.anonymousId) return { subject: anonSubject(v.anonymousId), userId: null };
  return null;
}

/** Notes a product view (callers check personalization consent first). */
export async function recordView(db: Db, viewer: Viewer, productId: number): Promise<void> {
  const s = subjectOf(viewer);
  if (!s) return;
  await db
    .insert(recentlyViewed)
    .values({ subject: s.subject, userId: s.userId, productId })
    .onConflictDoUpdate({ target: [recentlyViewed.subject, recentlyViewed.productId], set: { viewedAt: sql`now()` } });
  // Trim now and then rather than on every view: the list shows the newest anyway.
  if (Math.random() < 0.2) await trimRecentlyViewed(db, s.subject);
}

/** The viewer's recently viewed active products, newest first, optionally leaving one out (the page's own). */
export async function listRecentlyViewed(db: Db, viewer: Viewer, opts: { exclude?: number; limit?: number } = {}) {
  const s = subjectOf(viewer);
  if (!s) return [];
  return db
    .select({ ...cardColumns, viewedAt: recentlyViewed.viewedAt })
    .from(recentlyViewed)
    .innerJoin(products, eq(products.id, recentlyViewed.productId))
    .innerJoin(categories, eq(categories.id, products.categoryId))
    .where(and(eq(recentlyViewed.subject, s.subject), eq(products.status, "active"), opts.exclude ? ne(products.id, opts.exclude) : undefined))
    .orderBy(desc(recentlyViewed.viewedAt))
    .limit(opts.limit ?? 8);
}

export async function clearRecentlyViewed(db: Db, viewer: Viewer): Promise<void> {
  const s = subjectOf(viewer);
  if (s) await db.delete(recentlyViewed).where(eq(recentlyViewed.subject, s.subject));
}
