import crypto from "node:crypto";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { textInput } from "@/lib/input";
import { passwordResetTokens, users } from "@/db/schema";
import type { Db } from "@/lib/db";
import { queueMail, withinMailLimit } from "@/lib/mail";
import { UserError } from "@/lib/result";
import { siteUrl } from "@/lib/site";
import { clearSignInLimits, emailSchema, passwordSchema } from "./credentials";
import { hashPassword, verifyPassword } from "./password";
import { readFirstAdminFile, removeFirstAdminFile, writeFirstAdminFile } from "./first-admin-file";
import { env } from "@/lib/env";

export const signUpSchema = z.object({
  name: textInput({ max: 100, required: "Tell us your name" }),
  email: emailSchema,
  password: passwordSchema,
});

/**
 * Creates a customer account. An address that already has an account gets the same neutral error
 * as other failures would, plus an email to its owner, so the form is no oracle for who shops here.
 */
export async function createAccount(db: Db, input: z.infer<typeof signUpSchema>) {
  const passwordHash = await hashPassword(input.password);
  const [row] = await db
    .insert(users)
    .values({ email: input.email, name: input.name, passwordHash, role: "customer" })
    .onConflictDoNothing()
    .returning({ id: users.id, email: users.email });
  if (!row) {
    if (await withinMailLimit(db, "signup-existing", input.email))
      await queueMail(db, {
        to: input.email,
        subject: "Someone tried to create a Hearth account with your email",
        content: {
          preview: "Your email already has a Hearth account",
          heading: "You already have an account",
          paragraphs: [
            "Someone (maybe you) tried to sign up to Hearth with this address, which already has an account. If it was you, sign in, or reset your password if you've forgotten it.",
          ],
          button: { label: "Reset your password", href: `${siteUrl()}/forgot-password` },
          note: "If it wasn't you, you can ignore this email: nothing has changed.",
        },
        meta: { kind: "signup-existing" },
      });
    throw new UserError("We couldn't create an account with these details. If you already have one, sign in or reset your password.");
  }
  return row;
}

export async function upsertOAuthUser(db: Db, p: { email: string; name: string | null }) {
  const email = p.email.trim().toLowerCase();
  await db.insert(users).values({ email, name: p.name, role: "customer" }).onConflictDoNothing();
  const [row] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${email}`)
    .limit(1);
  return row!;
}

const sha256 = (s: string) => crypto.createHash("sha256").update(s).digest("hex");
export const RESET_TTL_MINUTES = 60;

/** A single-use link to /reset-password for `userId`, valid `minutes` (only its hash is stored). */
async function issuePasswordLink(db: Db, userId: number, minutes: number): Promise<string> {
  const token = crypto.randomBytes(32).toString("base64url");
  await db.insert(passwordResetTokens).values({ tokenHash: sha256(token), userId, expiresAt: new Date(Date.now() + minutes * 60_000) });
  return `${siteUrl()}/reset-password?token=${token}`;
}

/** Emails a single-use reset link if the account exists; says nothing either way. */
export async function requestPasswordReset(db: Db, rawEmail: string): Promise<void> {
  const email = emailSchema.parse(rawEmail);
  const [user] = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(sql`lower(${users.email}) = ${email}`)
    .limit(1);
  if (!user || !(await withinMailLimit(db, "reset", user.email))) return;
  const link = await issuePasswordLink(db, user.id, RESET_TTL_MINUTES);
  await queueMail(db, {
    to: user.email,
    subject: "Reset your Hearth password",
    content: {
      preview: "Choose a new password",
      heading: "Reset your password",
      paragraphs: [`Use this link within ${RESET_TTL_MINUTES} minutes to choose a new password.`],
      button: { label: "Choose a new password", href: link },
      note: "If you didn't ask for this, ignore this email: your password stays the same.",
    },
    meta: { kind: "password-reset", link },
  });
}

export const INVITE_TTL_DAYS = 7;

/** A new staff member's invitation: their own words and a link valid 7 days, in the transaction that made the account. */
export async function inviteStaff(db: Db, invite: { userId: number; email: string; role: string; invitedBy: string }): Promise<void> {
  const link = await issuePasswordLink(db, invite.userId, INVITE_TTL_DAYS * 24 * 60);
  await queueMail(db, {
    to: invite.email,
    subject: "You're invited to run Hearth",
    content: {
      preview: `${invite.invitedBy} invited you as ${invite.role}`,
      heading: "Welcome to the Hearth team",
      paragraphs: [`${invite.invitedBy} has given you ${invite.role === "admin" ? "an admin" : "a merchandiser"} account for the shop's admin. Choose your password to start.`],
      button: { label: "Choose your password", href: link },
      note: `The link works once, for ${INVITE_TTL_DAYS} days. Then sign in at ${siteUrl()}/sign-in.`,
    },
    meta: { kind: "staff-invitation", link },
  });
}

