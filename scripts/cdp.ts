import { getDb } from "@/lib/db";
import { runMigrations } from "@/lib/db/migrate";
import { anonRetentionDays } from "@/lib/cdp/audience/jobs";
import { recomputeAll } from "@/lib/cdp/audience/refresh";
import { purgeAnonymousEvents } from "@/lib/cdp/collect/write";
import { runCli, UsageError } from "./cli";

const USAGE = `usage:
  npm run cdp:recompute [-- --as-of 2011-12-10]   every profile, RFM cut points and segment
  npm run cdp:retention [-- --days 180]           delete anonymous events older than N days (CDP_ANON_RETENTION_DAYS)
With PGlite, stop the store first (one process per data directory); the running store does both on its own schedule.`;

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const v = args[i + 1];
  if (!v || v.startsWith("--")) throw new UsageError(`${name} needs a value\n${USAGE}`);
  return v;
}

void runCli(async () => {
  const [command, ...args] = process.argv.slice(2);
  const known = new Set(["--as-of", "--days"]);
  const unknown = args.filter((a) => a.startsWith("--") && !known.has(a));
  if (unknown.length) throw new UsageError(`unknown option ${unknown.join(" ")}\n${USAGE}`);
  await runMigrations();
  const db = await getDb();
  if (command === "recompute") {
    const raw = option(args, "--as-of");
    const asOf = raw ? new Date(raw) : undefined;
    if (asOf && Number.isNaN(asOf.getTime())) throw new UsageError(`--as-of is not a date: ${raw}`);
    const r = await recomputeAll(db, { asOf });
    console.log(
      `cdp: ${r.profiles} profiles as of ${r.asOf.toISOString().slice(0, 10)} in ${(r.profileMs / 1000).toFixed(2)} s; ${r.segments.length} segments in ${(r.segmentMs / 1000).toFixed(2)} s`,
    );
    for (const s of r.segments) console.log(`  ${s.segment.padEnd(28)} ${s.size}`);
  } else if (command === "retention") {
    const raw = option(args, "--days");
    const days = raw ? Number(raw) : anonRetentionDays();
    if (!Number.isInteger(days) || days < 1) throw new UsageError(`--days must be a whole number of days, at least 1\n${USAGE}`);
    const r = await purgeAnonymousEvents(db, days);
    console.log(`cdp: deleted ${r.events} anonymous events and ${r.recentlyViewed} recently-viewed entries older than ${days} days`);
  } else {
    throw new UsageError(USAGE);
  }
});
