import { getDb } from "@/lib/db";
import { CDP_JOBS } from "@/lib/cdp/jobs";
import { KPI_JOBS } from "@/lib/kpi/jobs";
import { RECS_JOBS } from "@/lib/recs/jobs";
import { SECURITY_JOBS } from "@/lib/security/jobs";
import { runIfDue } from "./schedule";
import { env } from "@/lib/env";
import { log } from "@/lib/log";

const g = globalThis as typeof globalThis & { __hearthJobs?: NodeJS.Timeout };

/**
 * In-app scheduler: every minute each instance asks the database whether a job is due; the one
 * whose claim succeeds runs it (profiles and segments, retention, the recommender's retrain, the KPI facts). HEARTH_JOBS=off turns it off (run `npm run cdp:recompute` from
 * cron instead).
 */
export function startJobRunner(): void {
  if (g.__hearthJobs || env().HEARTH_JOBS === "off") return;
  const tick = async () => {
    try {
      const db = await getDb();
      for (const job of [...CDP_JOBS, ...RECS_JOBS, ...KPI_JOBS, ...SECURITY_JOBS]) {
        const result = await runIfDue(db, job);
        if (result) console.log(`job ${job.name}: ${JSON.stringify(result)}`);
      }
    } catch (err) {
      log.error({ err }, "jobs: tick failed");
    }
  };
  const first = setTimeout(() => void tick(), 30_000);
  first.unref();
  g.__hearthJobs = setInterval(() => void tick(), 60_000);
  g.__hearthJobs.unref();
}
