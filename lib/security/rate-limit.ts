import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { env } from "@/lib/env";

export type Limit = { limit: number; windowSeconds: number };
export type LimitResult = { allowed: boolean; count: number; retryAfterSeconds: number };

/**
 * Counts one hit against `key` in a fixed window, atomically in the database, so every app
 * instance shares the same counters.
 */
export async function hitRateLimit(db: Db, key: string, { limit, windowSeconds }: Limit): Promise<LimitResult> {
  const { rows } = await db.execute<{ count: number; retry: number }>(sql`
    insert into rate_limits as r (key, window_start, count) values (${key}, now(), 1)
    on conflict (key) do update set
      count = case when r.window_start <= now() - make_interval(secs => ${windowSeconds}) then 1 else r.count + 1 end,
      window_start = case when r.window_start <= now() - make_interval(secs => ${windowSeconds}) then now() else r.window_start end
    returning count, greatest(0, ceil(extract(epoch from (window_start + make_interval(secs => ${windowSeconds}) - now()))))::int as retry`);
  const row = rows[0]!;
  return { allowed: row.count <= limit, count: row.count, retryAfterSeconds: row.retry };
}

/** The counter's state without counting a hit: for limits on failures, checked before the attempt. */
export async function peekRateLimit(db: Db, key: string, { limit, windowSeconds }: Limit): Promise<LimitResult> {
  const { rows } = await db.execute<{ count: number; retry: number }>(sql`
    select count, greatest(0, ceil(extract(epoch from (window_start + make_interval(secs => ${windowSeconds}) - now()))))::int as retry
    from rate_limits where key = ${key} and window_start > now() - make_interval(secs => ${windowSeconds})`);
  const count = Number(rows[0]?.count ?? 0);
  return { allowed: count < limit, count, retryAfterSeconds: Number(rows[0]?.retry ?? 0) };
}

/** The longest window any limit uses: a row older than that counts nothing and may go. */
export const MAX_WINDOW_SECONDS = 3600;

/** Deletes counters whose window is over, so the table stays bounded even under a flood of new keys. */
export async function purgeRateLimits(db: Db): Promise<{ deleted: number }> {
  const { rows } = await db.execute(sql`delete from rate_limits where window_start < now() - make_interval(secs => ${MAX_WINDOW_SECONDS}) returning key`);
  return { deleted: rows.length };
}

export async function resetRateLimit(db: Db, key: string): Promise<void> {
  await db.execute(sql`delete from rate_limits where key = ${key}`);
}

/**
 * Sign-in limits (env-tunable for load tests): per client address; per account from one address or
 * device; per account from anywhere, slow, with growing delays (lib/auth/credentials.ts has the rule).
 */
export const SIGNIN_LIMITS = {
  perIp: { limit: env().RATE_LIMIT_SIGNIN_PER_IP, windowSeconds: 15 * 60 },
  perAccount: { limit: env().RATE_LIMIT_SIGNIN_PER_ACCOUNT, windowSeconds: 15 * 60 },
  account: { free: env().RATE_LIMIT_SIGNIN_ACCOUNT_FREE, windowSeconds: 60 * 60 },
  accountMaxDelaySeconds: 15 * 60,
  signUpPerIp: { limit: env().RATE_LIMIT_SIGNUP_PER_IP, windowSeconds: 60 * 60 },
  resetPerIp: { limit: env().RATE_LIMIT_RESET_PER_IP, windowSeconds: 60 * 60 },
} as const;

/**
 * The client's address. The serving process (scripts/serve.mjs) replaces X-Forwarded-For with the one
 * address it vetted (the socket's peer, or the right-most untrusted entry behind TRUST_PROXY_HOPS
 * proxies), so this reads a fact, not the client's claim. Without that server (`next dev`) it is
 * whatever Next.js filled in.
 */
export function clientIp(headers: Headers): string {
  return headers.get("x-forwarded-for")?.split(",").at(-1)?.trim() || "unknown";
}
