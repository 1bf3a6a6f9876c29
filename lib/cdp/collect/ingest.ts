import crypto from "node:crypto";
import { inArray, sql } from "drizzle-orm";
import { cdpIdentities } from "@/db/schema";
import type { Db } from "@/lib/db";
import { anonSubject, consentsFor, userSubject, type Consent } from "@/lib/cdp/identity/consent";
import { deviceType as deviceFromUa } from "@/lib/cdp/identity/context";
import { categoryOf, SERVER_ONLY_EVENTS, type DeviceType, type MessageType, type StoredEvent } from "@/lib/cdp/track/events";
import { emailOfTraits, EXTERNAL_PREFIX, externalProfileId, resolveSourceUsers, type Resolution } from "@/lib/cdp/collect/external-ids";
import { stitchAnonymous } from "@/lib/cdp/identity/identity";
import type { UserIdScheme } from "@/lib/cdp/collect/sources";
import { batchSchema, eventTime, LIMITS, parseMessage, type Message } from "@/lib/cdp/collect/message";

/**
 * Who is sending: the shop's own pages (the beacon: identity and consent come from the request's
 * cookies and session, never from the body) or a source with a write key (Segment's HTTP API;
 * only trusted sources may name customers).
 */
export type Sender =
  | { kind: "browser"; userId: number | null; anonymousId: string | null; consent: Consent; deviceType: DeviceType | null; context: Record<string, unknown> }
  | { kind: "source"; sourceId: number; trusted: boolean; userIds?: UserIdScheme };

export type CollectMethod = "batch" | MessageType;
export const COLLECT_METHODS: readonly CollectMethod[] = ["batch", "track", "identify", "page", "screen", "group", "alias"];
export type CollectResult = {
  status: 200 | 400;
  body: { success: boolean; accepted: number; dropped: number; errors?: { index: number; messages: string[] }[] };
  /** The refused messages with a short excerpt, for the source's debugger list (never sent back). */
  rejected?: { index: number; messages: string[]; excerpt: string }[];
};
export type Sink = (events: StoredEvent[]) => Promise<unknown> | unknown;

const bad = (message: string): CollectResult => ({
  status: 400,
  body: { success: false, accepted: 0, dropped: 0, errors: [{ index: -1, messages: [message] }] },
});

/**
 * The collect API's core, for both endpoints: validates each message on its own (bad ones are
 * reported by index, good ones in the same batch are kept), attributes, applies consent and hands
 * the stored shape to `sink` (the write buffer in the app, a direct write in tests).
 */
