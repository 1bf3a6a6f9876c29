import "server-only";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import type { z } from "zod";
import { auditLog } from "@/db/schema";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/current-user";
import { getDb, type Db, type Tx } from "@/lib/db";
import { SITE_NAME } from "@/lib/site";
import { fieldErrorsOf, ok, UserError, type ActionResult } from "@/lib/result";
import { log } from "@/lib/log";

const failure = (error: string, fieldErrors?: Record<string, string[]>) => ({ ok: false as const, error, fieldErrors });

export type StaffRole = "admin" | "merchandiser";
export const STAFF: StaffRole[] = ["admin", "merchandiser"];

export type AuditInput = { entity: string; entityId?: string | number | null; before?: object | null; after?: object | null; action?: string };
export type AdminContext = {
  user: CurrentUser;
  /** The transaction the change and its audit entries share: use it for every read and write. */
  tx: Tx;
  /** Records one change (before/after values) in the audit log, in the same transaction. */
  audit: (entry: AuditInput) => Promise<void>;
};

/** Marks a wrapped action, so the authorization test can tell wrapped from unwrapped exports. */
export const ADMIN_ACTION = Symbol.for("hearth.adminAction");
/** What an admin action declares: its name, the roles it allows and its input schema (the property test reads the fields). */
export type AdminActionMeta = { name: string; roles: StaffRole[]; schema?: z.ZodType };
export type AdminAction<T> = ((prev: ActionResult<T> | null, data: FormData) => Promise<ActionResult<T>>) & { [ADMIN_ACTION]: AdminActionMeta };

export const NOT_ALLOWED = "Not found.";

/** The signed-in staff member with one of `roles`, else null (for actions and route handlers). */
export async function staffUser(roles: StaffRole[] = STAFF): Promise<CurrentUser | null> {
  const user = await getCurrentUser();
  return user && (roles as string[]).includes(user.role) ? user : null;
}

/** For admin pages: the staff member, or a 404 that does not say the page exists. */
export async function requireStaff(roles: StaffRole[] = STAFF): Promise<CurrentUser> {
  const user = await staffUser(roles);
  if (!user) notFound();
  return user;
}

/**
 * A staff read for server components: the role is checked on every call (a 404 otherwise), so no
 * page can reach the data by forgetting its own check. `staffRead(listLowStock)` → `() => rows`.
 */
export function staffRead<A extends unknown[], R>(read: (db: Db, ...args: A) => Promise<R>, roles: StaffRole[] = STAFF) {
  return async (...args: A): Promise<R> => {
    await requireStaff(roles);
    return read(await getDb(), ...args);
  };
}

/** FormData as a plain object: repeated names become arrays, files stay files. */
export function formObject(data: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(data.keys())) {
    const all = data.getAll(key);
    out[key.endsWith("[]") ? key.slice(0, -2) : key] = key.endsWith("[]") || all.length > 1 ? all : all[0];
  }
  return out;
}

/**
 * The one way to write from /admin: checks the session and role on the server, validates the form
 * with zod, runs the change in a transaction and writes the audit log in it (one entry per change
 * the handler records, or one for the action and its input if it records none). A `UserError`
 * from the handler rolls everything back and is shown as is; anything else is logged and shown as
 * a generic failure. `onCommitted` runs after the commit (cache revalidation, emails).
 */
export function adminAction<S extends z.ZodType, T, P = undefined>(
  opts: {
    name: string;
    roles?: StaffRole[];
    schema: S;
    /** Slow work that needs no database (image processing), done before the transaction opens. */
    prepare?: (input: z.output<S>) => Promise<P>;
  },
  handler: (input: z.output<S>, ctx: AdminContext & { prepared: P }) => Promise<T>,
  onCommitted?: (data: T, input: z.output<S>) => void | Promise<void>,
): AdminAction<T> {
  const roles = opts.roles ?? STAFF;
  const action = async (_prev: ActionResult<T> | null, data: FormData): Promise<ActionResult<T>> => {
    const user = await staffUser(roles);
    if (!user) return failure(NOT_ALLOWED);
    const input = formObject(data);
    // A failed submit hands back what was typed (React resets the form), never a password.
    const kept = (r: Extract<ActionResult<never>, { ok: false }>): ActionResult<T> => ({
      ...r,
      values: Object.fromEntries(
        Object.entries(input)
          .filter(([k, v]) => typeof v === "string" && !/password/i.test(k))
          .map(([k, v]) => [k, (v as string).slice(0, 5000)]),
      ),
    });
    const parsed = opts.schema.safeParse(input);
    if (!parsed.success) return kept(failure("Please check the highlighted fields.", fieldErrorsOf(parsed.error)));
    let result: T;
    try {
      const prepared = (opts.prepare ? await opts.prepare(parsed.data) : undefined) as P;
      const db = await getDb();
      result = await db.transaction(async (tx) => {
        let entries = 0;
        const audit = async (e: AuditInput) => {
          entries++;
          await tx.insert(auditLog).values({
            actorId: user.id,
            actorEmail: user.email,
            action: e.action ?? opts.name,
            entity: e.entity,
            entityId: e.entityId == null ? null : String(e.entityId),
            before: (e.before ?? null) as Record<string, unknown> | null,
            after: (e.after ?? null) as Record<string, unknown> | null,
          });
        };
        const r = await handler(parsed.data, { user, tx, audit, prepared });
        if (!entries) await audit({ entity: opts.name.split(".")[0]!, after: auditable(parsed.data) });
        return r;
      });
    } catch (err) {
      if (err instanceof UserError)
        return kept({ ...failure(err.message, err.field ? { [err.field]: [err.message] } : undefined), ...(err.details === undefined ? {} : { details: err.details }) });
      log.error({ err, action: opts.name }, "admin action failed");
      return failure("Something went wrong; nothing was changed.");
    }
    await onCommitted?.(result, parsed.data);
    return ok(result);
  };
  return Object.assign(action, { [ADMIN_ACTION]: { name: opts.name, roles, schema: opts.schema } });
}

/** Input as it goes into the log: files by name and size, never their bytes; no passwords. */
function auditable(input: unknown): Record<string, unknown> {
  if (!input || typeof input !== "object") return { value: input as unknown };
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(input)) {
    if (/password/i.test(k)) out[k] = "[redacted]";
    else if (typeof File !== "undefined" && v instanceof File) out[k] = { file: v.name, bytes: v.size };
    else out[k] = v;
  }
  return out;
}

/** For route handlers under /admin (exports): a 404 response unless staff with one of `roles`. */
export function adminRoute<A extends unknown[]>(roles: StaffRole[], handler: (user: CurrentUser, ...args: A) => Promise<Response>) {
  const route = async (...args: A): Promise<Response> => {
    const user = await staffUser(roles);
    if (!user) return new Response("Not found", { status: 404 });
    return handler(user, ...args);
  };
  return Object.assign(route, { [ADMIN_ACTION]: { name: "route", roles } });
}

/**
 * An admin page's metadata, given only to staff with `roles`: anyone else gets the 404's own title,
 * so a refused admin page looks exactly like a page that does not exist.
 */
export function staffMetadata(title: string, roles: StaffRole[] = STAFF) {
  return async (): Promise<Metadata> => ((await staffUser(roles)) ? { title } : NOT_FOUND_METADATA);
}
// Absolute: the admin layout's own template (for staff) must not show through on a refused page.
export const NOT_FOUND_METADATA: Metadata = { title: { absolute: `Page not found · ${SITE_NAME}` }, robots: { index: false } };
