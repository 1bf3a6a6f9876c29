import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { csatResponses, orders, users } from "@/db/schema";
import { recomputeAll } from "@/lib/cdp/audience/refresh";
import type { Db } from "@/lib/db";
import { createTestDb, dropTestDb } from "@/lib/testing/db";
import { customer360, searchCustomers } from "./admin";

let db: Db;
const u: Record<string, number> = {};

beforeAll(async () => {
  db = await createTestDb();
  for (const [key, email, name, ext, role] of [
    ["ann", "ann.jones@example.com", "Ann Jones", "12347", "customer"],
    ["bob", "bob@example.com", "Robert Patel", null, "customer"],
    ["pat", "pat@example.com", "Pat Patel", null, "customer"],
    ["staff", "patel.staff@example.com", "Staff Patel", null, "merchandiser"],
  ] as const)
    u[key] = (await db.insert(users).values({ email, name, externalId: ext, role }).returning())[0]!.id;
  const [o] = await db.insert(orders).values({ number: "H1", userId: u.ann, placedAt: new Date(), totalPence: 2500 }).returning();
  await db.insert(csatResponses).values({ orderId: o!.id, userId: u.ann, orderRating: 1, deliveryRating: 2, comment: "Broken" });
  await recomputeAll(db);
});
afterAll(dropTestDb);

describe("customer search and 360", () => {
  it("finds customers by number, source number, email start and name part — never staff", async () => {
    expect((await searchCustomers(db, String(u.bob))).map((c) => c.id)[0]).toBe(u.bob);
    expect((await searchCustomers(db, "12347")).map((c) => c.id)).toEqual([u.ann]);
    expect((await searchCustomers(db, "ANN.J")).map((c) => c.id)).toEqual([u.ann]);
    expect((await searchCustomers(db, "patel")).map((c) => c.id)).toEqual([u.bob, u.pat]);
    expect(await searchCustomers(db, "%")).toEqual([]); // a wildcard is a literal
    expect(await searchCustomers(db, "  ")).toEqual([]);
  });

  it("shows one customer's profile, orders and ratings; not a staff account", async () => {
    const c = await customer360(db, u.ann!);
    expect(c?.user.email).toBe("ann.jones@example.com");
    expect(c?.orders.map((o) => o.number)).toEqual(["H1"]);
    expect(c?.ratings[0]).toMatchObject({ orderRating: 1, comment: "Broken" });
    expect(c?.profile?.ordersCount).toBe(1);
    expect(await customer360(db, u.staff!)).toBeNull();
  });
});
