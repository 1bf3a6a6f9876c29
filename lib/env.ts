import { z } from "zod";

/**
 * Every environment variable the app reads, validated with zod. `npm start`, the CLI scripts and
 * the server's start-up (instrumentation.ts) call `validateEnv()`, so a bad value stops the start
 * with the variable's name and what it must be, never a silent fallback. `.env.example` lists them
 * with their defaults; keep the two in step (lib/env.test.ts checks).
 */
const count = (fallback: number) => z.coerce.number({ error: "must be a number" }).int("must be a whole number").positive("must be a whole number above 0").default(fallback);
const onOff = z.enum(["on", "off"], { error: 'must be "on" or "off"' });
const url = (protocols: RegExp, what: string) =>
  z.string().refine((v) => {
    try {
      return protocols.test(new URL(v).protocol);
    } catch {
      return false;
    }
  }, `must be ${what}`);

export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"], { error: "must be development, production or test" }).optional(),
  PORT: z.coerce
    .number({ error: "must be a port number" })
    .int("must be a port number")
    .min(1, "must be a port number (1–65535)")
    .max(65535, "must be a port number (1–65535)")
    .default(3000),
  SITE_URL: url(/^https?:$/, "an http(s) URL such as https://shop.example")
    .transform((v) => v.replace(/\/+$/, ""))
    .optional(),
  /** Proxies in front of the app whose X-Forwarded-* may speak for the client (scripts/forwarded.mjs reads it too). */
  TRUST_PROXY_HOPS: z.coerce
    .number({ error: "must be a whole number from 0 to 10" })
    .int("must be a whole number from 0 to 10")
    .min(0, "must be a whole number from 0 to 10")
    .max(10, "must be a whole number from 0 to 10")
    .default(0),
  /** Signs sessions, cart cookies and order links; `npm start` writes one to .env.local. */
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters (npm start generates one into .env.local)").optional(),
  AUTH_GITHUB_ID: z.string().optional(),
  AUTH_GITHUB_SECRET: z.string().optional(),
  AUTH_GOOGLE_ID: z.string().optional(),
  AUTH_GOOGLE_SECRET: z.string().optional(),
  DATABASE_URL: url(/^postgres(ql)?:$/, "a postgres:// URL").optional(),
  DATABASE_POOL_MAX: count(10),
  PGLITE_DIR: z.string().optional(),
  // A PGlite dump (dumpDataDir) an in-memory store starts from: the tests' migrated template.
  PGLITE_SNAPSHOT: z.string().optional(),
  ADMIN_EMAIL: z.string().trim().toLowerCase().pipe(z.email("must be an email address")).default("admin@hearth.example"),
  ADMIN_PASSWORD: z.string().min(8, "must be at least 8 characters").max(200, "must be at most 200 characters").optional(),
  DEMO_PASSWORD: z.string().min(8, "must be at least 8 characters").default("hearth-demo"),
  SMTP_URL: url(/^smtps?:$/, "an smtp:// or smtps:// URL").optional(),
  MAIL_FROM: z.string().min(3, "must be a sender such as Hearth <shop@example.com>").default("Hearth <no-reply@hearth.example>"),
  SHOP_TIME_ZONE: z
    .string()
    .refine((tz) => {
      try {
        new Intl.DateTimeFormat("en-GB", { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    }, "must be an IANA time zone such as Europe/London")
    .default("Europe/London"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], { error: "must be fatal, error, warn, info, debug, trace or silent" }).default("info"),
  HEARTH_JOBS: onOff.default("on"),
  DELIVERY_SIMULATOR: onOff.default("on"),
  RECS_HOLDOUT_SHARE: z.coerce.number({ error: "must be a number" }).min(0, "must be between 0 and 1").max(1, "must be between 0 and 1").default(0.1),
  RECS_TRAIN_HOURS: count(24),
  CDP_RECOMPUTE_MINUTES: count(60),
  CDP_ANON_RETENTION_DAYS: count(180),
  CDP_AS_OF: z
    .string()
    .refine((v) => !Number.isNaN(new Date(v).getTime()), "must be a date such as 2011-09-01")
    .optional(),
  KPI_REFRESH_MINUTES: count(10),
  RATE_LIMIT_SIGNIN_PER_IP: count(30),
  RATE_LIMIT_SIGNIN_PER_ACCOUNT: count(8),
  RATE_LIMIT_SIGNIN_ACCOUNT_FREE: count(20),
  RATE_LIMIT_SIGNUP_PER_IP: count(20),
  RATE_LIMIT_RESET_PER_IP: count(10),
  RATE_LIMIT_COLLECT_PER_IP: count(600),
  RATE_LIMIT_COLLECT_PER_SOURCE: count(20_000),
  RATE_LIMIT_BAD_KEYS_PER_IP: count(20),
  RATE_LIMIT_GUEST_ORDERS: count(5),
  RATE_LIMIT_CODE_TRIES: count(10),
  VERCEL: z.string().optional(),
  VERCEL_URL: z.string().optional(),
});

export type Env = z.output<typeof envSchema>;
export const ENV_NAMES = Object.keys(envSchema.shape) as (keyof Env)[];

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `The environment has ${problems.length === 1 ? "a bad value" : "bad values"}:\n${problems.map((p) => `  ${p}`).join("\n")}\nFix them in the environment or .env.local (see .env.example).`,
    );
    this.name = "EnvError";
  }
}

/** Validates `source` (empty strings count as unset); throws EnvError naming every bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const input = Object.fromEntries(ENV_NAMES.map((k) => [k, source[k]?.trim() ? source[k] : undefined]));
  const parsed = envSchema.safeParse(input);
  if (!parsed.success) throw new EnvError(parsed.error.issues.map((i) => `${String(i.path[0])}=${JSON.stringify(input[String(i.path[0])] ?? "")}: ${i.message}`));
  return parsed.data;
}

let cache: { key: string; env: Env } | undefined;

/**
 * The validated environment. Re-validated only when one of its variables changed (tests and
 * benches point DATABASE_URL elsewhere at run time), so a call costs a few property reads.
 */
export function env(): Env {
  const key = ENV_NAMES.map((k) => process.env[k] ?? "").join("\u0000");
  if (cache?.key !== key) cache = { key, env: parseEnv(process.env) };
  return cache.env;
}

/** For start-up: validates now; `requireSecret` also insists on AUTH_SECRET (the server needs it). */
export function validateEnv({ requireSecret = false } = {}): Env {
  const e = env();
  if (requireSecret && !e.AUTH_SECRET) throw new EnvError(['AUTH_SECRET="": must be set (npm start generates one into .env.local)']);
  return e;
}

/** AUTH_SECRET, which signs cookies and links: a clear error where it is missing. */
export function authSecret(): string {
  const s = env().AUTH_SECRET;
  if (!s) throw new EnvError(['AUTH_SECRET="": must be set (npm start generates one into .env.local)']);
  return s;
}
