import { expirePersonal } from "@/lib/cache/expire";
import type { Db } from "@/lib/db";
import { recomputeProfiles } from "@/lib/cdp/audience/profiles";
import { recomputeSegments } from "@/lib/cdp/audience/segments";

/**
 * After a customer's relevant events: their profile, then their segment memberships; and since
 * deals aim at segments and lifecycle stages, their cached deals (the personal block) expire.
 */
export async function refreshCustomers(db: Db, userIds: number[]): Promise<void> {
  if (!userIds.length) return;
  await recomputeProfiles(db, { userIds });
  await recomputeSegments(db, { userIds });
  await expirePersonal(userIds, db);
}

/** The scheduled job (`npm run cdp:recompute`): every profile, new RFM cut points, every segment. */
export async function recomputeAll(db: Db, opts: { asOf?: Date } = {}) {
  const started = performance.now();
  const profiles = await recomputeProfiles(db, opts);
  const profileMs = performance.now() - started;
  const segments = await recomputeSegments(db);
  // Deals aim at segments and lifecycle stages: every customer's cached deals may have changed.
  await expirePersonal("everyone", db);
  return { profiles: profiles.profiles, asOf: profiles.asOf, cuts: profiles.cuts, segments, profileMs, segmentMs: performance.now() - started - profileMs };
}
