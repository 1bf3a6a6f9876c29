import { desc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { auditLog, outbox, users } from "@/db/schema";
import type { Db } from "@/lib/db";
import { createTestDb, dropTestDb } from "@/lib/testing/db";
import { formData, signInAs } from "@/lib/testing/session";

/** Staff roles through the admin action wrapper: rules, audit entries, rollback. Only the session is a stand-in. */
vi.mock("@/lib/auth/current-user", () => import("@/lib/testing/session"));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
const { setStaffRoleAction } = await import("./admin-actions");

let db: Db;
let admin = 0;
const roleOf = async (email: string) =>
  (
    await db
      .select({ role: users.role })
      .from(users)
      .where(sql`lower(${users.email}) = ${email}`)
  )[0]?.role;
const lastAudit = async () => (await db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1))[0];

beforeAll(async () => {
  db = await createTestDb();
  admin = (await db.insert(users).values({ email: "boss@example.com", role: "admin" }).returning())[0]!.id;
  await db.insert(users).values({ email: "shopper@example.com", role: "customer" });
  signInAs({ id: admin, email: "boss@example.com", name: null, role: "admin" });
});
afterAll(dropTestDb);

describe("staff roles", () => {
  it("promotes an existing account and logs who did it, with the role before and after", async () => {
    const r = await setStaffRoleAction(null, formData({ email: "Shopper@Example.com", role: "merchandiser" }));
    expect(r).toMatchObject({ ok: true, data: { created: false } });
    expect(await roleOf("shopper@example.com")).toBe("merchandiser");
    expect(await lastAudit()).toMatchObject({
      actorId: admin,
      actorEmail: "boss@example.com",
      action: "staff.role",
      entity: "user",
      before: { role: "customer" },
      after: { role: "merchandiser" },
    });
  });

  it("creates a password-less account for a new email and mails it a link to set a password", async () => {
    const r = await setStaffRoleAction(null, formData({ email: "new.hire@example.com", name: "New Hire", role: "merchandiser" }));
    expect(r).toMatchObject({ ok: true, data: { created: true } });
    const [u] = await db.select().from(users).where(eq(users.email, "new.hire@example.com"));
    expect(u).toMatchObject({ role: "merchandiser", passwordHash: null, name: "New Hire" });
    const mails = await db.select().from(outbox).where(eq(outbox.to, "new.hire@example.com"));
    expect(mails[0]!.text).toContain("/reset-password?token=");
    expect(await lastAudit()).toMatchObject({ action: "staff.create", after: { email: "new.hire@example.com", role: "merchandiser" } });
  });

  it("refuses changing your own role and removing the last admin, leaving nothing half-written", async () => {
    const before = (await db.select({ n: sql<number>`count(*)::int` }).from(auditLog))[0]!.n;
    expect(await setStaffRoleAction(null, formData({ email: "boss@example.com", role: "customer" }))).toMatchObject({ ok: false, error: expect.stringContaining("your own role") });
    // Another admin tries to demote the only other admin... first make one, then demote the boss from them.
    await setStaffRoleAction(null, formData({ email: "second@example.com", role: "admin" }));
    const second = (await db.select().from(users).where(eq(users.email, "second@example.com")))[0]!;
    signInAs({ id: second.id, email: second.email, name: null, role: "admin" });
    expect(await setStaffRoleAction(null, formData({ email: "boss@example.com", role: "merchandiser" }))).toMatchObject({ ok: true });
    signInAs({ id: admin, email: "boss@example.com", name: null, role: "admin" }); // stale session: the wrapper re-reads nothing, the rule still holds
    expect(await setStaffRoleAction(null, formData({ email: "second@example.com", role: "customer" }))).toMatchObject({ ok: false, error: "The shop needs at least one admin." });
    expect(await roleOf("second@example.com")).toBe("admin");
    const after = (await db.select({ n: sql<number>`count(*)::int` }).from(auditLog))[0]!.n;
    expect(after - before).toBe(2); // the create and the one demotion that went through
  });

  it("rejects bad input with field errors and no write", async () => {
    const r = await setStaffRoleAction(null, formData({ email: "not-an-email", role: "owner" }));
    expect(r).toMatchObject({ ok: false, fieldErrors: { email: expect.any(Array), role: expect.any(Array) } });
    expect(await setStaffRoleAction(null, formData({ email: "nobody@example.com", role: "customer" }))).toMatchObject({ ok: false, error: "There is no account with that email." });
  });
});
