import "server-only";
import zlib from "node:zlib";
import { getCurrentUser } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { clientIp, hitRateLimit, peekRateLimit } from "@/lib/security/rate-limit";
import { enqueueEvents } from "@/lib/cdp/collect/buffer";
import { contextFromHeaders } from "@/lib/cdp/identity/context";
import { collect, COLLECT_METHODS, type CollectMethod, type Sender } from "@/lib/cdp/collect/ingest";
import { LIMITS } from "@/lib/cdp/collect/message";
import { currentAnonymousId, currentConsent } from "@/lib/cdp/track/request";
import { recordRejections, sourceForKey, writeKeyOf } from "@/lib/cdp/collect/sources";
import { log } from "@/lib/log";

const BEACON_LIMIT = { limit: env().RATE_LIMIT_COLLECT_PER_IP, windowSeconds: 60 };
const SOURCE_LIMIT = { limit: env().RATE_LIMIT_COLLECT_PER_SOURCE, windowSeconds: 60 };
/** Unknown write keys per address: checked before the key is looked up, so guessing learns nothing once over. */
const BAD_KEY_LIMIT = { limit: env().RATE_LIMIT_BAD_KEYS_PER_IP, windowSeconds: 60 };

const json = (status: number, body: unknown, headers: Record<string, string> = {}) => Response.json(body, { status, headers: { "Cache-Control": "no-store", ...headers } });
const problem = (status: number, message: string, headers?: Record<string, string>) =>
  json(status, { success: false, accepted: 0, dropped: 0, errors: [{ index: -1, messages: [message] }] }, headers);

/** The body as text, refusing more than `max` bytes however it is sent (chunked, gzip ...). */
async function readBody(request: Request, max: number, { anyType = false } = {}): Promise<{ text: string } | { status: 413 | 415 | 400; message: string }> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > max) return { status: 413, message: `body is larger than ${max} bytes` };
  const type = request.headers.get("content-type") ?? "";
  // sendBeacon posts text/plain; Segment's SDKs post JSON; RudderStack's node SDK posts gzipped JSON
  // labelled as a form, so sources are judged by what the body is (it must parse as JSON).
  if (!anyType && type && !/^(application\/json|text\/plain)\b/i.test(type)) return { status: 415, message: "send JSON" };
  const reader = request.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (reader) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > max) {
        await reader.cancel().catch(() => {});
        return { status: 413, message: `body is larger than ${max} bytes` };
      }
      chunks.push(value);
    }
  } catch {
    // The client went away mid-upload (a page closed while its beacon was sending).
    return { status: 400, message: "the body was cut off" };
  }
  let buf = Buffer.concat(chunks);
  // gzip by its header or by its magic bytes (a body labelled as something else).
  if (/gzip/i.test(request.headers.get("content-encoding") ?? "") || (buf[0] === 0x1f && buf[1] === 0x8b)) {
    try {
      buf = zlib.gunzipSync(buf, { maxOutputLength: max });
    } catch {
      return { status: 400, message: "body is not valid gzip (or unpacks to more than the limit)" };
    }
  }
  return { text: buf.toString("utf8") };
}

/** POST /api/collect: the shop's own pages (beacon). Identity and consent come from cookies and session. */
export async function handleBeacon(request: Request): Promise<Response> {
  try {
    const db = await getDb();
    const ip = clientIp(request.headers);
    const limited = await hitRateLimit(db, `collect:ip:${ip}`, BEACON_LIMIT);
    if (!limited.allowed) return problem(429, "too many requests", { "Retry-After": String(limited.retryAfterSeconds) });
    const body = await readBody(request, LIMITS.beaconBodyBytes);
    if ("status" in body) return problem(body.status, body.message);
    // The same readers as server components: this route handler runs in the request's scope.
    const [user, anonymousId, consent] = await Promise.all([getCurrentUser(), currentAnonymousId(), currentConsent()]);
    const { context, deviceType } = contextFromHeaders(request.headers);
    delete context.page; // the page's own referrer comes in the message
    context.library = { name: "hearth-beacon" };
    const sender: Sender = { kind: "browser", userId: user?.id ?? null, anonymousId, consent, deviceType, context };
    const r = await collect(db, body.text, "batch", sender, enqueueEvents);
    return json(r.status, r.body);
  } catch (err) {
    log.error({ err }, "collect: failed");
    return problem(503, "events could not be stored; try again");
  }
}

/**
 * POST /v1/{batch,track,identify,page,screen,group,alias}: Segment's HTTP Tracking API with per-source write
 * keys (HTTP Basic user name, or `writeKey` in the body). RudderStack's SDK, given a data-plane URL
 * that already ends in /v1, posts to /v1/v1/batch: the route takes the last path segment.
 */
export async function handleSegmentApi(request: Request, method: string): Promise<Response> {
  if (!COLLECT_METHODS.includes(method as CollectMethod)) return problem(404, "unknown endpoint");
  try {
    const db = await getDb();
    const badKeys = `v1:badkey:${clientIp(request.headers)}`;
    const guessing = await peekRateLimit(db, badKeys, BAD_KEY_LIMIT);
    if (!guessing.allowed) return problem(429, "too many requests with unknown write keys", { "Retry-After": String(guessing.retryAfterSeconds) });
    const body = await readBody(request, LIMITS.sourceBodyBytes, { anyType: true });
    const key = writeKeyOf(request.headers.get("authorization"), "text" in body ? body.text : "");
    const source = key ? await sourceForKey(db, key) : null;
    if (!source) {
      await hitRateLimit(db, badKeys, BAD_KEY_LIMIT);
      return problem(401, "unknown or revoked write key (send it as the Basic auth user name)", { "WWW-Authenticate": 'Basic realm="hearth"' });
    }
    const limited = await hitRateLimit(db, `collect:src:${source.id}`, SOURCE_LIMIT);
    if (!limited.allowed) return problem(429, "too many requests", { "Retry-After": String(limited.retryAfterSeconds) });
    if ("status" in body) return problem(body.status, body.message);
    const r = await collect(db, body.text, method as CollectMethod, { kind: "source", sourceId: source.id, trusted: source.trusted, userIds: source.userIds }, enqueueEvents);
    if (r.rejected?.length) await recordRejections(db, source.id, r.rejected);
    return json(r.status, r.body);
  } catch (err) {
    log.error({ err }, "v1: failed");
    return problem(503, "events could not be stored; try again");
  }
}
