/**
 * `npm run admin:reset -- [--email you@example.com]`: sets a new random password for a staff
 * account (the first admin's email by default) and prints it. On PGlite, stop the store first
 * (one process per data directory; the lock says so clearly otherwise).
 */
import { resetStaffPassword } from "@/lib/auth/accounts";
import { getDb } from "@/lib/db";
import { runMigrations } from "@/lib/db/migrate";
import { env } from "@/lib/env";
import { UserError } from "@/lib/result";
import { runCli, UsageError } from "./cli";

const USAGE = "usage: npm run admin:reset -- [--email you@example.com]";

void runCli(async () => {
  const args = process.argv.slice(2);
  let email = env().ADMIN_EMAIL;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === "--email" && args[i + 1]) email = args[++i]!;
    else if (a.startsWith("--email=")) email = a.slice("--email=".length);
    else throw new UsageError(`unknown argument ${a}\n${USAGE}`);
  }
  await runMigrations();
  try {
    const { email: who, password } = await resetStaffPassword(await getDb(), email);
    console.log(`\n  ${who}  new password: ${password}\n  (other sessions of this account are signed out)\n`);
  } catch (err) {
    if (err instanceof UserError) throw new UsageError(err.message);
    throw err;
  }
});
