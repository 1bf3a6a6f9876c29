import { inject } from "vitest";
import { flushEvents } from "@/lib/cdp/collect/buffer";
import { closeDb, getDb, type Db } from "@/lib/db";
import { runMigrations } from "@/lib/db/migrate";
import { createScratchPgDatabase } from "./scratch-pg";

let dropScratch: (() => Promise<void>) | null = null;

/**
 * A fresh, migrated database for one test file, on the driver under test:
 * PostgreSQL when TEST_DATABASE_URL is set (a new database per file, dropped afterwards),
 * otherwise an in-memory PGlite. Both start as copies of the run's migrated template
 * (lib/testing/db-template.ts); the migrations then find nothing left to do.
 */
export async function createTestDb(): Promise<Db> {
  await closeDb();
  const admin = process.env.TEST_DATABASE_URL;
  if (admin) {
    const scratch = await createScratchPgDatabase(admin, "hearth_test", inject("pgTemplate"));
    process.env.DATABASE_URL = scratch.url;
    dropScratch = scratch.drop;
  } else {
    delete process.env.DATABASE_URL;
    process.env.PGLITE_DIR = "memory://";
    const template = inject("pgliteTemplate");
    if (template) process.env.PGLITE_SNAPSHOT = template;
  }
  await runMigrations();
  return getDb();
}

export async function dropTestDb(): Promise<void> {
  // Events captured during the tests are written before the database goes away.
  await flushEvents();
  await closeDb();
  await dropScratch?.();
  dropScratch = null;
}

export const driverUnderTest = () => (process.env.TEST_DATABASE_URL ? "postgres" : "pglite");
