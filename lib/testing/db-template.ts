import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { migrationsFolder } from "@/lib/db/migrate";

declare module "vitest" {
  export interface ProvidedContext {
    /** A dump of a migrated PGlite, which each test file's in-memory database starts from. */
    pgliteTemplate: string;
    /** A migrated PostgreSQL database, which each test file's database is copied from. */
    pgTemplate: string;
  }
}

/**
 * Vitest's global setup: migrates one database before any test file runs, so that each file
 * copies it rather than booting an empty cluster and replaying every migration (lib/testing/db.ts).
 */
export default async function setup(project: TestProject) {
  const admin = process.env.TEST_DATABASE_URL;
  return admin ? pgTemplate(project, admin) : pgliteTemplate(project);
}

async function pgliteTemplate(project: TestProject) {
  const [{ PGlite }, { pg_trgm }, { drizzle }, { migrate }] = await Promise.all([
    import("@electric-sql/pglite"),
    import("@electric-sql/pglite/contrib/pg_trgm"),
    import("drizzle-orm/pglite"),
    import("drizzle-orm/pglite/migrator"),
  ]);
  const client = await PGlite.create({ extensions: { pg_trgm } });
  try {
    await migrate(drizzle(client), { migrationsFolder });
    const dump = await client.dumpDataDir("none");
    const file = path.join(os.tmpdir(), `hearth-pglite-template-${process.pid}-${crypto.randomBytes(4).toString("hex")}.tar`);
    fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    project.provide("pgliteTemplate", file);
    return () => fs.rmSync(file, { force: true });
  } finally {
    await client.close();
  }
}

async function pgTemplate(project: TestProject, admin: string) {
  const [{ default: pg }, { drizzle }, { migrate }, { createScratchPgDatabase }] = await Promise.all([
    import("pg"),
    import("drizzle-orm/node-postgres"),
    import("drizzle-orm/node-postgres/migrator"),
    import("./scratch-pg"),
  ]);
  const template = await createScratchPgDatabase(admin, "hearth_template");
  // A template must have no open connection while it is copied: migrate, then close.
  const pool = new pg.Pool({ connectionString: template.url, max: 1 });
  try {
    await migrate(drizzle(pool), { migrationsFolder });
  } finally {
    await pool.end();
  }
  project.provide("pgTemplate", template.name);
  return () => template.drop();
}
