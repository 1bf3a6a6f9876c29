import crypto from "node:crypto";
import pg from "pg";
import { flushEvents } from "@/lib/cdp/buffer";
import { closeDb, getDb, type Db } from "@/lib/db";
import { runMigrations } from "@/lib/db/migrate";

/** A new, empty PostgreSQL database next to `adminUrl`; `drop` removes it (closing its connections). */
export async function createScratchPgDatabase(adminUrl: string, prefix = "hearth_test") {
  const name = `${prefix}_${crypto.randomBytes(6).toString("hex")}`;
  const admin = async (query: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(query);
    } finally {
      await client.end();
    }
  };
  await admin(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { name, url: url.toString(), drop: () => admin(`drop database if exists ${name} with (force)`) };
}

let dropScratch: (() => Promise<void>) | null = null;

/**
 * A fresh, migrated database for one test file, on the driver under test:
 * PostgreSQL when TEST_DATABASE_URL is set (a new database per file, dropped afterwards),
 * otherwise an in-memory PGlite.
 */
export async function createTestDb(): Promise<Db> {
  await closeDb();
  const admin = process.env.TEST_DATABASE_URL;
  if (admin) {
    const scratch = await createScratchPgDatabase(admin);
    process.env.DATABASE_URL = scratch.url;
    dropScratch = scratch.drop;
  } else {
    delete process.env.DATABASE_URL;
    process.env.PGLITE_DIR = "memory://";
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
