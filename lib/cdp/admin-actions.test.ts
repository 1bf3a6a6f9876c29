import { desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { auditLog, orders, segmentMemberships, segments, users } from "@/db/schema";
import type { Db } from "@/lib/db";
import { createTestDb, dropTestDb } from "@/lib/testing/db";
import { formData, signInAs } from "@/lib/testing/session";
import { recomputeAll } from "@/lib/cdp/audience/refresh";

/** The segment builder's action (session stand-in, real database). */
vi.mock("@/lib/auth/current-user", () => import("@/lib/testing/session"));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
const { createSegmentAction } = await import("@/lib/cdp/admin-actions");

let db: Db;
let big = 0;

beforeAll(async () => {
  db = await createTestDb();
  big = (await db.insert(users).values({ email: "big@example.com" }).returning())[0]!.id;
  await db.insert(users).values({ email: "small@example.com" });
  for (let i = 0; i < 3; i++) await db.insert(orders).values({ number: `B${i}`, userId: big, placedAt: new Date(Date.now() - i * 86_400_000), totalPence: 9000 });
  await recomputeAll(db);
  const [m] = await db.insert(users).values({ email: "merch@example.com", role: "merchandiser" }).returning();
  signInAs({ id: m!.id, email: m!.email, name: null, role: "merchandiser" });
});
afterAll(dropTestDb);

describe("segment builder", () => {
  it("creates a custom segment with its members computed at once, and logs it", async () => {
    const rules = JSON.stringify({
      all: [
        { field: "orders_count", op: "gte", value: 3 },
        { field: "lifetime_value_pence", op: "gt", value: 20000 },
      ],
    });
    const r = await createSegmentAction(null, formData({ name: "Big baskets", slug: "big-baskets", rules }));
    expect(r).toMatchObject({ ok: true, data: { slug: "big-baskets", message: expect.stringContaining("1 customers") } });
    const [seg] = await db.select().from(segments).where(eq(segments.slug, "big-baskets"));
    expect((await db.select().from(segmentMemberships).where(eq(segmentMemberships.segmentId, seg!.id))).map((m) => m.userId)).toEqual([big]);
    expect((await db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1))[0]).toMatchObject({ action: "segment.create", entityId: "big-baskets" });
  });

  it("refuses a broken rule, an unknown field, a taken or built-in slug, and writes nothing", async () => {
    const count = (await db.select().from(segments)).length;
    expect(await createSegmentAction(null, formData({ name: "X", slug: "x", rules: "{nope" }))).toMatchObject({ ok: false, fieldErrors: { rules: expect.any(Array) } });
    expect(await createSegmentAction(null, formData({ name: "X", slug: "x", rules: JSON.stringify({ all: [{ field: "password", op: "eq", value: "a" }] }) }))).toMatchObject({
      ok: false,
      error: expect.stringContaining("Segment rule"),
    });
    const ok = JSON.stringify({ all: [{ field: "orders_count", op: "gte", value: 1 }] });
    expect(await createSegmentAction(null, formData({ name: "Again", slug: "big-baskets", rules: ok }))).toMatchObject({ ok: false, error: "A segment with that slug exists." });
    expect(await createSegmentAction(null, formData({ name: "Mine", slug: "lapsed", rules: ok }))).toMatchObject({ ok: false, error: expect.stringContaining("built-in") });
    expect((await db.select().from(segments)).length).toBe(count);
  });
});
