/**
 * Server start-up (Node only): the environment is validated before anything is served (a bad value
 * stops the server with its name), then the shared job scheduler, with every area's jobs, and the
 * outbox worker start.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { validateEnv, EnvError } = await import("@/lib/env");
  try {
    validateEnv({ requireSecret: true });
  } catch (err) {
    if (!(err instanceof EnvError)) throw err;
    console.error(`hearth: ${err.message}`);
    process.exit(1);
  }
  const [{ startJobRunner }, { startOutboxWorker }, { CDP_JOBS }, { RECS_JOBS }, { KPI_JOBS }, { SECURITY_JOBS }] = await Promise.all([
    import("@/lib/jobs/runner"),
    import("@/lib/mail/worker"),
    import("@/lib/cdp/audience/jobs"),
    import("@/lib/recs/jobs"),
    import("@/lib/kpi/jobs"),
    import("@/lib/security/jobs"),
  ]);
  // The store's scheduled jobs: profiles and segments, retention, the recommender's retrain, the
  // KPI facts, expired rate-limit counters.
  startJobRunner([...CDP_JOBS, ...RECS_JOBS, ...KPI_JOBS, ...SECURITY_JOBS]);
  startOutboxWorker();
}
