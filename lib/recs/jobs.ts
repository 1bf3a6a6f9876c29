import { desc } from "drizzle-orm";
import { recsRuns } from "@/db/schema";
import { env } from "@/lib/env";
import type { Job } from "@/lib/jobs/schedule";
import { trainAndStore } from "./train";

/** Hours between scheduled retrains (RECS_TRAIN_HOURS, default 24). */
export const retrainHours = () => env().RECS_TRAIN_HOURS;

/**
 * The scheduled retrain, run by whichever app instance claims it (or by `npm run recs:train` from
 * cron with HEARTH_JOBS=off). A run made by hand or by the seed within the interval counts, so a
 * freshly seeded store is not retrained at its first tick.
 */
export const RECS_JOBS: Job[] = [
  {
    name: "recs:train",
    everySeconds: retrainHours() * 3600,
    run: async (db) => {
      const [last] = await db.select({ at: recsRuns.trainedAt }).from(recsRuns).orderBy(desc(recsRuns.trainedAt)).limit(1);
      if (last && Date.now() - last.at.getTime() < retrainHours() * 3600_000) return { skipped: `trained at ${last.at.toISOString()}` };
      const r = await trainAndStore(db);
      return { users: r.users, items: r.items, interactions: r.interactions, ms: Math.round(r.totalMs) };
    },
  },
];
