// Next's data cache handler (next.config.mjs `cacheHandler`), loaded by Next itself outside the app
// bundle, hence plain ESM. It is Next's own file-system cache plus one thing: a tag expired on one
// instance expires on every instance on the same PostgreSQL, over LISTEN/NOTIFY
// (docs/adr/0007-cache-coherence-over-listen-notify.md). Without DATABASE_URL (PGlite: one process)
// it is exactly Next's cache.
import { randomUUID } from "node:crypto";
import FileSystemCacheModule from "next/dist/server/lib/incremental-cache/file-system-cache.js";
import pg from "pg";
import { CACHE_TAGS_CHANNEL, CACHE_TAGS_HOOK, cacheTagsNotice } from "./channel.mjs";

const FileSystemCache = FileSystemCacheModule.default ?? FileSystemCacheModule;
const INSTANCE = randomUUID();
// A NOTIFY payload must stay under 8000 bytes; tags are short, so this only splits huge writes.
const MAX_TAGS_PER_NOTICE = 100;

// When each tag was last expired at once, in wall-clock ms (one map per process, like Next's).
const EXPIRED = Symbol.for("hearth.cache-tags.expired");
const expiredAt = (globalThis[EXPIRED] ??= new Map());

/**
 * Expires tags in this process only: Next's own bookkeeping, and ours. Next stamps an expiry with
 * the wall clock but checks it against the monotonic one (performance.timeOrigin + now()), so after
 * the wall clock jumps ahead (a VM resumed, NTP stepping) an expired tag stays live for as long as
 * the jump. Our stamp and the entry's are both wall-clock, so a changed price shows at once.
 */
const expireHere = (tags, durations) => {
  FileSystemCache.prototype.revalidateTag.call({}, tags, durations);
  // With durations the tag only turns stale (served once more while it refreshes): Next's rules.
  if (durations) return;
  const now = Date.now();
  for (const tag of tags) expiredAt.set(tag, now);
};

/** Whether an entry last written at `lastModified` (wall-clock ms) carries a tag expired since. */
const expiredSince = (tags, lastModified) => tags.some((tag) => (expiredAt.get(tag) ?? -Infinity) >= lastModified);

/**
 * A read that began before a write and finishes after its expiry would otherwise be cached as new
 * and serve the old price until it is revalidated. Nothing ties a write to the read that began
 * it, so an entry whose tags were expired less than this long ago is born expired: for those few
 * seconds such reads go to the database each time, as if nothing were cached.
 */
export const RACE_WINDOW_MS = 5_000;
const BORN_EXPIRED = Symbol.for("hearth.cache-tags.born-expired");
const bornExpired = (globalThis[BORN_EXPIRED] ??= new Set());

/** The tags an entry was cached under: a data entry's from its read, a page's from its headers. */
const tagsOf = (data, ctx) => {
  if (data.value?.kind === "FETCH") return [...(ctx?.tags ?? []), ...(ctx?.softTags ?? [])];
  const header = data.value?.headers?.["x-next-cache-tags"];
  return typeof header === "string" ? header.split(",") : [];
};

/**
 * The one LISTEN connection of this process. It also carries this instance's NOTIFYs. A connection
 * that drops is reopened after a second; since notices sent meanwhile are lost, every tag this
 * process has cached under is then expired (a few extra reads, never a stale page).
 */
class TagBus {
  constructor(url) {
    this.url = url;
    this.client = null;
    this.seenTags = new Set();
    this.everConnected = false;
    this.closed = false;
  }

  connect() {
    this.client ??= (async () => {
      const client = new pg.Client({ connectionString: this.url, application_name: "hearth-cache-tags" });
      client.on("notification", (n) => this.receive(n.payload ?? ""));
      client.on("error", () => this.drop());
      client.on("end", () => this.drop());
      await client.connect();
      await client.query(`LISTEN ${CACHE_TAGS_CHANNEL}`);
      if (this.everConnected && this.seenTags.size) expireHere([...this.seenTags]);
      this.everConnected = true;
      return client;
    })().catch((err) => {
      console.warn(`cache: cannot listen for tag changes (${err.message}); retrying`);
      this.drop();
      return null;
    });
    return this.client;
  }

  drop() {
    if (!this.client || this.closed) return;
    this.client = null;
    setTimeout(() => void this.connect(), 1000).unref();
  }

  async close() {
    this.closed = true;
    const client = await this.client;
    this.client = null;
    await client?.end().catch(() => {});
  }

  receive(payload) {
    try {
      const notice = JSON.parse(payload);
      if (notice.from === INSTANCE || !Array.isArray(notice.tags)) return;
      expireHere(notice.tags.map(String), notice.durations ?? undefined);
    } catch {
      // Not ours: ignore.
    }
  }

  async publish(tags, durations) {
    const client = await this.connect();
    if (!client) return;
    for (let i = 0; i < tags.length; i += MAX_TAGS_PER_NOTICE) {
      await client.query("select pg_notify($1, $2)", [CACHE_TAGS_CHANNEL, cacheTagsNotice(INSTANCE, tags.slice(i, i + MAX_TAGS_PER_NOTICE), durations)]);
    }
  }
}

// One bus per process although this module is evaluated twice: loaded by path for the app, and
// bundled into proxy.ts's chunk. Its state (bus, expiries) therefore lives on globalThis.
const BUS = Symbol.for("hearth.cache-tags.bus");
const sharedBus = () => {
  const url = process.env.DATABASE_URL;
  // `next build` prerenders with this handler too; it must never open the database.
  if (!url || process.env.NEXT_PHASE === "phase-production-build") return null;
  if (!globalThis[BUS]) {
    globalThis[BUS] = new TagBus(url);
    void globalThis[BUS].connect();
  }
  return globalThis[BUS];
};

/** Expires tags here and on every other instance. */
const expireEverywhere = async (tags, durations) => {
  if (!tags.length) return;
  expireHere(tags, durations);
  await sharedBus()
    ?.publish(tags, durations)
    .catch((err) => console.warn(`cache: tag change not broadcast (${err.message})`));
};

// Next's revalidateTag/updateTag work only in actions and route handlers; a view recorded after a
// render, a job's retrain or a segment refresh expire tags through this hook (lib/cache/expire.ts).
globalThis[CACHE_TAGS_HOOK] = { expire: expireEverywhere };

/** Closes this process's LISTEN connection (tests; a server simply exits). */
export const closeSharedTags = async () => {
  await globalThis[BUS]?.close();
  globalThis[BUS] = null;
};

export default class SharedTagsCache extends FileSystemCache {
  constructor(ctx) {
    super(ctx);
    // Next makes a handler per request; the connection is per process.
    this.bus = sharedBus();
  }

  async get(key, ctx) {
    const data = await super.get(key, ctx);
    if (!data) return data;
    if (bornExpired.has(key)) return null;
    if (typeof data.lastModified === "number" && expiredSince(tagsOf(data, ctx), data.lastModified)) return null;
    return data;
  }

  async set(key, data, ctx) {
    const tags = Array.isArray(ctx?.tags) ? ctx.tags.map(String) : [];
    if (this.bus) for (const tag of tags) this.bus.seenTags.add(tag);
    if (expiredSince(tags, Date.now() - RACE_WINDOW_MS)) bornExpired.add(key);
    else bornExpired.delete(key);
    return super.set(key, data, ctx);
  }

  async revalidateTag(tags, durations) {
    await expireEverywhere(typeof tags === "string" ? [tags] : tags, durations);
  }
}
