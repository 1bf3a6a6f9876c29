import type { z } from "zod";

/** The one result type every server action returns. */
export type ActionResult<T = undefined> =
  { ok: true; data: T } | { ok: false; error: string; fieldErrors?: Record<string, string[]>; values?: Record<string, string>; details?: unknown };

export const ok = <T>(data: T): ActionResult<T> => ({ ok: true, data });
export const fail = (error: string, fieldErrors?: Record<string, string[]>): ActionResult<never> => ({ ok: false, error, fieldErrors });

/**
 * React resets a form after its action runs; a failed submit hands back what the shopper typed in
 * the named fields so they need not type it again. Never list a password field here.
 */
export function keep<R extends ActionResult<unknown>>(result: R, data: FormData, fields: string[]): R {
  if (result.ok) return result;
  const values = Object.fromEntries(fields.map((f) => [f, String(data.get(f) ?? "").slice(0, 300)]));
  return { ...result, values };
}

/** zod issues → per-field messages (passwords are never echoed back: only messages are returned). */
export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    // A list's items report under the list's field (a form shows one message per field).
    const key = issue.path.filter((p) => typeof p !== "number").join(".") || "_";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/** An error whose message is safe to show to the user (next to `field` when it names one). */
export class UserError extends Error {
  constructor(
    message: string,
    readonly field?: string,
    /** Structured detail for the form (a file's per-row errors, say). */
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "UserError";
  }
}
