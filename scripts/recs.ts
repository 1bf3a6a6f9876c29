import fs from "node:fs";
import path from "node:path";
import { readOrderHistory } from "@/lib/import/read";
import { heldOut, purchases } from "@/lib/recs/history";
import { evaluate } from "@/lib/recs/metrics";
import { buildDataset, recommend, trainEase, trainItemKnn, trainPopularity } from "@/lib/recs/model";
import { runCli, UsageError } from "./cli";

/**
 * Offline recommender CLI, without a database (same model code as the store):
 *   npm run recs -- --orders <file.csv[.gz]> --out <recs.csv> [--k 10]
 *   npm run recs:eval -- --orders <file> --split-date YYYY-MM-DD [--k 10]
 */
const USAGE = `usage:
  npm run recs -- --orders <file.csv[.gz]> --out <recs.csv> [--k 10] [--lambda 250] [--max-items 1500]
  npm run recs:eval -- --orders <file.csv[.gz]> --split-date YYYY-MM-DD [--k 10] [--lambda 250] [--max-items 1500]`;

function options(args: string[], allowed: string[]) {
  const out: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (!a.startsWith("--") || !allowed.includes(a)) throw new UsageError(`unknown argument ${a}\n${USAGE}`);
    const v = args[++i];
    if (!v || v.startsWith("--")) throw new UsageError(`${a} needs a value\n${USAGE}`);
    out[a.slice(2)] = v;
  }
  return out;
}

const positiveInt = (v: string | undefined, name: string, fallback: number) => {
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--${name} must be a positive whole number`);
  return n;
};

void runCli(async () => {
  const [mode, ...rest] = process.argv.slice(2);
  const quiet = () => {};
  if (mode === "recommend") {
    const o = options(rest, ["--orders", "--out", "--k", "--lambda", "--max-items"]);
    if (!o.orders || !o.out) throw new UsageError(USAGE);
    const k = positiveInt(o.k, "k", 10);
    const t0 = performance.now();
    const history = await readOrderHistory(path.resolve(o.orders), quiet);
    const ds = buildDataset(purchases(history.orders), { maxItems: positiveInt(o["max-items"], "max-items", 1500) });
    const model = trainEase(ds, positiveInt(o.lambda, "lambda", 250));
    const pop = Float64Array.from(ds.itemUsers);
    const lines = ["customer_id,rank,stock_code"];
    ds.users.forEach((user, u) => recommend(ds, model, u, k, pop).forEach((j, r) => lines.push(`${user},${r + 1},${ds.items[j]}`)));
    fs.writeFileSync(path.resolve(o.out), `${lines.join("\n")}\n`);
    console.log(`recs: ${ds.users.length} customers × top ${k} of ${ds.items.length} products → ${o.out} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  } else if (mode === "eval") {
    const o = options(rest, ["--orders", "--split-date", "--k", "--lambda", "--max-items"]);
    if (!o.orders || !o["split-date"]) throw new UsageError(USAGE);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(o["split-date"])) throw new UsageError("--split-date must be YYYY-MM-DD");
    const split = new Date(`${o["split-date"]}T00:00:00Z`);
    const k = positiveInt(o.k, "k", 10);
    const history = await readOrderHistory(path.resolve(o.orders), quiet);
    const ds = buildDataset(
      purchases(history.orders, (x) => x.placedAt < split),
      { maxItems: positiveInt(o["max-items"], "max-items", 1500) },
    );
    const index = new Map(ds.users.map((u, i) => [u, i]));
    const truth = new Map<number, Set<string>>();
    for (const [user, items] of heldOut(history.orders, split)) if (index.has(user)) truth.set(index.get(user)!, items);
    if (!truth.size) throw new UsageError(`no returning customer buys a new product on or after ${o["split-date"]}: pick an earlier date`);
    const pop = trainPopularity(ds);
    const fallback = Float64Array.from(ds.itemUsers);
    const rows = [];
    for (const train of [() => trainEase(ds, positiveInt(o.lambda, "lambda", 250)), () => trainItemKnn(ds), () => pop]) {
      const t = performance.now();
      const model = train();
      const trainMs = performance.now() - t;
      rows.push({ ...evaluate(ds, model, truth, k, fallback), trainMs });
    }
    console.log(
      `split ${o["split-date"]}: ${ds.users.length} customers and ${ds.items.length} products before it; ${truth.size} returning customers with new products after it; k = ${k}\n`,
    );
    console.log(`| model | HitRate@${k} | Recall@${k} | NDCG@${k} | coverage | training |`);
    console.log("| --- | --- | --- | --- | --- | --- |");
    for (const r of rows)
      console.log(`| ${r.model} | ${r.hitRate.toFixed(4)} | ${r.recall.toFixed(4)} | ${r.ndcg.toFixed(4)} | ${r.coverage.toFixed(4)} | ${(r.trainMs / 1000).toFixed(2)} s |`);
  } else {
    throw new UsageError(USAGE);
  }
});
