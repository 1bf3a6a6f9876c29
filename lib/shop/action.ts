import "server-only";
import { headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/current-user";
import { formObject } from "@/lib/admin/action";
import { getDb, type Db } from "@/lib/db";
import { fieldErrorsOf, ok, UserError, type ActionResult } from "@/lib/result";
import { clientIp, hitRateLimit, type Limit } from "@/lib/security/rate-limit";
import { log } from "@/lib/log";

/** Marks a shopper-facing action (public or customer-only), so the authorization test can find and try it. */
export const SHOP_ACTION = Symbol.for("hearth.shopAction");
/** `form`: the plain form-action shape (FormData in, nothing out) made by `formAction`. */
export type ShopActionMeta = { name: string; audience: "public" | "customer"; schema?: z.ZodType; form?: true };
export type ShopAction<T> = ((prev: ActionResult<T> | null, data: FormData) => Promise<ActionResult<T>>) & { [SHOP_ACTION]: ShopActionMeta };

export const SIGN_IN_AGAIN = "Please sign in again.";

export type ShopContext = { db: Db; user: CurrentUser | null; ip: string };
/** A rate limit the action asks for: `key` is namespaced by the caller ("code:ip:…"). */
export type AskedLimit = { key: string; limit: Limit; message: string };

type Options<S extends z.ZodType, C> = {
  name: string;
  schema: S;
  /** The form-level message when the input is refused by zod (default: the first problem's own words). */
  invalid?: string;
  /** Limits hit before the handler runs (every one is counted; the first one over refuses). */
  limits?: (input: z.output<S>, ctx: C) => AskedLimit[] | Promise<AskedLimit[]>;
};

const failure = (error: string, fieldErrors?: Record<string, string[]>) => ({ ok: false as const, error, fieldErrors });

function wrap<S extends z.ZodType, T, C extends ShopContext>(
  audience: ShopActionMeta["audience"],
  opts: Options<S, C>,
  handler: (input: z.output<S>, ctx: C) => Promise<T>,
): ShopAction<T> {
  const action = async (_prev: ActionResult<T> | null, data: FormData): Promise<ActionResult<T>> => {
    const user = await getCurrentUser();
    if (audience === "customer" && !user) return failure(SIGN_IN_AGAIN);
    const input = formObject(data);
    // A refused submit hands back what was typed (React resets the form), never a password or token.
    const kept = (r: Extract<ActionResult<never>, { ok: false }>): ActionResult<T> => ({
      ...r,
      values: Object.fromEntries(
        Object.entries(input)
          .filter(([k, v]) => typeof v === "string" && !/password|token/i.test(k))
          .map(([k, v]) => [k, (v as string).slice(0, 5000)]),
      ),
    });
    const parsed = opts.schema.safeParse(input);
    const invalid = (e: z.ZodError) => kept(failure(opts.invalid ?? e.issues[0]?.message ?? "Please check the highlighted fields.", fieldErrorsOf(e)));
    if (!parsed.success) return invalid(parsed.error);
    try {
      const ctx = { db: await getDb(), user, ip: clientIp(await headers()) } as C;
      for (const l of (await opts.limits?.(parsed.data, ctx)) ?? []) {
        const hit = await hitRateLimit(ctx.db, l.key, l.limit);
        if (!hit.allowed) return kept(failure(l.message));
      }
      return ok(await handler(parsed.data, ctx));
    } catch (err) {
      unstable_rethrow(err); // redirect() and notFound() are answers, not failures
      if (err instanceof UserError)
        return kept({ ...failure(err.message, err.field ? { [err.field]: [err.message] } : undefined), ...(err.details === undefined ? {} : { details: err.details }) });
      if (err instanceof z.ZodError) return invalid(err);
      log.error({ err, action: opts.name }, "action failed");
      return failure("Something went wrong; nothing was changed. Please try again.");
    }
  };
  return Object.assign(action, { [SHOP_ACTION]: { name: opts.name, audience, schema: opts.schema } });
}

/**
 * The same action in the shape a plain `<form action>` takes (FormData in, nothing out), for forms a
 * server component renders without a client component: they work before JavaScript has loaded (the
 * page re-renders with the change), and a client listener may take them over once it has.
 */
export function formAction<T>(action: ShopAction<T>): ((data: FormData) => Promise<void>) & { [SHOP_ACTION]: ShopActionMeta } {
  return Object.assign(
    async (data: FormData) => {
      await action(null, data);
    },
    { [SHOP_ACTION]: { ...action[SHOP_ACTION], form: true as const } },
  );
}

/**
 * The one way to write for shoppers, signed in or not: zod-validated form input, asked-for rate
 * limits, a typed ActionResult with the typed values kept on refusal. A `UserError` is shown as is;
 * anything else is logged and answered with a generic message.
 */
export function publicAction<S extends z.ZodType, T>(opts: Options<S, ShopContext>, handler: (input: z.output<S>, ctx: ShopContext) => Promise<T>) {
  return wrap("public", opts, handler);
}

/** As `publicAction`, for signed-in customers only: the session is checked on the server first. */
export function customerAction<S extends z.ZodType, T>(
  opts: Options<S, ShopContext & { user: CurrentUser }>,
  handler: (input: z.output<S>, ctx: ShopContext & { user: CurrentUser }) => Promise<T>,
) {
  return wrap("customer", opts, handler);
}
