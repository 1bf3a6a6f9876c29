#!/usr/bin/env node
/**
 * npm run bench: builds if needed, seeds throw-away stores on PGlite and PostgreSQL, then runs
 * (a) page throughput vs a static route, (b) Lighthouse mobile vs the shop shell, and
 * (a2) the personalized home page, (c, d) import time and search latency, (e) CDP event ingest and
 * profile/segment recompute, (f) the recommender's offline evaluation, (g) training time and the
 * recommendation read path, (h) the admin product list and customer search at 100k rows, (i) the KPI
 * queries at the seeded size and at 1M orders.
 * Writes bench/RESULTS.md.
 * BENCH_ONLY=http|data runs half; BENCH_ONLY=personal runs only (a2) and prints it (RESULTS.md is
 * left as it is); BENCH_DURATION sets autocannon seconds (default 10).
 */
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { lighthouseScores, lighthouseTable } from "./lighthouse.mjs";
import { freshPgDatabase, startServer } from "./server.mjs";
import { collectThroughput } from "./collect.mjs";
import { encode } from "next-auth/jwt";
import { personalizedThroughput, throughput } from "./throughput.mjs";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
process.chdir(root);
const bin = (n) => path.join(root, "node_modules", ".bin", n);
const only = process.env.BENCH_ONLY;
const personalOnly = only === "personal";
const duration = Number(process.env.BENCH_DURATION ?? 10);
const sections = [];
// The servers need a session secret; a bench run makes its own when none is set.
process.env.AUTH_SECRET ??= crypto.randomBytes(32).toString("base64url");

function sh(cmd, args, env = {}) {
  const r = spawnSync(cmd, args, { stdio: ["ignore", "pipe", "inherit"], env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env }, encoding: "utf8", maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed`);
  return r.stdout;
}

if (only !== "data") {
  sh(bin("next"), ["build"]);
  const pgliteDir = path.join(root, "bench", "out", "pglite");
  fs.rmSync(pgliteDir, { recursive: true, force: true });
  fs.rmSync(`${pgliteDir}.lock`, { force: true });
  const stores = [
    ["PGlite", { PGLITE_DIR: pgliteDir, DATABASE_URL: "" }],
    ["PostgreSQL", { DATABASE_URL: await freshPgDatabase("hearth_bench_http") }],
  ];
  const tp = [];
  const personal = [];
  const ingest = [];
  let lh;
  for (const [label, env] of stores) {
    console.error(`bench: seeding ${label}`);
    sh(bin("tsx"), ["scripts/seed.ts"], env);
    const writeKey = personalOnly ? "" : sh(bin("tsx"), ["bench/collect-setup.ts"], env).trim().split("\n").pop();
    const [uid, sv] = sh(bin("tsx"), ["bench/personal-setup.ts"], env).trim().split("\n").pop().split(" ");
    const session = await encode({ token: { uid, sub: uid, role: "customer", sv: Number(sv) }, secret: process.env.AUTH_SECRET, salt: "authjs.session-token", maxAge: 3600 });
    // Session, and consent to analytics and personalization (the cookie the banner sets).
    const cookie = `authjs.session-token=${session}; hearth_consent=v1.1.1.${Math.floor(Date.now() / 1000)}`;
    const server = await startServer(3200, { ...env, RATE_LIMIT_COLLECT_PER_IP: "100000000", RATE_LIMIT_COLLECT_PER_SOURCE: "100000000", HEARTH_JOBS: "off" });
    try {
      if (!personalOnly) {
        console.error(`bench: throughput on ${label}`);
        tp.push([label, await throughput(server.url, { duration })]);
      }
      console.error(`bench: personalized home on ${label}`);
      personal.push([label, await personalizedThroughput(server.url, cookie, { duration })]);
      if (personalOnly) continue;
      console.error(`bench: event ingest on ${label}`);
      ingest.push([label, await collectThroughput(server.url, writeKey, { duration })]);
      if (label === "PGlite") {
        console.error("bench: lighthouse");
        lh = await lighthouseScores(server.url);
      }
    } finally {
      await server.stop();
    }
  }
  const a = [
    `### (a) Page throughput (autocannon, 10 connections, ${duration} s per route)`,
    "",
    "Baseline: the prerendered `/manifest.webmanifest` from the same server in the same run.",
    "",
  ];
  for (const [label, rows] of tp) {
    a.push(`**${label}**`, "", "| route | req/s | p50 | p99 | non-2xx | ratio to static |", "| --- | --- | --- | --- | --- | --- |");
    for (const r of rows) a.push(`| ${r.name} | ${r.rps.toFixed(0)} | ${r.p50} ms | ${r.p99} ms | ${r.non2xx} | ${r.ratio.toFixed(3)}× |`);
    a.push("");
  }
  if (!personalOnly) sections.push(a.join("\n"));
  const a2 = [
    `### (a2) Personalized home page (autocannon, 10 connections, ${duration} s per route)`,
    "",
    "A signed-in customer of the personalized store (outside the control group, with consent): For you, exclusive deals and recently viewed come from the customer's cached personal block (read from the database when their tag expired); the shared rails (bestsellers, new in, categories, trending) come from the data cache. Baseline: the prerendered `/manifest.webmanifest` from the same server, and the visitor's home page, in the same run.",
    "",
  ];
  for (const [label, rows] of personal) {
    a2.push(`**${label}**`, "", "| route | req/s | p50 | p99 | non-2xx | ratio to static | ratio to visitor's home |", "| --- | --- | --- | --- | --- | --- | --- |");
    for (const r of rows)
      a2.push(
        `| ${r.name} | ${r.rps.toFixed(0)} | ${r.p50} ms | ${r.p99} ms | ${r.non2xx} | ${r.ratio.toFixed(3)}× | ${Number.isNaN(r.toAnon) ? "—" : `${r.toAnon.toFixed(2)}×`} |`,
      );
    a2.push("");
  }
  sections.push(a2.join("\n"));
  const e = [
    `### (e1) Event ingest over HTTP (autocannon, 10 connections, ${duration} s per route)`,
    "",
    "Baseline: the prerendered `/manifest.webmanifest` from the same server in the same run. Events are validated, consent-checked and buffered; writes happen in batches behind the response.",
    "",
  ];
  for (const [label, rows] of ingest) {
    e.push(`**${label}**`, "", "| route | req/s | events/s | p50 | p99 | non-2xx | req/s ratio to static |", "| --- | --- | --- | --- | --- | --- | --- |");
    for (const r of rows)
      e.push(`| ${r.name} | ${r.rps.toFixed(0)} | ${r.perRequest ? (r.rps * r.perRequest).toFixed(0) : "—"} | ${r.p50} ms | ${r.p99} ms | ${r.non2xx} | ${r.ratio.toFixed(3)}× |`);
    e.push("");
  }
  if (!personalOnly) sections.push(e.join("\n"));
  const b = [
    "### (b) Lighthouse, mobile (phone emulation, simulated slow 4G), PGlite store",
    "",
    "Baseline: the shop shell with almost no content (`/sign-in`), in the same run.",
    "",
    lighthouseTable(lh ?? []),
  ];
  if (!personalOnly) sections.push(b.join("\n"));
}

