import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { desc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { outbox, passwordResetTokens, rateLimits, users } from "@/db/schema";
import type { Db } from "@/lib/db";
import { createTestDb, dropTestDb } from "@/lib/testing/db";
import { CONTROL_MESSAGE } from "@/lib/input";
import {
  changePassword,
  createAccount,
  profileSchema,
  signUpSchema,
  ensureFirstAdmin,
  firstAdminNotice,
  recordSignIn,
  requestPasswordReset,
  resetPassword,
  resetStaffPassword,
} from "./accounts";
import { firstAdminFile } from "./first-admin-file";
import { accountDelaySeconds, RateLimitedSignin, verifyCredentials } from "./credentials";
import { signDevice } from "./device";
import { verifyPassword } from "./password";
import { purgeRateLimits, SIGNIN_LIMITS } from "@/lib/security/rate-limit";
import { UserError } from "@/lib/result";

let db: Db;
const lastMailTo = async (to: string) => (await db.select().from(outbox).where(eq(outbox.to, to)).orderBy(desc(outbox.id)).limit(1))[0];

beforeAll(async () => {
  db = await createTestDb();
  await createAccount(db, { name: "Ann", email: "ann@example.com", password: "first-password" });
});
afterAll(dropTestDb);

describe("sign-in", () => {
  it("accepts the right password, case-insensitively on the email", async () => {
    const u = await verifyCredentials(db, { email: "  ANN@example.com ", password: "first-password" }, { ip: "10.0.0.1" });
    expect(u).toMatchObject({ email: "ann@example.com", name: "Ann", role: "customer", sessionVersion: 0 });
  });

  it("gives the same null for a wrong password, an unknown email and junk input", async () => {
    expect(await verifyCredentials(db, { email: "ann@example.com", password: "nope-nope" }, { ip: "10.0.0.2" })).toBeNull();
    expect(await verifyCredentials(db, { email: "nobody@example.com", password: "first-password" }, { ip: "10.0.0.2" })).toBeNull();
    expect(await verifyCredentials(db, { email: "not an email", password: "x" }, { ip: "10.0.0.2" })).toBeNull();
    expect(await verifyCredentials(db, null, { ip: "10.0.0.2" })).toBeNull();
  });

  it("limits attempts on one account from one address, even with the right password, until the window passes", async () => {
    await createAccount(db, { name: "Bob", email: "bob@example.com", password: "bob-password" });
    for (let i = 0; i < 5; i++) expect(await verifyCredentials(db, { email: "bob@example.com", password: "guess" + i }, { ip: "10.1.0.1" })).toBeNull();
    await expect(verifyCredentials(db, { email: "bob@example.com", password: "bob-password" }, { ip: "10.1.0.1" })).rejects.toBeInstanceOf(RateLimitedSignin);
    // The owner elsewhere is not held back by that address's failures.
    expect(await verifyCredentials(db, { email: "bob@example.com", password: "bob-password" }, { ip: "10.1.0.99" })).not.toBeNull();
    // The window passes.
    await db
      .update(rateLimits)
      .set({ windowStart: sql`now() - interval '1 hour'` })
      .where(eq(rateLimits.key, "signin:pair:bob@example.com:10.1.0.1"));
    expect(await verifyCredentials(db, { email: "bob@example.com", password: "bob-password" }, { ip: "10.1.0.1" })).not.toBeNull();
  });

  it("slows a guessing crowd with growing delays, and never stops the owner's known browser", async () => {
    const carol = await createAccount(db, { name: "Carol", email: "carol@example.com", password: "carol-password" });
    const device = signDevice(String(carol.id), 0);
    const free = SIGNIN_LIMITS.account.free;
    // Strangers from many addresses (a few tries each, under the per-address limits).
    for (let i = 0; i < free; i++) expect(await verifyCredentials(db, { email: "carol@example.com", password: `guess-${i}` }, { ip: `10.3.${i}.1` })).toBeNull();
    const key = eq(rateLimits.key, "signin:acct:carol@example.com");
    // Now each further try waits: 2 s after the last failure, then 4 s, 8 s ...
    await expect(verifyCredentials(db, { email: "carol@example.com", password: "guess-x" }, { ip: "10.3.200.1" })).rejects.toBeInstanceOf(RateLimitedSignin);
    await expect(verifyCredentials(db, { email: "carol@example.com", password: "carol-password" }, { ip: "10.3.201.1" })).rejects.toBeInstanceOf(RateLimitedSignin);
    await db
      .update(rateLimits)
      .set({ lastHitAt: sql`now() - interval '3 seconds'` })
      .where(key);
    expect(await verifyCredentials(db, { email: "carol@example.com", password: "guess-y" }, { ip: "10.3.202.1" })).toBeNull();
    await db
      .update(rateLimits)
      .set({ lastHitAt: sql`now() - interval '3 seconds'` })
      .where(key);
    await expect(verifyCredentials(db, { email: "carol@example.com", password: "guess-z" }, { ip: "10.3.203.1" })).rejects.toBeInstanceOf(RateLimitedSignin);
    const [row] = await db.select().from(rateLimits).where(key);
    expect(row!.count).toBe(free + 1); // refused tries are not counted
    expect(accountDelaySeconds(free + 1, free)).toBe(4);
    expect(accountDelaySeconds(free + 40, free)).toBe(15 * 60);

    // The owner's browser that signed in before goes straight through, from any address.
    expect(await verifyCredentials(db, { email: "carol@example.com", password: "carol-password" }, { ip: "10.3.250.1", device })).not.toBeNull();
    // A device cookie of another account, a tampered one, or one from before a password change is a stranger's.
    for (const other of [signDevice("999", 0), device.replace(/.$/, (c) => (c === "A" ? "B" : "A")), signDevice(String(carol.id), 1)]) {
      await expect(verifyCredentials(db, { email: "carol@example.com", password: "carol-password" }, { ip: "10.3.251.1", device: other })).rejects.toBeInstanceOf(
        RateLimitedSignin,
      );
    }
  });

  it("limits attempts per address across accounts", async () => {
    const ip = "10.2.0.1";
    let limited = false;
    for (let i = 0; i < 40 && !limited; i++) {
      try {
        await verifyCredentials(db, { email: `user${i}@example.com`, password: "whatever1" }, { ip: ip });
      } catch (err) {
        limited = err instanceof RateLimitedSignin;
      }
    }
    expect(limited).toBe(true);
  });
});

describe("sign-up", () => {
  it("stores an argon2 hash, never the password", async () => {
    const [row] = await db.select().from(users).where(eq(users.email, "ann@example.com"));
    expect(row!.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row!.passwordHash).not.toContain("first-password");
  });

  it("refuses a taken email with a neutral message and tells the owner by email", async () => {
    await expect(createAccount(db, { name: "Mallory", email: "ann@example.com", password: "other-password" })).rejects.toThrow(/couldn't create an account/);
    expect((await lastMailTo("ann@example.com"))?.subject).toMatch(/tried to create a Hearth account/);
    const [row] = await db.select().from(users).where(eq(users.email, "ann@example.com"));
    expect(await verifyPassword(row!.passwordHash, "first-password")).toBe(true);
  });
});

describe("password reset by emailed link", () => {
  it("sends a single-use link that sets a new password and ends old sessions", async () => {
    await requestPasswordReset(db, "ann@example.com");
    const mail = await lastMailTo("ann@example.com");
    const link = String(mail!.meta.link);
    const token = new URL(link).searchParams.get("token")!;
    expect(link).toContain("/reset-password?token=");
    // Only a hash is stored.
    expect((await db.select().from(passwordResetTokens)).map((t) => t.tokenHash)).not.toContain(token);

    await resetPassword(db, token, "second-password");
    const [row] = await db.select().from(users).where(eq(users.email, "ann@example.com"));
    expect(await verifyPassword(row!.passwordHash, "second-password")).toBe(true);
    expect(row!.sessionVersion).toBe(1);
    await expect(resetPassword(db, token, "third-password")).rejects.toThrow(/invalid or has expired/);
  });

  it("refuses an expired or made-up token", async () => {
    await requestPasswordReset(db, "ann@example.com");
    const token = new URL(String((await lastMailTo("ann@example.com"))!.meta.link)).searchParams.get("token")!;
    await db.update(passwordResetTokens).set({ expiresAt: new Date(Date.now() - 1000) });
    await expect(resetPassword(db, token, "third-password")).rejects.toThrow(/expired/);
    await expect(resetPassword(db, "made-up-token-123", "third-password")).rejects.toThrow(/invalid/);
    await expect(resetPassword(db, token, "short")).rejects.toThrow();
  });

  it("says nothing and sends nothing for an unknown email", async () => {
    const before = (await db.select().from(outbox)).length;
    await requestPasswordReset(db, "ghost@example.com");
    expect((await db.select().from(outbox)).length).toBe(before);
  });
});

describe("change password", () => {
  it("needs the current password and bumps the session version", async () => {
    const [ann] = await db.select().from(users).where(eq(users.email, "ann@example.com"));
    await expect(changePassword(db, ann!.id, { current: "wrong-one", next: "fourth-password" })).rejects.toThrow(/current password/);
    const v = await changePassword(db, ann!.id, { current: "second-password", next: "fourth-password" });
    expect(v).toBe(ann!.sessionVersion + 1);
  });
});

describe("first admin", () => {
  it("is created once with a printed password, then left alone", async () => {
    // Not from the environment here: the generated-password path.
    const saved = { email: process.env.ADMIN_EMAIL, password: process.env.ADMIN_PASSWORD };
    delete process.env.ADMIN_EMAIL;
    delete process.env.ADMIN_PASSWORD;
    onTestFinished(() => {
      if (saved.email !== undefined) process.env.ADMIN_EMAIL = saved.email;
      if (saved.password !== undefined) process.env.ADMIN_PASSWORD = saved.password;
    });
    // The first-admin file lives under ./data: keep it out of the repo's.
    const cwd = process.cwd();
    process.chdir(fs.mkdtempSync(path.join(os.tmpdir(), "first-admin-")));
    onTestFinished(() => process.chdir(cwd));
    const first = await ensureFirstAdmin(db);
    expect(first?.email).toBe("admin@hearth.example");
    expect(first?.password).toMatch(/^[\w-]{12,}$/);
    const [row] = await db.select().from(users).where(eq(users.email, "admin@hearth.example"));
    expect(row!.role).toBe("admin");
    expect(await verifyPassword(row!.passwordHash, first!.password!)).toBe(true);
    expect(await ensureFirstAdmin(db)).toBeNull();

    // Shown again on every start (a failed first start loses nothing) until the admin signs in.
    expect(await firstAdminNotice(db)).toEqual({ email: "admin@hearth.example", password: first!.password });
    expect(await firstAdminNotice(db)).toEqual({ email: "admin@hearth.example", password: first!.password });
    const signedIn = await verifyCredentials(db, { email: "admin@hearth.example", password: first!.password }, { ip: "10.0.0.9" });
    await recordSignIn(db, Number(signedIn!.id));
    expect(await firstAdminNotice(db)).toBeNull();
    expect(fs.existsSync(firstAdminFile())).toBe(false);
  });
});

describe("admin:reset", () => {
  it("sets a new password that signs in, ends other sessions and lifts the account's sign-in limit", async () => {
    const [before] = await db.select().from(users).where(eq(users.email, "admin@hearth.example"));
    for (let i = 0; i < 6; i++) await verifyCredentials(db, { email: "admin@hearth.example", password: "wrong-guess" }, { ip: `10.0.1.${i}` }).catch(() => null);
    const { email, password } = await resetStaffPassword(db, " Admin@Hearth.example ");
    expect(email).toBe("admin@hearth.example");
    const user = await verifyCredentials(db, { email, password }, { ip: "10.0.0.10" });
    expect(user?.role).toBe("admin");
    expect(user?.sessionVersion).toBe(before!.sessionVersion + 1);
  });

  it("refuses customers and unknown emails with a clear message", async () => {
    await expect(resetStaffPassword(db, "ann@example.com")).rejects.toThrow("ann@example.com is a customer account; admin:reset only resets staff passwords.");
    await expect(resetStaffPassword(db, "nobody@example.com")).rejects.toThrow("There is no account for nobody@example.com.");
    await expect(resetStaffPassword(db, "not an email")).rejects.toThrow();
  });
});

describe("mail flooding", () => {
  it("sends at most 3 reset and 3 'account exists' mails an hour to one address, however often the forms are sent", async () => {
    await createAccount(db, { name: "Flo", email: "flo@example.com", password: "flo's password" });
    for (let i = 0; i < 6; i++) await requestPasswordReset(db, "flo@example.com");
    for (let i = 0; i < 6; i++) await expect(createAccount(db, { name: "Flo", email: "flo@example.com", password: "another password" })).rejects.toThrow(UserError);
    const kinds = (await db.select().from(outbox).where(eq(outbox.to, "flo@example.com"))).map((m) => m.meta.kind);
    expect(kinds.filter((k) => k === "password-reset")).toHaveLength(3);
    expect(kinds.filter((k) => k === "signup-existing")).toHaveLength(3);
  });
});

describe("names with control characters", () => {
  it("are refused with a clear message before anything is hashed or written", () => {
    for (const schema of [signUpSchema, profileSchema]) {
      const r = schema.safeParse({ name: "Ann\u0000Smith", email: "nul@example.com", password: "a long password" });
      expect(r.success).toBe(false);
      expect(r.error!.issues.map((i) => i.message)).toContain(CONTROL_MESSAGE);
    }
  });
});

describe("rate-limit counters", () => {
  it("are purged once their window is over, so the table stays bounded", async () => {
    await db.insert(rateLimits).values([
      { key: "signin:ip:198.51.100.1", windowStart: new Date(Date.now() - 2 * 3600_000), count: 30 },
      { key: "signin:ip:198.51.100.2", windowStart: new Date(), count: 1 },
    ]);
    expect((await purgeRateLimits(db)).deleted).toBeGreaterThanOrEqual(1);
    const keys = (await db.select().from(rateLimits)).map((r) => r.key);
    expect(keys).toContain("signin:ip:198.51.100.2");
    expect(keys).not.toContain("signin:ip:198.51.100.1");
  });
});
