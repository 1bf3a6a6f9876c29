import { sql } from "drizzle-orm";
import { databaseUrl, getDb, type DbOrTx } from "@/lib/db";
import { CACHE_TAGS_CHANNEL } from "./channel.mjs";

type CacheTagsHook = { expire(tags: string[]): Promise<void> };
const HOOK = Symbol.for("hearth.cache-tags");

/**
 * Expires cache tags on this instance and every other one, from anywhere: a server action, a
 * route handler, an `after()` callback, a background job (Next's revalidateTag works only in the
 * first two). In the server, the cache handler (lib/cache/shared-tags-handler.mjs) provides the
 * hook once Next has loaded it. Without it (a CLI retrain from cron, the seed, a job before the
 * first cached read) nothing is cached in this process, so only the running instances on the same
 * PostgreSQL need telling; on PGlite no other process can be running.
 */
export async function expireTags(tags: string[], db?: DbOrTx): Promise<void> {
  if (!tags.length) return;
  const hook = (globalThis as { [HOOK]?: CacheTagsHook })[HOOK];
  if (hook) return hook.expire(tags);
  if (!databaseUrl()) return;
  await (db ?? (await getDb())).execute(sql`select pg_notify(${CACHE_TAGS_CHANNEL}, ${JSON.stringify({ from: "script", tags, durations: null })})`);
}
