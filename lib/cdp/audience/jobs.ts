import type { Job } from "@/lib/jobs/schedule";
import { env } from "@/lib/env";
import { recomputeAll } from "@/lib/cdp/audience/refresh";
import { purgeAnonymousEvents } from "@/lib/cdp/collect/write";

/** Days anonymous (never signed-in) events and recently-viewed lists are kept. */
export const anonRetentionDays = () => env().CDP_ANON_RETENTION_DAYS;

/** The CDP's scheduled jobs (run in the app by instrumentation.ts, or by `npm run cdp:*`). */
export const CDP_JOBS: Job[] = [
  {
    name: "cdp:recompute",
    everySeconds: env().CDP_RECOMPUTE_MINUTES * 60,
    run: async (db) => {
      const r = await recomputeAll(db);
      return { profiles: r.profiles, segments: r.segments.length, profileMs: Math.round(r.profileMs), segmentMs: Math.round(r.segmentMs) };
    },
  },
  {
    name: "cdp:retention",
    everySeconds: 24 * 3600,
    run: async (db) => ({ ...(await purgeAnonymousEvents(db, anonRetentionDays())), days: anonRetentionDays() }),
  },
];
