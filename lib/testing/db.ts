import crypto from "node:crypto";
import pg from "pg";
import { closeDb, getDb, type Db } from "@/lib/db";
import { runMigrations } from "@/lib/db/migrate";

/**
 * A fresh, migrated database for one test file, on the driver under test:
 * PostgreSQL when TEST_DATABASE_URL is set (a new database per file, dropped afterwards),
 * otherwise an in-memory PGlite.
 */
export async function createTestDb(): Promise<Db> {
  await closeDb();
  const admin = process.env.TEST_DATABASE_URL;
  if (admin) {
    const name = `hearth_test_${crypto.randomBytes(6).toString("hex")}`;
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    await client.query(`create database ${name}`);
    await client.end();
    const url = new URL(admin);
    url.pathname = `/${name}`;
    process.env.DATABASE_URL = url.toString();
    process.env.HEARTH_TEST_DB = name;
  } else {
    delete process.env.DATABASE_URL;
    process.env.PGLITE_DIR = "memory://";
  }
  await runMigrations();
  return getDb();
}

export async function dropTestDb(): Promise<void> {
  await closeDb();
  const admin = process.env.TEST_DATABASE_URL;
  const name = process.env.HEARTH_TEST_DB;
  if (admin && name) {
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    await client.query(`drop database if exists ${name} with (force)`);
    await client.end();
  }
}

export const driverUnderTest = () => (process.env.TEST_DATABASE_URL ? "postgres" : "pglite");
