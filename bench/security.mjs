#!/usr/bin/env node
/**
 * Load checks for issue 16 (node bench/security.mjs; needs a build and PostgreSQL):
 * 1. A spoofing flood: sign-in attempts for random accounts, each with a random X-Forwarded-For,
 *    against the store as shipped (TRUST_PROXY_HOPS=0) and, as the baseline in the same run, a store
 *    told to trust one proxy hop, which is how every request looked before the fix. Counts how many
 *    reached the password check, and the rate_limits rows before and after the clean-up.
 * 2. A poison flood: /v1/batch requests mixing events PostgreSQL cannot store (NUL, lone
 *    surrogates) with valid ones; counts the valid ones stored, and the throughput against the same
 *    flood without poison.
 * Prints the figures as Markdown for bench/RESULTS.md.
 */
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import path from "node:path";
import pg from "pg";
import { freshPgDatabase, startServer } from "./server.mjs";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
process.chdir(root);
const FLOOD = Number(process.env.BENCH_FLOOD ?? 10_000);
const BASELINE_FLOOD = Number(process.env.BENCH_BASELINE_FLOOD ?? 1_000);
process.env.AUTH_SECRET ??= crypto.randomBytes(32).toString("base64url");

const tsx = (script, env) => {
  const r = spawnSync(path.join(root, "node_modules", ".bin", "tsx"), [script], { env: { ...process.env, ...env }, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
  if (r.status !== 0) throw new Error(`${script} failed`);
  return r.stdout.trim();
};
const randomIp = () => `${1 + crypto.randomInt(223)}.${crypto.randomInt(256)}.${crypto.randomInt(256)}.${1 + crypto.randomInt(254)}`;

/** Runs `n` tasks, `concurrency` at a time. */
async function pool(n, concurrency, task) {
  let next = 0;
  const out = [];
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) {
        const i = next++;
        out[i] = await task(i);
      }
    }),
  );
  return out;
}

async function signInFlood(base, n) {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = await csrf.json();
  const cookie = csrf.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const started = performance.now();
  const results = await pool(n, 10, async (i) => {
    const r = await fetch(`${base}/api/auth/callback/credentials`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie, "x-forwarded-for": randomIp(), "x-real-ip": randomIp() },
      body: new URLSearchParams({ csrfToken, email: `flood-${i}-${crypto.randomBytes(3).toString("hex")}@example.com`, password: "not-the-password", callbackUrl: "/" }),
    });
    const location = r.headers.get("location") ?? "";
    return location.includes("rate_limited") ? "refused" : location.includes("error") ? "checked" : `other ${r.status}`;
  });
  const seconds = (performance.now() - started) / 1000;
  const count = (k) => results.filter((r) => r === k).length;
  return { n, checked: count("checked"), refused: count("refused"), other: n - count("checked") - count("refused"), perSecond: n / seconds };
}

async function rateLimitRows(url) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const rows = async () => Number((await c.query("select count(*)::int as n from rate_limits")).rows[0].n);
  const after = await rows();
  // An hour and more later: the windows are over, and the job's purge (lib/security/jobs.ts) runs.
  await c.query("update rate_limits set window_start = window_start - interval '2 hours'");
  await c.query("delete from rate_limits where window_start < now() - interval '3600 seconds'");
  const purged = await rows();
  await c.end();
  return { after, purged };
}

