import { runMigrations } from "@/lib/db/migrate";
import { databaseUrl } from "@/lib/db";
import { runCli } from "./cli";

void runCli(async () => {
  await runMigrations();
  console.log(`migrations applied (${databaseUrl() ? "PostgreSQL" : "PGlite"})`);
});
