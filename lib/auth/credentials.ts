import { sql } from "drizzle-orm";
import { CredentialsSignin } from "next-auth";
import { z } from "zod";
import { users } from "@/db/schema";
import type { Db } from "@/lib/db";
import { hitRateLimit, resetRateLimit, SIGNIN_LIMITS } from "@/lib/security/rate-limit";
import { knownDevice } from "./device";
import { hashPassword, verifyPassword } from "./password";

export const emailSchema = z.string().trim().toLowerCase().max(254, "That email address is too long").pipe(z.email("Enter a valid email address"));
export const passwordSchema = z.string().min(8, "Use at least 8 characters").max(200, "Use at most 200 characters");
export const signInSchema = z.object({ email: emailSchema, password: z.string().min(1, "Enter your password").max(200) });

export class RateLimitedSignin extends CredentialsSignin {
  code = "rate_limited";
}

// Compared against when no account matches, so a wrong email takes as long as a wrong password.
let dummyHash: Promise<string> | undefined;

export type SignedInUser = { id: string; email: string; name: string | null; role: "customer" | "merchandiser" | "admin"; sessionVersion: number };

/** Where the attempt comes from: the vetted client address, and the device cookie if the browser sent one. */
export type SignInOrigin = { ip: string; device?: string | null };

/** The per-account delay after `failures` wrong passwords from anywhere: 0 while free, then 2, 4, 8 … s, at most 15 min. */
export function accountDelaySeconds(failures: number, free: number): number {
  return failures < free ? 0 : Math.min(2 ** (failures - free + 1), SIGNIN_LIMITS.accountMaxDelaySeconds);
}

/**
 * Takes a turn on the account's slow counter (wrong passwords from any address in the last hour):
 * refused, without counting, while the delay the earlier failures earned has not passed.
 */
async function takeAccountTurn(db: Db, email: string): Promise<{ allowed: boolean }> {
  const key = `signin:acct:${email}`;
  const { free, windowSeconds } = SIGNIN_LIMITS.account;
  return db.transaction(async (tx) => {
    await tx.execute(sql`insert into rate_limits (key, window_start, count) values (${key}, now(), 0) on conflict (key) do nothing`);
    const { rows } = await tx.execute<{ count: number; fresh: boolean; since: number }>(sql`
      select case when window_start <= now() - make_interval(secs => ${windowSeconds}) then 0 else count end as count,
             window_start <= now() - make_interval(secs => ${windowSeconds}) as fresh,
             extract(epoch from now() - last_hit_at)::float8 as since
      from rate_limits where key = ${key} for update`);
    const row = rows[0]!;
    if (Number(row.since) < accountDelaySeconds(Number(row.count), free)) return { allowed: false };
    await tx.execute(sql`
      update rate_limits set count = ${Number(row.count) + 1}, last_hit_at = now(),
        window_start = case when ${row.fresh} then now() else window_start end
      where key = ${key}`);
    return { allowed: true };
  });
}

/**
 * Checks an email and password. Returns the user, or null for any wrong combination (never saying
 * which part was wrong); throws RateLimitedSignin. The rule (README, Security rules):
 * - every attempt counts against the address (RATE_LIMIT_SIGNIN_PER_IP per 15 min, any account);
 * - attempts on one account from one address (or from one known device) have the strict limit
 *   (RATE_LIMIT_SIGNIN_PER_ACCOUNT per 15 min), cleared by a success;
 * - attempts on one account from everywhere else share a slow counter: RATE_LIMIT_SIGNIN_ACCOUNT_FREE
 *   per hour, then each try waits twice as long as the last (up to 15 min). A browser that signed in
 *   to the account before (device cookie) skips it, so strangers cannot lock the owner out.
 */
export async function verifyCredentials(db: Db, input: unknown, origin: SignInOrigin): Promise<SignedInUser | null> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const [user] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${email}`)
    .limit(1);
  const device = user ? knownDevice(origin.device, String(user.id), user.sessionVersion) : null;
  const pairKey = device ? `signin:dev:${email}:${device}` : `signin:pair:${email}:${origin.ip}`;
  // In order, each only once the one before allowed the try: a flood from one address adds one
  // counter, not one per account it names.
  if (!(await hitRateLimit(db, `signin:ip:${origin.ip}`, SIGNIN_LIMITS.perIp)).allowed) throw new RateLimitedSignin();
  if (!(await hitRateLimit(db, pairKey, SIGNIN_LIMITS.perAccount)).allowed) throw new RateLimitedSignin();
  if (!device && !(await takeAccountTurn(db, email)).allowed) throw new RateLimitedSignin();

  dummyHash ??= hashPassword("not-a-real-password");
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash), password);
  if (!user || !user.passwordHash || !ok) return null;
  await resetRateLimit(db, pairKey);
  // A success is not a failure: give back the turn it took on the slow counter.
  if (!device) await db.execute(sql`update rate_limits set count = greatest(count - 1, 0) where key = ${`signin:acct:${email}`}`);
  return { id: String(user.id), email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion };
}

/** Forgets every sign-in counter of one account (a staff password reset). */
export async function clearSignInLimits(db: Db, email: string): Promise<void> {
  const literal = email.replace(/[\\%_]/g, "\\$&");
  await db.execute(sql`delete from rate_limits where key = ${`signin:acct:${email}`} or key like ${`signin:pair:${literal}:%`} or key like ${`signin:dev:${literal}:%`}`);
}
