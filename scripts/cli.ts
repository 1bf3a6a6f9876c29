import { flushEvents } from "@/lib/cdp/buffer";
import { closeDb } from "@/lib/db";

/** Runs a CLI entry point with one clear error line (no stack for expected errors) and a clean DB close. */
export async function runCli(main: () => Promise<void>): Promise<void> {
  try {
    await main();
    await flushEvents();
    await closeDb();
  } catch (err) {
    await closeDb().catch(() => {});
    const e = err as Error;
    const expected = ["ImportFileError", "DataDirLockedError", "ZodError", "UsageError"].includes(e?.name);
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
