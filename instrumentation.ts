/**
 * Server start-up (Node only): the environment is validated before anything is served (a bad value
 * stops the server with its name), then the shared job scheduler and the outbox worker start.
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
  const [{ startJobRunner }, { startOutboxWorker }] = await Promise.all([import("@/lib/jobs/runner"), import("@/lib/mail/worker")]);
  startJobRunner();
  startOutboxWorker();
}
