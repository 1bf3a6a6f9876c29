import { z } from "zod";
import type { MessageType } from "@/lib/cdp/track/events";

/** Limits of the collect API (Segment's own: 32 KB per message, 500 KB per batch). */
export const LIMITS = {
  messageBytes: 32 * 1024,
  sourceBodyBytes: 500 * 1024,
  sourceBatch: 500,
  beaconBodyBytes: 64 * 1024,
  beaconBatch: 50,
} as const;

// What PostgreSQL's jsonb cannot hold: the NUL character and lone UTF-16 surrogates.
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Whether a JSON value (keys and strings at any depth) can be stored as jsonb. */
export function storableJson(v: unknown, depth = 0): boolean {
  if (depth > 32) return false;
  if (typeof v === "string") return !UNSTORABLE.test(v);
  if (Array.isArray(v)) return v.every((x) => storableJson(x, depth + 1));
  if (v && typeof v === "object") return Object.entries(v).every(([k, x]) => !UNSTORABLE.test(k) && storableJson(x, depth + 1));
  return true;
}

const id = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .refine((s) => !UNSTORABLE.test(s), "holds a NUL or broken Unicode character");
const json = z.record(z.string().max(200), z.unknown()).refine((v) => storableJson(v), "holds a NUL or broken Unicode character, which cannot be stored");
/** Segment's user ids are strings; Hearth's are its customer numbers, sent as "123" or 123. */
const userId = z.union([id, z.number().int()]).transform(String);
const when = z.union([z.iso.datetime({ offset: true }), z.iso.date()]).transform((s) => new Date(s));

const common = {
  messageId: id.optional(),
  anonymousId: z
    .union([id, z.number().int().transform(String)])
    .optional()
    .nullable(),
  userId: userId.optional().nullable(),
  timestamp: when.optional(),
  sentAt: when.optional(),
  context: json.optional(),
  integrations: json.optional(),
};

export const messageSchema = z.discriminatedUnion("type", [
  z.object({ ...common, type: z.literal("track"), event: id.pipe(z.string().max(200)), properties: json.optional() }),
  z.object({
    ...common,
    type: z.literal("page"),
    name: z.string().max(200).optional().nullable(),
    category: z.string().max(200).optional().nullable(),
    properties: json.optional(),
  }),
  // An app's screen view: stored as a page view (with `screen: true`).
  z.object({
    ...common,
    type: z.literal("screen"),
    name: z.string().max(200).optional().nullable(),
    category: z.string().max(200).optional().nullable(),
    properties: json.optional(),
  }),
  z.object({ ...common, type: z.literal("identify"), traits: json.optional() }),
  z.object({ ...common, type: z.literal("alias"), previousId: id, userId }),
  // The company or household a user belongs to; its traits land on the user's profile.
  z.object({ ...common, type: z.literal("group"), groupId: userId, traits: json.optional() }),
]);
export type Message = z.infer<typeof messageSchema>;

/** A batch body (`/v1/batch` and the beacon): top-level context applies to every message. */
export const batchSchema = z.object({ batch: z.array(z.unknown()).min(1), context: json.optional(), sentAt: when.optional() });

/** Segment's clock-skew rule: a message's time moves by the gap between the sender's clock and ours. */
export function eventTime(m: { timestamp?: Date; sentAt?: Date }, receivedAt: Date): Date {
  if (!m.timestamp) return receivedAt;
  const skew = m.sentAt ? receivedAt.getTime() - m.sentAt.getTime() : 0;
  const t = new Date(m.timestamp.getTime() + skew);
  // Nothing from the future, nothing from before the shop's data begins.
  if (t.getTime() > receivedAt.getTime() + 5 * 60_000 || t.getUTCFullYear() < 2000) return receivedAt;
  return t;
}

export function parseMessage(raw: unknown, type?: MessageType): { ok: true; message: Message } | { ok: false; errors: string[] } {
  const input = type && raw && typeof raw === "object" && !Array.isArray(raw) ? { ...raw, type } : raw;
  let size = 0;
  try {
    size = Buffer.byteLength(JSON.stringify(input) ?? "");
  } catch {
    return { ok: false, errors: ["message cannot be serialised"] };
  }
  if (size > LIMITS.messageBytes) return { ok: false, errors: [`message is ${size} bytes; the limit is ${LIMITS.messageBytes}`] };
  const r = messageSchema.safeParse(input);
  if (!r.success) return { ok: false, errors: r.error.issues.slice(0, 5).map((i) => `${i.path.join(".") || "message"}: ${i.message}`) };
  return { ok: true, message: r.data };
}
