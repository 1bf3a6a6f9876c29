import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { refreshCustomers } from "@/lib/cdp/audience/refresh";
import { insertCustomers } from "@/lib/testing/customers";
import { createTestDb, driverUnderTest, dropTestDb } from "@/lib/testing/db";
import { CACHE_TAGS_CHANNEL } from "./channel.mjs";
import { expirePersonal, expireTags } from "./expire";

/** Outside the server (a CLI retrain, the seed) there is no cache handler in the process. */
let db: Db;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(dropTestDb);

describe("expiring cache tags from a script", () => {
  // PGlite is one process: there is no other instance to tell.
  it.runIf(driverUnderTest() === "postgres")("tells the running instances over the channel", async () => {
    const listener = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await listener.connect();
    try {
      const heard: string[][] = [];
      listener.on("notification", (n) => heard.push(JSON.parse(n.payload ?? "{}").tags));
      await listener.query(`listen ${CACHE_TAGS_CHANNEL}`);
      await expireTags(["catalog:listing"], db);
      // A customer's block, several customers' in one notice, and everyone's.
      await expirePersonal(7, db);
      await expirePersonal([8, 9], db);
      await expirePersonal("everyone", db);
      // A profile refresh may move customers between segments, so their deals: their blocks go.
      const ids = await insertCustomers(db, ["refreshed-a", "refreshed-b"]);
      await refreshCustomers(db, [ids["refreshed-a"]!, ids["refreshed-b"]!]);
      for (let i = 0; i < 200 && heard.length < 5; i++) await new Promise((r) => setTimeout(r, 25));
      expect(heard).toEqual([
        ["catalog:listing"],
        ["personal:customer:7"],
        ["personal:customer:8", "personal:customer:9"],
        ["personal"],
        [`personal:customer:${ids["refreshed-a"]}`, `personal:customer:${ids["refreshed-b"]}`],
      ]);
    } finally {
      await listener.end();
    }
  });
});
