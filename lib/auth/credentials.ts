import { sql } from "drizzle-orm";
import { CredentialsSignin } from "next-auth";
import { z } from "zod";
import { users } from "@/db/schema";
import type { Db } from "@/lib/db";
import { hitRateLimit, resetRateLimit, SIGNIN_LIMITS } from "@/lib/security/rate-limit";
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

/**
 * Checks an email and password under per-address and per-account rate limits. Returns the user, or
 * null for any wrong combination (never saying which part was wrong); throws RateLimitedSignin.
 */
export async function verifyCredentials(db: Db, input: unknown, ip: string): Promise<SignedInUser | null> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const [byIp, byAccount] = await Promise.all([hitRateLimit(db, `signin:ip:${ip}`, SIGNIN_LIMITS.perIp), hitRateLimit(db, `signin:acct:${email}`, SIGNIN_LIMITS.perAccount)]);
  if (!byIp.allowed || !byAccount.allowed) throw new RateLimitedSignin();

  const [user] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${email}`)
    .limit(1);
  dummyHash ??= hashPassword("not-a-real-password");
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash), password);
  if (!user || !user.passwordHash || !ok) return null;
  await resetRateLimit(db, `signin:acct:${email}`);
  return { id: String(user.id), email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion };
}
