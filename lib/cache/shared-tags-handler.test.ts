import os from "node:os";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { areTagsExpired } from "next/dist/server/lib/incremental-cache/tags-manifest.external.js";
import { driverUnderTest } from "@/lib/testing/db";
import { createScratchPgDatabase } from "@/lib/testing/scratch-pg";
import { CACHE_TAGS_CHANNEL, CACHE_TAGS_HOOK, cacheTagsNotice } from "./channel.mjs";

const ctx = { fs: undefined, flushToDisk: false, serverDistDir: os.tmpdir(), maxMemoryCacheSize: 0 };
const load = () => import("./shared-tags-handler.mjs");
type HandlerModule = Awaited<ReturnType<typeof load>>;
const expiredSince = (tag: string, since: number) => areTagsExpired([tag], since) as boolean;

/** Polls until `check` holds; the notice travels over a real connection. */
async function eventually(check: () => boolean | Promise<boolean>, what: string) {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`never happened: ${what}`);
}

describe.runIf(driverUnderTest() === "pglite")("shared cache tags without PostgreSQL", () => {
  it("is Next's own cache: expiry stays in this process, no connection is opened", async () => {
    delete process.env.DATABASE_URL;
    const { default: SharedTagsCache } = await load();
    const cache = new SharedTagsCache(ctx);
    expect(cache.bus).toBeNull();
    const before = Date.now() - 1;
    await cache.revalidateTag(["catalog:product:lonely"]);
    expect(expiredSince("catalog:product:lonely", before)).toBe(true);
  });
});

describe.runIf(driverUnderTest() === "pglite")("expiry and the clocks", () => {
  const memory = { ...ctx, maxMemoryCacheSize: 1024 * 1024, revalidatedTags: [] as string[] };
  const entry = (price: string) => ({ kind: "FETCH", data: { headers: {}, body: JSON.stringify({ price }), status: 200, url: "" }, revalidate: 300 });
  const read = (tags: string[]) => ({ kind: "FETCH", tags, softTags: [] });

  it("an expired tag is expired at once even after the wall clock jumped ahead of the monotonic clock", async () => {
    delete process.env.DATABASE_URL;
    const { default: SharedTagsCache } = await load();
    const cache = new SharedTagsCache(memory);
    const wall = Date.now;
    // A machine resumed from a pause: NTP moves the wall clock two minutes on, performance.now() does not.
    const jumped = vi.spyOn(Date, "now").mockImplementation(() => wall() + 120_000);
    try {
      const tags = ["catalog:product:clock-lamp"];
      await cache.set("clock-lamp", entry("18.00"), { fetchCache: true, tags });
      expect(await cache.get("clock-lamp", read(tags))).not.toBeNull();
      await cache.revalidateTag(tags);
      expect(await cache.get("clock-lamp", read(tags))).toBeNull();
    } finally {
      jumped.mockRestore();
    }
  });

  it("a read that began before a write and is stored after its expiry is not served: it may hold the old price", async () => {
    const { default: SharedTagsCache, RACE_WINDOW_MS } = await load();
    const cache = new SharedTagsCache(memory);
    const tags = ["catalog:product:race-rug"];
    const wall = Date.now;
    const started = wall();
    // The read misses and goes to the database (old price); meanwhile the price changes and expires the tag.
    expect(await cache.get("race-rug", read(tags))).toBeNull();
    await cache.revalidateTag(tags);
    await new Promise((r) => setTimeout(r, 5));
    await cache.set("race-rug", entry("40.00"), { fetchCache: true, tags });
    expect(await cache.get("race-rug", read(tags))).toBeNull();
    // Once no read can still be in flight from before the change, what is stored is served again.
    const later = vi.spyOn(Date, "now").mockImplementation(() => wall() + RACE_WINDOW_MS + (wall() - started) + 1);
    try {
      await cache.set("race-rug", entry("35.00"), { fetchCache: true, tags });
      expect(await cache.get("race-rug", read(tags))).not.toBeNull();
      // An entry under other tags was never held back.
      await cache.set("race-mat", entry("12.00"), { fetchCache: true, tags: ["catalog:product:race-mat"] });
      expect(await cache.get("race-mat", read(["catalog:product:race-mat"]))).not.toBeNull();
    } finally {
      later.mockRestore();
    }
  });

  it("a tag expired with a lifetime only turns stale: Next serves it once more while it refreshes", async () => {
    const { default: SharedTagsCache } = await load();
    const cache = new SharedTagsCache(memory);
    const tags = ["catalog:product:swr-vase"];
    await cache.set("swr-vase", entry("9.00"), { fetchCache: true, tags });
    await cache.revalidateTag(tags, { expire: 60 });
    expect(await cache.get("swr-vase", read(tags))).not.toBeNull();
  });
});

