import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { createTestDb, driverUnderTest, dropTestDb } from "@/lib/testing/db";
import { CACHE_TAGS_CHANNEL } from "./channel.mjs";
import { expireTags } from "./expire";

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
      const heard = new Promise<{ tags: string[] }>((resolve) => listener.on("notification", (n) => resolve(JSON.parse(n.payload ?? "{}"))));
      await listener.query(`listen ${CACHE_TAGS_CHANNEL}`);
      await expireTags(["personal"], db);
      expect((await heard).tags).toEqual(["personal"]);
    } finally {
      await listener.end();
    }
  });
});