if (personalOnly) {
  console.log(sections.join("\n\n"));
  process.exit(0);
}

if (only !== "http") {
  console.error("bench: import and search");
  sections.push(sh(bin("tsx"), ["bench/import-and-search.ts"]).trim());
  console.error("bench: cdp");
  sections.push(sh(bin("tsx"), ["bench/cdp.ts"]).trim());
  console.error("bench: recommender, offline evaluation");
  const evalOut = sh(bin("tsx"), [
    "scripts/recs.ts",
    "eval",
    "--orders",
    path.join(root, "db", "seed-data", "online-retail.csv.gz"),
    "--split-date",
    "2011-07-01",
    "--k",
    "10",
  ]).trim();
  sections.push(
    [
      "### (f) Recommender, offline evaluation (`npm run recs:eval`, train file split at 2011-07-01, k = 10)",
      "",
      "Every model trained on the rows before the split, scored on the new products each returning customer bought after it; popularity and item-kNN are baselines from the same run.",
      "",
      evalOut,
    ].join("\n"),
  );
  console.error("bench: recommender in the store");
  sections.push(sh(bin("tsx"), ["bench/recs.ts"]).trim());
  console.error("bench: admin at 100k products and customers");
  sections.push(sh(bin("tsx"), ["bench/admin.ts"]).trim());
  console.error("bench: checkout with a code, outbox worker");
  sections.push(sh(bin("tsx"), ["bench/checkout-mail.ts"]).trim());
  console.error("bench: KPI queries at the seeded size and at 1M orders (generates them: ~15 minutes)");
  sections.push(sh(bin("tsx"), ["bench/kpi.ts"]).trim());
}

const header = [
  "# Benchmark results",
  "",
  `Measured ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC by \`npm run bench\` on ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}.`,
  "Machines here are shared and noisy: compare the ratios (each against a baseline from the same run), not absolute numbers across runs.",
  "",
].join("\n");
const md = `${header}\n${sections.join("\n\n")}\n`;
fs.writeFileSync(path.join(root, "bench", "RESULTS.md"), md);
console.log(md);
