import { sql } from "drizzle-orm";
import { databaseUrl, getDb, type DbOrTx } from "@/lib/db";
import { CACHE_TAGS_CHANNEL, CACHE_TAGS_HOOK, cacheTagsNotice } from "./channel.mjs";
import { PERSONAL_TAGS } from "./tags";

type CacheTagsHook = { expire(tags: string[]): Promise<void> };

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
  const hook = (globalThis as { [CACHE_TAGS_HOOK]?: CacheTagsHook })[CACHE_TAGS_HOOK];
  if (hook) return hook.expire(tags);
  if (!databaseUrl()) return;
  await (db ?? (await getDb())).execute(sql`select pg_notify(${CACHE_TAGS_CHANNEL}, ${cacheTagsNotice("script", tags)})`);
}

/**
 * One customer's cached personal block changed (their views, cart, orders, consent, sign-in,
 * erasure, a profile refresh), or several customers' (one notice for all), or with "everyone"
 * every customer's (a retrain, a segment recompute, a deal write).
 */
export function expirePersonal(who: number | number[] | "everyone", db?: DbOrTx): Promise<void> {
  if (who === "everyone") return expireTags([PERSONAL_TAGS.all], db);
  return expireTags((Array.isArray(who) ? who : [who]).map(PERSONAL_TAGS.customer), db);
}
