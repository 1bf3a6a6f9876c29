import path from "node:path";
import { getDb, dbDriver } from "./index";

export const migrationsFolder = path.join(process.cwd(), "db", "migrations");

/** Applies the committed drizzle-kit migrations with the migrator of the active driver. */
export async function runMigrations(): Promise<void> {
  const db = await getDb();
  if ((await dbDriver()) === "pglite") {
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    await migrate(db as never, { migrationsFolder });
  } else {
    const { migrate } = await import("drizzle-orm/node-postgres/migrator");
    await migrate(db, { migrationsFolder });
  }
}
