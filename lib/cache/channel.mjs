// What the cache handler (shared-tags-handler.mjs, loaded by Next) and the app (expire.ts) agree on,
// in plain ESM so both can import it (ADR 0007).

/** The PostgreSQL channel on which instances tell each other which cache tags expired. */
export const CACHE_TAGS_CHANNEL = "hearth_cache_tags";

/** Where the handler lends the app its "expire here and everywhere" (globalThis, one per process). */
export const CACHE_TAGS_HOOK = Symbol.for("hearth.cache-tags");

/** A notice's payload: who sent it (an instance's id, so it can skip its own), the tags, the profile. */
export const cacheTagsNotice = (from, tags, durations) => JSON.stringify({ from, tags, durations: durations ?? null });
