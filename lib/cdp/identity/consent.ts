import { eq, inArray, sql } from "drizzle-orm";
import { cdpConsents } from "@/db/schema";
import type { Db } from "@/lib/db";

/**
 * Consent categories. "Necessary" is always on (orders, deliveries, the cart, security); analytics
 * and personalization are opt-in (UK GDPR/PECR), and Global Privacy Control counts as "no" until
 * the shopper explicitly opts in.
 */
export type Consent = { analytics: boolean; personalization: boolean };
export type ConsentState = Consent & { decided: boolean; gpc: boolean; at: number | null };

export const NO_CONSENT: Consent = { analytics: false, personalization: false };

/** Cookie value: `v1.<analytics 0|1>.<personalization 0|1>.<epoch seconds>` (readable by the banner script). */
export function encodeConsent(c: Consent, at = Date.now()): string {
  return `v1.${c.analytics ? 1 : 0}.${c.personalization ? 1 : 0}.${Math.floor(at / 1000)}`;
}

export function decodeConsent(value: string | null | undefined): (Consent & { at: number }) | null {
  const m = /^v1\.([01])\.([01])\.(\d{1,12})$/.exec(value ?? "");
  if (!m) return null;
  return { analytics: m[1] === "1", personalization: m[2] === "1", at: Number(m[3]) * 1000 };
}

/** What applies to this browser: its recorded choice, else "no" (with GPC noted). */
export function consentFrom(cookieValue: string | null | undefined, gpcHeader: string | null | undefined): ConsentState {
  const gpc = gpcHeader === "1";
  const c = decodeConsent(cookieValue);
  if (!c) return { ...NO_CONSENT, decided: false, gpc, at: null };
  return { analytics: c.analytics, personalization: c.personalization, decided: true, gpc, at: c.at };
}

export const userSubject = (userId: number) => `u:${userId}`;
export const anonSubject = (anonymousId: string) => `a:${anonymousId}`;

export type ConsentRecord = Consent & { subject: string; gpc: boolean; source: string; updatedAt: Date };

export async function saveConsent(
  db: Db,
  subject: { userId?: number | null; anonymousId?: string | null },
  consent: Consent & { gpc?: boolean; source: string; at?: Date },
): Promise<void> {
  const rows = [
    subject.userId ? { subject: userSubject(subject.userId), userId: subject.userId } : null,
    subject.anonymousId ? { subject: anonSubject(subject.anonymousId), userId: null } : null,
  ].filter((r) => r !== null);
  if (!rows.length) return;
  const at = consent.at ?? new Date();
  await db
    .insert(cdpConsents)
    .values(rows.map((r) => ({ ...r, analytics: consent.analytics, personalization: consent.personalization, gpc: consent.gpc ?? false, source: consent.source, updatedAt: at })))
    .onConflictDoUpdate({
      target: cdpConsents.subject,
      set: {
        analytics: sql`excluded.analytics`,
        personalization: sql`excluded.personalization`,
        gpc: sql`excluded.gpc`,
        source: sql`excluded.source`,
        updatedAt: sql`excluded.updated_at`,
      },
    });
}

/** Recorded consent for several subjects at once (missing subjects have none: treat as "no"). */
export async function consentsFor(db: Db, subjects: string[]): Promise<Map<string, ConsentRecord>> {
  if (!subjects.length) return new Map();
  const rows = await db
    .select()
    .from(cdpConsents)
    .where(inArray(cdpConsents.subject, [...new Set(subjects)]));
  return new Map(rows.map((r) => [r.subject, r]));
}

export async function consentOfUser(db: Db, userId: number): Promise<ConsentRecord | null> {
  const [row] = await db
    .select()
    .from(cdpConsents)
    .where(eq(cdpConsents.subject, userSubject(userId)));
  return row ?? null;
}
