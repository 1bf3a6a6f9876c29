import crypto from "node:crypto";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { cdpSourceRejections, cdpSources } from "@/db/schema";
import type { Db } from "@/lib/db";
import { UserError } from "@/lib/result";

const hash = (key: string) => crypto.createHash("sha256").update(key).digest("hex");

/** A new source and its write key (shown once: only its hash is kept). */
export type UserIdScheme = "hearth" | "external";
export type Source = { id: number; trusted: boolean; userIds: UserIdScheme };

export async function createSource(db: Db, input: { name: string; trusted: boolean; userIds?: UserIdScheme; createdBy?: number | null }) {
  const name = input.name.trim();
  if (!name || name.length > 80) throw new UserError("Source name: 1–80 characters.");
  const writeKey = `hk_${crypto.randomBytes(24).toString("base64url")}`;
  const [source] = await db
    .insert(cdpSources)
    .values({ name, trusted: input.trusted, userIds: input.userIds ?? "hearth", keyHash: hash(writeKey), keyPrefix: writeKey.slice(0, 9), createdBy: input.createdBy ?? null })
    .returning();
  return { source: source!, writeKey };
}

export async function revokeSource(db: Db, id: number): Promise<boolean> {
  const rows = await db
    .update(cdpSources)
    .set({ revokedAt: new Date() })
    .where(and(eq(cdpSources.id, id), isNull(cdpSources.revokedAt)))
    .returning({ id: cdpSources.id });
  return rows.length > 0;
}

export async function listSources(db: Db) {
  return db
    .select({
      id: cdpSources.id,
      name: cdpSources.name,
      trusted: cdpSources.trusted,
      userIds: cdpSources.userIds,
      keyPrefix: cdpSources.keyPrefix,
      createdAt: cdpSources.createdAt,
      lastUsedAt: cdpSources.lastUsedAt,
      revokedAt: cdpSources.revokedAt,
      // Qualified by hand: inside a select list Drizzle writes the column bare ("id"), which in this
      // subquery means cdp_events.id.
      events: sql<number>`(select count(*)::int from cdp_events e where e.source_id = "cdp_sources"."id")`,
    })
    .from(cdpSources)
    .orderBy(sql`${cdpSources.revokedAt} nulls first`, desc(cdpSources.createdAt));
}

/** The live source a write key belongs to (constant-time: the lookup is by hash). */
export async function sourceForKey(db: Db, writeKey: string): Promise<Source | null> {
  if (!/^hk_[A-Za-z0-9_-]{20,64}$/.test(writeKey)) return null;
  const [row] = await db
    .select({ id: cdpSources.id, trusted: cdpSources.trusted, userIds: cdpSources.userIds, lastUsedAt: cdpSources.lastUsedAt })
    .from(cdpSources)
    .where(and(eq(cdpSources.keyHash, hash(writeKey)), isNull(cdpSources.revokedAt)))
    .orderBy(desc(cdpSources.id))
    .limit(1);
  if (!row) return null;
  // "Last used" to the minute is plenty, and spares a write per request.
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    await db.update(cdpSources).set({ lastUsedAt: new Date() }).where(eq(cdpSources.id, row.id));
  }
  return { id: row.id, trusted: row.trusted, userIds: row.userIds };
}

/** The write key from `Authorization: Basic base64(writeKey:)` (Segment's scheme). */
export function writeKeyFromAuthorization(header: string | null): string | null {
  const m = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header?.trim() ?? "");
  if (!m) return null;
  const decoded = Buffer.from(m[1]!, "base64").toString("utf8");
  const key = decoded.split(":")[0] ?? "";
  return key || null;
}

/** Keeps a source's refused messages for its debugger list (the newest 200 per source). */
export async function recordRejections(db: Db, sourceId: number, rejected: { index: number; messages: string[]; excerpt: string }[]): Promise<void> {
  if (!rejected.length) return;
  await db.insert(cdpSourceRejections).values(rejected.map((r) => ({ sourceId, messageIndex: r.index, reasons: r.messages, excerpt: r.excerpt })));
  await db.execute(sql`
    delete from cdp_source_rejections where source_id = ${sourceId} and id not in (
      select id from cdp_source_rejections where source_id = ${sourceId} order by id desc limit 200)`);
}

/** The newest refused messages per source, for /admin/sources. */
export async function listRejections(db: Db, limit = 30) {
  return db
    .select({
      id: cdpSourceRejections.id,
      sourceId: cdpSourceRejections.sourceId,
      source: cdpSources.name,
      at: cdpSourceRejections.at,
      index: cdpSourceRejections.messageIndex,
      reasons: cdpSourceRejections.reasons,
      excerpt: cdpSourceRejections.excerpt,
    })
    .from(cdpSourceRejections)
    .innerJoin(cdpSources, eq(cdpSources.id, cdpSourceRejections.sourceId))
    .orderBy(desc(cdpSourceRejections.id))
    .limit(limit);
}

/**
 * The write key of a request: HTTP Basic's user name (Segment's SDKs), else a `writeKey` field in
 * the JSON body (Segment's HTTP API accepts both).
 */
export function writeKeyOf(authorization: string | null, body: string): string | null {
  const fromHeader = writeKeyFromAuthorization(authorization);
  if (fromHeader) return fromHeader;
  try {
    const k = (JSON.parse(body) as { writeKey?: unknown })?.writeKey;
    return typeof k === "string" && k ? k : null;
  } catch {
    return null;
  }
}
