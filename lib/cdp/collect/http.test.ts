import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/lib/db";
import { createTestDb, dropTestDb } from "@/lib/testing/db";
import { env } from "@/lib/env";
import { handleSegmentApi } from "@/lib/cdp/collect/http";
import { createSource } from "@/lib/cdp/collect/sources";

vi.mock("next/headers", () => ({ headers: async () => new Headers(), cookies: async () => ({ get: () => undefined, set: () => {} }) }));

let db: Db;
let writeKey: string;
beforeAll(async () => {
  db = await createTestDb();
  ({ writeKey } = await createSource(db, { name: "Warehouse", trusted: true }));
});
afterAll(dropTestDb);

const post = (key: string, ip: string) =>
  handleSegmentApi(
    new Request("http://shop.test/v1/track", {
      method: "POST",
      headers: { authorization: `Basic ${Buffer.from(`${key}:`).toString("base64")}`, "content-type": "application/json", "x-forwarded-for": ip },
      body: JSON.stringify({ event: "Catalog Synced", anonymousId: "warehouse-1" }),
    }),
    "track",
  );

describe("/v1 write keys", () => {
  it("limits unknown write keys per address, before looking the key up", async () => {
    const limit = env().RATE_LIMIT_BAD_KEYS_PER_IP;
    for (let i = 0; i < limit; i++) expect((await post(`wk_guess_${i}`, "192.0.2.50")).status).toBe(401);
    const over = await post("wk_guess_x", "192.0.2.50");
    expect(over.status).toBe(429);
    expect(Number(over.headers.get("retry-after"))).toBeGreaterThan(0);
    // Over the limit, even the right key answers 429 from there: a guess cannot tell right from wrong.
    expect((await post(writeKey, "192.0.2.50")).status).toBe(429);
    // Other addresses, and the right key elsewhere, are untouched.
    expect((await post(writeKey, "192.0.2.51")).status).toBe(200);
    expect((await post("wk_guess_y", "192.0.2.51")).status).toBe(401);
  });
});
