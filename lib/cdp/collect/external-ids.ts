import { and, eq, inArray, sql } from "drizzle-orm";
import { cdpIdentities, users } from "@/db/schema";
import type { Db } from "@/lib/db";
import type { UserIdScheme } from "@/lib/cdp/collect/sources";

/**
 * The identity mapping for trusted sources (README "Identity"): a source's `userId` names a customer
 * by Hearth customer number or by the shop's own customer id (users.external_id, the imported
 * CustomerID), as the source is set up; an identify whose traits carry a customer's email names that
 * customer. A user id the shop does not know yet gets an external profile: its events are stored
 * under the anonymous-side id `user:<userId>`, and when the person becomes known (an identify with
 * their email) that id is stitched to the customer like a browser at sign-in, so the history joins
 * the profile and later events resolve through the same link (cdp_identities).
 */
export const EXTERNAL_PREFIX = "user:";
export const externalProfileId = (userId: string) => `${EXTERNAL_PREFIX}${userId}`;

export type Resolution = { byId: Map<string, number>; byEmail: Map<string, number> };

export async function resolveSourceUsers(db: Db, scheme: UserIdScheme, ids: string[], emails: string[]): Promise<Resolution> {
  const byId = new Map<string, number>();
  const byEmail = new Map<string, number>();
  if (ids.length) {
    // Linked before (an external profile that became known): the link wins over every other reading.
    const linked = await db
      .select()
      .from(cdpIdentities)
      .where(inArray(cdpIdentities.anonymousId, ids.map(externalProfileId)));
    for (const l of linked) byId.set(l.anonymousId.slice(EXTERNAL_PREFIX.length), l.userId);
    const rest = ids.filter((s) => !byId.has(s));
    if (scheme === "external" && rest.length) {
      const rows = await db
        .select({ id: users.id, ext: users.externalId })
        .from(users)
        .where(and(inArray(users.externalId, rest), eq(users.role, "customer")));
      for (const r of rows) byId.set(r.ext!, r.id);
    } else if (scheme === "hearth") {
      const numbers = [...new Set(rest.filter((s) => /^\d{1,9}$/.test(s)).map(Number))];
      if (numbers.length) for (const r of await db.select({ id: users.id }).from(users).where(inArray(users.id, numbers))) byId.set(String(r.id), r.id);
    }
  }
  if (emails.length) {
    const rows = await db
      .select({ id: users.id, email: sql<string>`lower(${users.email})` })
      .from(users)
      .where(and(inArray(sql`lower(${users.email})`, emails), eq(users.role, "customer")));
    for (const r of rows) byEmail.set(r.email, r.id);
  }
  return { byId, byEmail };
}

/** The lower-cased email an identify call's traits carry, if any. */
export function emailOfTraits(traits: Record<string, unknown> | undefined): string | null {
  const e = traits?.email;
  return typeof e === "string" && e.length <= 254 && /^[^\s@]+@[^\s@]+$/.test(e.trim()) ? e.trim().toLowerCase() : null;
}