async function poisonFlood(base, writeKey, url, { requests, poisonShare }) {
  const tag = crypto.randomBytes(4).toString("hex");
  const auth = `Basic ${Buffer.from(`${writeKey}:`).toString("base64")}`;
  let valid = 0;
  let poison = 0;
  const started = performance.now();
  await pool(requests, 10, async (r) => {
    const batch = Array.from({ length: 100 }, (_, i) => {
      const bad = (r * 100 + i) % Math.round(1 / poisonShare || 1e9) === 0 && poisonShare > 0;
      if (bad) poison++;
      else valid++;
      return {
        type: "track",
        event: "Product Viewed",
        messageId: `${tag}-${r}-${i}`,
        anonymousId: `bench-anon-${String(i).padStart(8, "0")}`,
        properties: { product_id: i, note: bad ? (i % 2 ? "nul \u0000 here" : "lone \ud800 surrogate") : "fine" },
      };
    });
    const res = await fetch(`${base}/v1/batch`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: auth },
      body: JSON.stringify(batch.length ? { batch } : {}),
    });
    if (res.status !== 200) throw new Error(`/v1/batch answered ${res.status}`);
  });
  const seconds = (performance.now() - started) / 1000;
  // The write-behind buffer flushes within a quarter second; wait until the count settles.
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  let stored = -1;
  for (let i = 0; i < 60; i++) {
    await new Promise((r) => setTimeout(r, 500));
    const n = Number((await c.query("select count(*)::int as n from cdp_events where message_id like $1", [`%:${tag}-%`])).rows[0].n);
    if (n === stored) break;
    stored = n;
  }
  await c.end();
  return { valid, poison, stored, eventsPerSecond: (valid + poison) / seconds };
}

const out = [];
// 1. Spoofing flood, as shipped and with the header trusted (the old behaviour), same run.
for (const [label, hops, n] of [
  ["TRUST_PROXY_HOPS=0 (as shipped)", "0", FLOOD],
  ["TRUST_PROXY_HOPS=1 (baseline: the header believed)", "1", BASELINE_FLOOD],
]) {
  const url = await freshPgDatabase(`hearth_bench_sec_${hops}`);
  tsx("scripts/migrate.ts", { DATABASE_URL: url });
  const server = await startServer(3500, { DATABASE_URL: url, TRUST_PROXY_HOPS: hops, HEARTH_JOBS: "off", RATE_LIMIT_SIGNIN_PER_IP: "30" });
  try {
    const r = await signInFlood(server.url, n);
    const rows = await rateLimitRows(url);
    out.push({ label, ...r, ...rows });
  } finally {
    await server.stop();
  }
}

// 2. Poison flood against a clean flood, same server.
const url = await freshPgDatabase("hearth_bench_sec_poison");
tsx("scripts/migrate.ts", { DATABASE_URL: url });
const writeKey = tsx("bench/collect-setup.ts", { DATABASE_URL: url }).split("\n").at(-1);
const server = await startServer(3500, { DATABASE_URL: url, HEARTH_JOBS: "off", RATE_LIMIT_COLLECT_PER_SOURCE: "1000000" });
let clean, poisoned;
try {
  clean = await poisonFlood(server.url, writeKey, url, { requests: 100, poisonShare: 0 });
  poisoned = await poisonFlood(server.url, writeKey, url, { requests: 100, poisonShare: 0.1 });
} finally {
  await server.stop();
}

const date = new Date().toISOString().slice(0, 16).replace("T", " ");
console.log(`\n### (k) Spoofing and poison floods (bench/security.mjs, ${date} UTC, PostgreSQL)\n`);
console.log(
  "| sign-in flood, random X-Forwarded-For and accounts | attempts | reached the password check | refused | share checked | attempts/s | rate_limits rows after | after the clean-up |",
);
console.log("| --- | --- | --- | --- | --- | --- | --- | --- |");
for (const r of out)
  console.log(
    `| ${r.label} | ${r.n} | ${r.checked} | ${r.refused} | ${((100 * r.checked) / r.n).toFixed(2)}% | ${r.perSecond.toFixed(0)} | ${r.after} | ${r.purged} |${r.other ? ` (${r.other} other answers)` : ""}`,
  );
console.log("\n| /v1/batch flood (100 requests × 100 events) | valid sent | poison sent | valid stored | stored share | events/s | ratio to clean flood |");
console.log("| --- | --- | --- | --- | --- | --- | --- |");
for (const [label, r] of [
  ["clean (baseline)", clean],
  ["10% poison (NUL, lone surrogates)", poisoned],
])
  console.log(
    `| ${label} | ${r.valid} | ${r.poison} | ${r.stored} | ${((100 * r.stored) / r.valid).toFixed(2)}% | ${r.eventsPerSecond.toFixed(0)} | ${(r.eventsPerSecond / clean.eventsPerSecond).toFixed(2)}× |`,
  );
