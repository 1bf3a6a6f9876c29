import { and, asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recsForUser, recsNeighbours, recsRuns } from "@/db/schema";
import { serverEvent } from "@/lib/cdp/track/capture";
import { writeEvents } from "@/lib/cdp/collect/write";
import type { Db } from "@/lib/db";
import { insertProducts } from "@/lib/testing/catalog";
import { insertCustomers, insertSale } from "@/lib/testing/customers";
import { createTestDb, dropTestDb } from "@/lib/testing/db";
import { runIfDue } from "@/lib/jobs/schedule";
import { RECS_JOBS } from "./jobs";
import { trainAndStore } from "./train";

let db: Db;
const p: Record<string, number> = {};
const u: Record<string, number> = {};
const bought = (user: string, ...items: string[]) => insertSale(db, u[user]!, items, p);

beforeAll(async () => {
  db = await createTestDb();
  const rows = await insertProducts(db, [
    { sku: "A", title: "Brass Lantern", category: "lighting", pricePence: 2000 },
    { sku: "B", title: "Tea Light Holder", category: "lighting", pricePence: 500 },
    { sku: "C", title: "Spotty Mug", category: "kitchen-dining", pricePence: 450 },
    { sku: "D", title: "Tea Towel", category: "kitchen-dining", pricePence: 350 },
  ]);
  for (const r of rows) p[r.sku] = r.id;
  Object.assign(u, await insertCustomers(db, ["u1", "u2", "u3", "u4", "u5", "u6"]));
  await bought("u1", "A", "B");
  await bought("u2", "A", "B");
  await bought("u3", "A", "B", "C");
  await bought("u4", "C", "D");
  await bought("u5", "A");
  await writeEvents(db, [serverEvent({ event: "Product Viewed", userId: u.u6, properties: { product_id: p.D } })]);
});
afterAll(dropTestDb);

const picks = async (user: string) => db.select().from(recsForUser).where(eq(recsForUser.userId, u[user]!)).orderBy(asc(recsForUser.rank));

describe("recs:train", () => {
  it("writes each customer's top picks with a reason, from orders and events", async () => {
    const r = await trainAndStore(db, { lambda: 1 });
    expect(r).toMatchObject({ users: 6, items: 4 });
    // u5 bought the lantern: the tea light holder (bought with it three times) comes first, because of the lantern.
    const u5 = await picks("u5");
    expect(u5[0]).toMatchObject({ productId: p.B, becauseProductId: p.A });
    // u6 only looked at the tea towel: the mug (bought with it) is recommended.
    expect((await picks("u6")).map((x) => x.productId)).toContain(p.C);
    const [run] = await db.select().from(recsRuns);
    expect(run).toMatchObject({ model: "EASE", users: 6, items: 4 });
  });

  it("writes item neighbours of both kinds and replaces the previous lists on retraining", async () => {
    await trainAndStore(db, { lambda: 1 });
    const also = await db
      .select()
      .from(recsNeighbours)
      .where(and(eq(recsNeighbours.productId, p.A!), eq(recsNeighbours.kind, "also_bought")))
      .orderBy(asc(recsNeighbours.rank));
    expect(also[0]!.neighbourId).toBe(p.B);
    expect(also.map((n) => n.neighbourId)).not.toContain(p.D);
    const goes = await db
      .select()
      .from(recsNeighbours)
      .where(and(eq(recsNeighbours.productId, p.C!), eq(recsNeighbours.kind, "goes_with")));
    expect(goes.length).toBeGreaterThan(0);
    // Two runs, one set of lists.
    expect((await db.select().from(recsRuns)).length).toBe(2);
    expect((await picks("u5")).filter((x) => x.rank === 1)).toHaveLength(1);
  });
});

describe("scheduled retrain", () => {
  it("skips while the last run is fresh, retrains once it is older than the interval, and only one claimant runs it", async () => {
    const job = RECS_JOBS[0]!;
    const runs = async () => (await db.select().from(recsRuns)).length;
    const before = await runs();
    expect(await runIfDue(db, job)).toMatchObject({ skipped: expect.stringContaining("trained at") });
    expect(await runs()).toBe(before);
    // A day later (the runs and the claim aged by hand): one instance trains, a second finds it claimed.
    await db.execute(sql`update recs_runs set trained_at = trained_at - interval '25 hours'`);
    await db.execute(sql`update job_runs set last_started_at = last_started_at - interval '25 hours'`);
    const [first, second] = await Promise.all([runIfDue(db, job), runIfDue(db, job)]);
    expect([first, second].filter(Boolean)).toHaveLength(1);
    expect(first ?? second).toMatchObject({ users: 6, items: 4 });
    expect(await runs()).toBe(before + 1);
  });
});
