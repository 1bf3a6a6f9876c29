import { parseArgs } from "node:util";
import { getDb } from "@/lib/db";
import { generateData } from "@/lib/kpi/generate";
import { runCli, UsageError } from "./cli";

const USAGE = "usage: npm run data:generate -- --orders N [--months 24] [--until YYYY-MM-DD] [--seed 42] [--browsing 2]";

/** Adds synthetic customers, orders, shipments, CSAT answers and events on top of the seed (see lib/kpi/generate.ts). */
void runCli(async () => {
  let values;
  try {
    ({ values } = parseArgs({
      options: { orders: { type: "string" }, months: { type: "string" }, until: { type: "string" }, seed: { type: "string" }, browsing: { type: "string" } },
      strict: true,
    }));
  } catch (err) {
    throw new UsageError(`${(err as Error).message}\n${USAGE}`);
  }
  const int = (v: string | undefined, name: string, min: number, max: number) => {
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`--${name} must be a whole number from ${min} to ${max}\n${USAGE}`);
    return n;
  };
  const orders = int(values.orders, "orders", 1, 20_000_000);
  if (!orders) throw new UsageError(USAGE);
  if (values.until && !/^\d{4}-\d{2}-\d{2}$/.test(values.until)) throw new UsageError(`--until must be a date like 2026-11-30\n${USAGE}`);
  const report = await generateData(await getDb(), {
    orders,
    months: int(values.months, "months", 1, 120),
    until: values.until ? new Date(`${values.until}T00:00:00Z`) : undefined,
    seed: int(values.seed, "seed", 0, 2 ** 31),
    browsingVisitsPerOrder: int(values.browsing, "browsing", 0, 50),
    log: (m) => console.log(`generate: ${m}`),
  });
  console.log(
    `generate: ${report.customers} customers, ${report.orders} orders, ${report.refunds} refunds, ${report.lines} lines, ${report.shipments} shipments, ${report.csat} CSAT answers, ${report.redemptions} redemptions, ${report.events} events in ${(report.ms / 1000).toFixed(1)} s`,
  );
  console.log("generate: run `npm run cdp:recompute` to refresh profiles and segments for the new customers");
});