/** Sets a new password from a valid, unused, unexpired token; signs out every other session. */
export async function resetPassword(db: Db, token: string, newPassword: string): Promise<void> {
  const password = passwordSchema.parse(newPassword);
  const hash = await hashPassword(password);
  await db.transaction(async (tx) => {
    const [used] = await tx
      .update(passwordResetTokens)
      .set({ usedAt: new Date() })
      .where(and(eq(passwordResetTokens.tokenHash, sha256(token)), isNull(passwordResetTokens.usedAt), gt(passwordResetTokens.expiresAt, new Date())))
      .returning({ userId: passwordResetTokens.userId });
    if (!used) throw new UserError("This reset link is invalid or has expired. Ask for a new one.");
    await tx
      .update(users)
      // The emailed link proves the address: guest orders to it may join this account at sign-in.
      .set({ passwordHash: hash, sessionVersion: sql`${users.sessionVersion} + 1`, emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, now())` })
      .where(eq(users.id, used.userId));
  });
}

export const changePasswordSchema = z.object({ current: z.string().min(1, "Enter your current password").max(200), next: passwordSchema });

export async function changePassword(db: Db, userId: number, input: z.infer<typeof changePasswordSchema>): Promise<number> {
  const [user] = await db.select().from(users).where(eq(users.id, userId)).limit(1);
  if (!user || !(await verifyPassword(user.passwordHash, input.current))) throw new UserError("Your current password is not right.");
  const [row] = await db
    .update(users)
    .set({ passwordHash: await hashPassword(input.next), sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, userId))
    .returning({ sessionVersion: users.sessionVersion });
  return row!.sessionVersion;
}

export const profileSchema = z.object({ name: textInput({ max: 100, required: "Tell us your name" }) });

export async function updateProfile(db: Db, userId: number, input: z.infer<typeof profileSchema>) {
  await db.update(users).set({ name: input.name }).where(eq(users.id, userId));
}

/**
 * The first admin: from ADMIN_EMAIL/ADMIN_PASSWORD, or with a generated password that is kept in
 * the first-admin file and shown on every start until that admin signs in (`firstAdminNotice`).
 * Does nothing when an admin exists.
 */
export async function ensureFirstAdmin(db: Db): Promise<{ email: string; password: string | null } | null> {
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.role, "admin")).limit(1);
  if (existing) return null;
  const { ADMIN_EMAIL: email, ADMIN_PASSWORD: fromEnv } = env();
  const password = fromEnv ?? newPassword();
  const passwordHash = await hashPassword(password);
  const [same] = await db
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.email}) = ${email}`)
    .limit(1);
  if (same) await db.update(users).set({ role: "admin", passwordHash }).where(eq(users.id, same.id));
  else await db.insert(users).values({ email, name: "Admin", passwordHash, role: "admin" });
  if (!fromEnv) writeFirstAdminFile({ email, password });
  return { email, password: fromEnv ? null : password };
}

/**
 * The first admin's generated credentials while they are still to be used: the file's password
 * still signs that admin in and the admin has never signed in. Otherwise the file is removed.
 */
export async function firstAdminNotice(db: Db): Promise<{ email: string; password: string } | null> {
  const saved = readFirstAdminFile();
  if (!saved) return null;
  const [u] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${saved.email}`)
    .limit(1);
  if (u && u.role === "admin" && !u.lastSignInAt && (await verifyPassword(u.passwordHash, saved.password))) return saved;
  removeFirstAdminFile();
  return null;
}

/**
 * `npm run admin:reset`: a new random password for a staff account (signs out its sessions and
 * clears its sign-in limit), returned for the command to print. Customers are refused.
 */
export async function resetStaffPassword(db: Db, rawEmail: string): Promise<{ email: string; password: string }> {
  const email = emailSchema.parse(rawEmail);
  const [u] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${email}`)
    .limit(1);
  if (!u) throw new UserError(`There is no account for ${email}.`);
  if (u.role === "customer") throw new UserError(`${email} is a customer account; admin:reset only resets staff passwords.`);
  const password = newPassword();
  await db
    .update(users)
    .set({ passwordHash: await hashPassword(password), sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, u.id));
  await clearSignInLimits(db, email);
  if (readFirstAdminFile()?.email === email) removeFirstAdminFile();
  return { email: u.email, password };
}

/** Every successful sign-in (credentials or OAuth). */
export async function recordSignIn(db: Db, userId: number): Promise<void> {
  await db.update(users).set({ lastSignInAt: new Date() }).where(eq(users.id, userId));
}

const newPassword = () => crypto.randomBytes(12).toString("base64url");