describe.runIf(driverUnderTest() === "postgres")("shared cache tags over LISTEN/NOTIFY", () => {
  let scratch: Awaited<ReturnType<typeof createScratchPgDatabase>>;
  let mod: HandlerModule;
  let cache: InstanceType<HandlerModule["default"]>;
  let other: pg.Client;

  beforeAll(async () => {
    scratch = await createScratchPgDatabase(process.env.TEST_DATABASE_URL!, "hearth_cache");
    process.env.DATABASE_URL = scratch.url;
    mod = await load();
    cache = new mod.default(ctx);
    await cache.bus!.connect();
    // Stands in for a second instance on the same database.
    other = new pg.Client({ connectionString: scratch.url });
    await other.connect();
  });

  afterAll(async () => {
    await other?.end();
    await mod?.closeSharedTags();
    await scratch?.drop();
  });

  it("expires here a tag another instance expired", async () => {
    const before = Date.now() - 1;
    expect(expiredSince("catalog:product:lamp", before)).toBe(false);
    await other.query("select pg_notify($1, $2)", [CACHE_TAGS_CHANNEL, cacheTagsNotice("instance-b", ["catalog:product:lamp"])]);
    await eventually(() => expiredSince("catalog:product:lamp", before), "the other instance's tag expired here");
    expect(expiredSince("catalog:listing", before)).toBe(false);
  });

  it("tells the other instances which tags it expired", async () => {
    const heard: { from: string; tags: string[] }[] = [];
    other.on("notification", (n) => heard.push(JSON.parse(n.payload ?? "{}")));
    await other.query(`listen ${CACHE_TAGS_CHANNEL}`);
    await cache.revalidateTag(["catalog:product:vase", "catalog:listing"]);
    await eventually(() => heard.length > 0, "a notice on the channel");
    expect(heard[0]?.tags).toEqual(["catalog:product:vase", "catalog:listing"]);
    expect(heard[0]?.from).not.toBe("instance-b");
    await other.query(`unlisten ${CACHE_TAGS_CHANNEL}`);
  });

  it("lends app code its expiry (jobs, after-render work): here at once, and to the other instances", async () => {
    const heard: string[][] = [];
    other.on("notification", (n) => heard.push(JSON.parse(n.payload ?? "{}").tags));
    await other.query(`listen ${CACHE_TAGS_CHANNEL}`);
    const before = Date.now() - 1;
    const hook = (globalThis as Record<symbol, { expire(tags: string[]): Promise<void> }>)[CACHE_TAGS_HOOK]!;
    await hook.expire(["personal:customer:7"]);
    expect(expiredSince("personal:customer:7", before)).toBe(true);
    await eventually(() => heard.some((t) => t.includes("personal:customer:7")), "the hook's notice on the channel");
    await other.query(`unlisten ${CACHE_TAGS_CHANNEL}`);
  });

  it("ignores what is not a notice of ours", async () => {
    const before = Date.now() - 1;
    await other.query("select pg_notify($1, $2)", [CACHE_TAGS_CHANNEL, "not json"]);
    await other.query("select pg_notify($1, $2)", [CACHE_TAGS_CHANNEL, JSON.stringify({ from: "instance-b", tags: "catalog" })]);
    await other.query("select pg_notify($1, $2)", [CACHE_TAGS_CHANNEL, cacheTagsNotice("instance-b", ["catalog:probe"])]);
    await eventually(() => expiredSince("catalog:probe", before), "the well-formed notice after the bad ones");
    expect(expiredSince("catalog", before)).toBe(false);
  });

  it("after losing its connection, reconnects and expires everything it cached, since notices were missed", async () => {
    await cache.set("a-key", null, { tags: ["catalog:categories"] });
    const before = Date.now() - 1;
    const killed = await other.query("select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'hearth-cache-tags' and datname = current_database()");
    expect(killed.rowCount).toBe(1);
    await eventually(() => expiredSince("catalog:categories", before), "cached tags expired on reconnect");
    // Listening again: a fresh notice still arrives.
    const after = Date.now() - 1;
    await eventually(async () => {
      await other.query("select pg_notify($1, $2)", [CACHE_TAGS_CHANNEL, cacheTagsNotice("instance-b", ["catalog:product:rug"])]);
      await new Promise((r) => setTimeout(r, 50));
      return expiredSince("catalog:product:rug", after);
    }, "a notice after the reconnect");
  });
});
