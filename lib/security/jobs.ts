import type { Job } from "@/lib/jobs/schedule";
import { purgeRateLimits } from "./rate-limit";

/** Expired rate-limit counters go every 10 minutes (the job runner, lib/jobs/runner.ts, claims the run). */
export const SECURITY_JOBS: Job[] = [{ name: "rate-limits:purge", everySeconds: 600, run: purgeRateLimits }];
