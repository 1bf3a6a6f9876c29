import pino, { type DestinationStream } from "pino";
import { env } from "@/lib/env";

/** Keys whose values never reach a log line, wherever they sit in what is logged. */
export const REDACTED_KEYS = ["password", "passwordHash", "password_hash", "token", "tokenHash", "cookie", "authorization", "writeKey", "secret"];

/**
 * An error as it may be logged: name, code, message and stack with what a database error carries
 * of the query's values cut off ("params: …" holds what was being written: a password hash, say),
 * and anything shaped like an argon2 hash or a bearer token masked.
 */
export function safeError(err: unknown): Record<string, unknown> {
  const e = (err ?? {}) as { name?: string; message?: string; stack?: string; code?: string; cause?: unknown };
  const clean = (s: string | undefined) =>
    s
      ?.replace(/params:[\s\S]*?(?=\n\s+at |\n?$)/g, "params: [redacted]")
      .replace(/\$argon2(id|i|d)\$[^\s,'"\]]+/g, "[hash]")
      .replace(/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/g, "$1 [redacted]");
  const out: Record<string, unknown> = { type: e.name ?? typeof err, message: clean(e.message ?? String(err)), stack: clean(e.stack) };
  if (e.code) out.code = e.code;
  if (e.cause && e.cause !== err) out.cause = safeError(e.cause);
  return out;
}

/** The server's one logger (JSON lines on stdout): secrets redacted by key, errors through safeError. */
export function createLogger(destination?: DestinationStream) {
  const paths = REDACTED_KEYS.flatMap((k) => [k, `*.${k}`, `*.*.${k}`]);
  return pino({ level: env().LOG_LEVEL, base: undefined, redact: { paths, censor: "[redacted]" }, serializers: { err: safeError } }, destination);
}

export const log = createLogger();