export async function collect(db: Db, text: string, method: CollectMethod, sender: Sender, sink: Sink, receivedAt = new Date()): Promise<CollectResult> {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return bad("body is not valid JSON");
  }
  if (!body || typeof body !== "object" || Array.isArray(body)) return bad("body must be a JSON object");

  let items: unknown[];
  let shared: { context?: Record<string, unknown>; sentAt?: Date } = {};
  if (method === "batch") {
    const b = batchSchema.safeParse(body);
    if (!b.success) return bad(`batch: ${b.error.issues[0]?.message ?? "invalid"}`);
    const max = sender.kind === "browser" ? LIMITS.beaconBatch : LIMITS.sourceBatch;
    if (b.data.batch.length > max) return bad(`batch has ${b.data.batch.length} messages; the limit is ${max}`);
    items = b.data.batch;
    shared = { context: b.data.context, sentAt: b.data.sentAt };
  } else {
    items = [body];
  }

  const errors: { index: number; messages: string[] }[] = [];
  const valid: { index: number; m: Message }[] = [];
  items.forEach((raw, index) => {
    const r = parseMessage(raw, method === "batch" ? undefined : method);
    if (!r.ok) return errors.push({ index, messages: r.errors });
    const m = r.message;
    if (sender.kind === "browser") {
      if (m.type !== "page" && m.type !== "track") return errors.push({ index, messages: [`${m.type} calls are made by the server`] });
      if (m.type === "track" && SERVER_ONLY_EVENTS.has(m.event)) return errors.push({ index, messages: [`"${m.event}" is recorded by the server`] });
    } else if (!sender.trusted && (m.type === "identify" || m.type === "alias" || m.type === "group")) {
      return errors.push({ index, messages: [`this source may not ${m.type} users`] });
    } else if ((m.type === "alias" ? m.previousId : m.anonymousId)?.startsWith(EXTERNAL_PREFIX)) {
      // The external profiles' namespace: a sender could otherwise write into someone's future history.
      return errors.push({ index, messages: [`anonymousId may not start with "${EXTERNAL_PREFIX}"`] });
    }
    valid.push({ index, m });
  });

  // Trusted sources name customers through the identity mapping (external-ids.ts).
  let known: Resolution = { byId: new Map(), byEmail: new Map() };
  if (sender.kind === "source" && sender.trusted) {
    const ids = [...new Set(valid.map((v) => v.m.userId).filter((u): u is string => !!u))];
    const emails = [...new Set(valid.map((v) => (v.m.type === "identify" ? emailOfTraits(v.m.traits) : null)).filter((e): e is string => !!e))];
    known = await resolveSourceUsers(db, sender.userIds ?? "hearth", ids, emails);
  }

  type Resolved = { index: number; m: Message; userId: number | null; anonymousId: string | null };
  const resolved: Resolved[] = [];
  const links: [string, number][] = [];
  for (const { index, m } of valid) {
    if (sender.kind === "browser") {
      if (!sender.userId && !sender.anonymousId) {
        errors.push({ index, messages: ["no anonymous id cookie: reload the page"] });
        continue;
      }
      resolved.push({ index, m, userId: sender.userId, anonymousId: sender.anonymousId });
      continue;
    }
    let anonymousId = m.type === "alias" ? m.previousId : (m.anonymousId ?? null);
    let userId: number | null = null;
    if (sender.trusted) {
      const email = m.type === "identify" ? emailOfTraits(m.traits) : null;
      const byId = m.userId ? known.byId.get(m.userId) : undefined;
      const byEmail = email ? known.byEmail.get(email) : undefined;
      userId = byId ?? byEmail ?? null;
      if (m.userId && byId === undefined) {
        if (byEmail !== undefined)
          links.push([externalProfileId(m.userId), byEmail]); // the external profile joins the customer
        else if (m.type === "alias") {
          errors.push({ index, messages: [`alias: userId "${m.userId.slice(0, 40)}" is not a customer the shop knows yet`] });
          continue;
        } else anonymousId = externalProfileId(m.userId); // an external profile, until the person is known
      }
    }
    // An untrusted source's userId is ignored: it could name anyone.
    if (!userId && !anonymousId) {
      errors.push({ index, messages: [m.userId && !sender.trusted ? "this source may not name users: send an anonymousId" : "userId or anonymousId is required"] });
      continue;
    }
    resolved.push({ index, m, userId, anonymousId });
  }

  // Identity calls from trusted sources stitch the anonymous id (or external profile) to the customer before anything is stored.
  if (sender.kind === "source" && sender.trusted) {
    for (const [externalId, userId] of links) await stitchAnonymous(db, externalId, userId);
    for (const r of resolved) {
      if (r.userId && r.anonymousId && (r.m.type === "alias" || r.m.type === "identify")) await stitchAnonymous(db, r.anonymousId, r.userId);
    }
  }

  const consentOf = await consentResolver(db, sender, resolved);
  const stored: StoredEvent[] = [];
  let dropped = 0;
  for (const { m, userId, anonymousId } of resolved) {
    const type = m.type === "screen" ? "page" : m.type;
    const event = m.type === "track" ? m.event : m.type === "page" || m.type === "screen" ? (m.name ?? null) : null;
    const category = categoryOf(type, event);
    if (category === "analytics" && !consentOf(userId, anonymousId)) {
      dropped++;
      continue;
    }
    const context = sender.kind === "browser" ? { ...sender.context, ...(m.context ?? {}) } : { ...(shared.context ?? {}), ...(m.context ?? {}) };
    const properties =
      m.type === "identify"
        ? (m.traits ?? {})
        : m.type === "alias"
          ? { previousId: m.previousId }
          : m.type === "group"
            ? { ...(m.traits ?? {}), groupId: m.groupId }
            : m.type === "track"
              ? (m.properties ?? {})
              : { ...(m.properties ?? {}), ...(m.category ? { category: m.category } : {}), ...(m.type === "screen" ? { screen: true } : {}) };
    stored.push({
      messageId: `${sender.kind === "browser" ? `b:${anonymousId ?? userId}` : `s${sender.sourceId}`}:${m.messageId ?? crypto.randomUUID()}`,
      type,
      event,
      category,
      anonymousId: m.type === "alias" ? null : anonymousId,
      userId,
      sourceId: sender.kind === "source" ? sender.sourceId : null,
      // The beacon names its own user agent (sendBeacon may go out with another one, e.g. under emulation).
      deviceType: sender.kind === "browser" ? (typeof m.context?.userAgent === "string" ? deviceFromUa(m.context.userAgent) : sender.deviceType) : deviceOfContext(context),
      context,
      properties,
      timestamp: eventTime({ timestamp: m.timestamp, sentAt: m.sentAt ?? shared.sentAt }, receivedAt),
    });
  }
  if (sender.kind === "source" && sender.trusted) {
    for (const e of stored) {
      if (e.type === "identify" && e.userId) await mergeTraits(db, e.userId, e.properties);
      // A group's traits describe the customer's company or household: kept as the profile's `group`.
      if (e.type === "group" && e.userId) {
        const { groupId, ...traits } = e.properties;
        await mergeTraits(db, e.userId, { group: { id: groupId, ...traits } });
      }
    }
  }
  if (stored.length) await sink(stored);
  errors.sort((a, b) => a.index - b.index);
  return {
    // Like Segment's API, a sound body from a source is a 200 even when some messages are refused
    // (its SDKs would otherwise report stored events as failed); the refusals are in the body and
    // in the source's debugger list. The shop's own beacon keeps the stricter 400.
    status: errors.length && sender.kind === "browser" ? 400 : 200,
    body: { success: !errors.length, accepted: stored.length, dropped, ...(errors.length ? { errors: errors.slice(0, 50) } : {}) },
    rejected: errors.slice(0, 50).map((e) => ({ ...e, excerpt: excerptOf(items[e.index]) })),
  };
}

