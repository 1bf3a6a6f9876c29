import { getDb } from "@/lib/db";
import { runMigrations } from "@/lib/db/migrate";
import { trainAndStore } from "@/lib/recs/train";
import { runCli } from "./cli";

/** npm run recs:train: trains EASE on the store's orders, carts and events and writes the recommendation tables. */
void runCli(async () => {
  if (process.argv.length > 2) throw Object.assign(new Error("usage: npm run recs:train (settings: see lib/recs/train.ts)"), { name: "UsageError" });
  await runMigrations();
  const r = await trainAndStore(await getDb());
  console.log(
    `recs: ${r.interactions} interactions, ${r.users} customers × ${r.items} products; trained in ${(r.trainMs / 1000).toFixed(1)} s, ${r.userRows} customer picks and ${r.neighbourRows} neighbours written (${(r.totalMs / 1000).toFixed(1)} s in all)`,
  );
});
