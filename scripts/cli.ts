import nextEnv from "@next/env";
import { flushEvents } from "@/lib/cdp/collect/buffer";
import { closeDb } from "@/lib/db";
import { validateEnv } from "@/lib/env";

/**
 * Runs a CLI entry point with one clear error line (no stack for expected errors) and a clean DB
 * close. The environment is read as `next start` reads it (.env.local, .env) and validated first.
 */
export async function runCli(main: () => Promise<void>): Promise<void> {
  try {
    nextEnv.loadEnvConfig(process.cwd(), false, { info: () => {}, error: console.error });
    validateEnv();
    await main();
    await flushEvents();
    await closeDb();
  } catch (err) {
    await closeDb().catch(() => {});
    const e = err as Error;
    const expected = ["ImportFileError", "DataDirLockedError", "ZodError", "UsageError", "EnvError"].includes(e?.name);
    console.error(`error: ${expected ? e.message : (e?.stack ?? String(err))}`);
    process.exitCode = 1;
  }
}

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}
