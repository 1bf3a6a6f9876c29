import crypto from "node:crypto";
import { sql, type SQL } from "drizzle-orm";
import { env } from "@/lib/env";

/**
 * The control group: a fixed share of customers (RECS_HOLDOUT_SHARE, default 0.1) chosen by a hash
 * of their id, who get the non-personalized store (Trending, no targeted deals) so personalization's
 * lift on conversion, AOV and repeat purchase can be measured. The same rule exists in SQL
 * (`controlGroupSql`) for the KPI queries.
 */
export function holdoutShare(): number {
  return env().RECS_HOLDOUT_SHARE;
}

/** A stable number in [0, 1) per customer: the first 32 bits of sha256("holdout:<id>"). */
export function holdoutBucket(userId: number): number {
  return crypto.createHash("sha256").update(`holdout:${userId}`).digest().readUInt32BE(0) / 2 ** 32;
}

export function inControlGroup(userId: number, share = holdoutShare()): boolean {
  return holdoutBucket(userId) < share;
}

/** `holdoutBucket` in SQL, for a user id column. */
export function holdoutBucketSql(userIdColumn: SQL): SQL {
  return sql`(('x' || substr(encode(sha256(convert_to('holdout:' || ${userIdColumn}::text, 'UTF8')), 'hex'), 1, 8))::bit(32)::bigint / 4294967296.0)`;
}

/** The same test in SQL, for a user id column. */
export function controlGroupSql(userIdColumn: SQL, share = holdoutShare()): SQL {
  return sql`(${holdoutBucketSql(userIdColumn)} < ${share})`;
}
