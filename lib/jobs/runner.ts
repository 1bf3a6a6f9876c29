import { getDb } from "@/lib/db";
import { runIfDue, type Job } from "./schedule";
import { env } from "@/lib/env";
import { log } from "@/lib/log";

const g = globalThis as typeof globalThis & { __hearthJobs?: NodeJS.Timeout };

/**
 * In-app scheduler: every minute each instance asks the database whether one of `jobs` is due; the
 * one whose claim succeeds runs it. Which jobs there are is the server's start-up to say
 * (instrumentation.ts), so this runner knows no area. HEARTH_JOBS=off turns it off (run
 * `npm run cdp:recompute` from cron instead).
 */
export function startJobRunner(jobs: readonly Job[]): void {
  if (g.__hearthJobs || env().HEARTH_JOBS === "off") return;
  const tick = async () => {
    try {
      const db = await getDb();
      for (const job of jobs) {
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
