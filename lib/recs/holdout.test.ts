import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { createTestDb, dropTestDb } from "@/lib/testing/db";
import { controlGroupSql, holdoutBucket, inControlGroup } from "./holdout";

let db: Db;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(dropTestDb);

describe("holdout group", () => {
  it("is deterministic and about the configured share", () => {
    expect(inControlGroup(42, 0.1)).toBe(inControlGroup(42, 0.1));
    const n = Array.from({ length: 10_000 }, (_, i) => inControlGroup(i + 1, 0.1)).filter(Boolean).length;
    expect(n).toBeGreaterThan(800);
    expect(n).toBeLessThan(1200);
    expect(inControlGroup(7, 0)).toBe(false);
    expect(inControlGroup(7, 1)).toBe(true);
  });

  it("SQL and TypeScript put the same customers in it", async () => {
    const { rows } = await db.execute<{ id: number; c: boolean }>(sql`select g as id, ${controlGroupSql(sql`g`, 0.3)} as c from generate_series(1, 300) g`);
    for (const r of rows) expect(r.c, `user ${r.id} (${holdoutBucket(r.id)})`).toBe(inControlGroup(Number(r.id), 0.3));
  });
});