function excerptOf(v: unknown): string {
  try {
    return (JSON.stringify(v) ?? String(v)).slice(0, 500);
  } catch {
    return String(v).slice(0, 500);
  }
}

function deviceOfContext(context: Record<string, unknown>): DeviceType | null {
  const d = (context.device as { type?: unknown } | undefined)?.type;
  if (d === "mobile" || d === "tablet" || d === "desktop") return d;
  return deviceFromUa(typeof context.userAgent === "string" ? context.userAgent : null);
}

/** Analytics consent per event: the browser's own choice, or the recorded one of the customer (or visitor). */
async function consentResolver(db: Db, sender: Sender, resolved: { userId: number | null; anonymousId: string | null }[]) {
  if (sender.kind === "browser") return () => sender.consent.analytics;
  const anon = [...new Set(resolved.filter((r) => !r.userId && r.anonymousId).map((r) => r.anonymousId!))];
  const owners = new Map<string, number>();
  if (anon.length) for (const r of await db.select().from(cdpIdentities).where(inArray(cdpIdentities.anonymousId, anon))) owners.set(r.anonymousId, r.userId);
  const subjects = resolved.flatMap((r) => [r.userId ? userSubject(r.userId) : null, r.anonymousId ? anonSubject(r.anonymousId) : null]).filter((s): s is string => !!s);
  for (const u of owners.values()) subjects.push(userSubject(u));
  const consents = await consentsFor(db, subjects);
  return (userId: number | null, anonymousId: string | null) => {
    const owner = userId ?? (anonymousId ? owners.get(anonymousId) : undefined);
    const c = owner ? consents.get(userSubject(owner)) : anonymousId ? consents.get(anonSubject(anonymousId)) : undefined;
    return c?.analytics ?? false;
  };
}

/** identify traits land on the profile (latest value per key wins). */
export async function mergeTraits(db: Db, userId: number, traits: Record<string, unknown>): Promise<void> {
  if (!Object.keys(traits).length) return;
  await db.execute(sql`
    insert into cdp_profiles (user_id, traits, as_of) values (${userId}, ${JSON.stringify(traits)}::jsonb, now())
    on conflict (user_id) do update set traits = cdp_profiles.traits || excluded.traits`);
}
