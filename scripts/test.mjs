#!/usr/bin/env node
/**
 * `npm test`: every test, on both database drivers.
 *   0. ESLint (Next's rules and the layering rules) and Prettier's check
 *   1. type check
 *   2. unit + integration tests (vitest) on embedded PGlite, then on PostgreSQL
 *   3. production build
 *   4. end-to-end tests (Playwright, phone and desktop projects, Debian Chromium) against the built
 *      store seeded from the real order history: once on PGlite, once on PostgreSQL (the axe
 *      accessibility sweep, which does not depend on the driver, only on PGlite)
 *   5. the clone check: HEAD cloned into an empty temporary folder starts with npm install && npm start
 * `npm test -- unit` runs steps 0-2, `npm test -- e2e` steps 3-5, and `npm test -- fast` only the
 * tests that open no database (seconds: for the edit-test loop, not instead of the rest).
 * PostgreSQL comes from TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test).
 * Chromium comes from CHROMIUM_PATH (default /usr/bin/chromium) and is installed with apt when missing.
 */
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
process.chdir(root);
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const PG_ADMIN = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const only = process.argv[2]; // optional: "unit", "e2e" or "fast"
const results = [];
// A throw-away secret for signing sessions and cart cookies in this run.
process.env.AUTH_SECRET ??= crypto.randomBytes(32).toString("base64url");
// The e2e stores get a known first admin (the e2e tests sign in as staff), and since every e2e
// request comes from one address, the per-address limits are raised for those runs
// (the limits themselves are tested in lib/auth/accounts.test.ts).
const e2eEnv = {
  ADMIN_EMAIL: process.env.ADMIN_EMAIL ?? "e2e-admin@hearth.example",
  ADMIN_PASSWORD: process.env.ADMIN_PASSWORD ?? crypto.randomBytes(12).toString("base64url"),
  RATE_LIMIT_SIGNIN_PER_IP: "1000",
  RATE_LIMIT_SIGNUP_PER_IP: "1000",
  RATE_LIMIT_CODE_TRIES: "1000",
  RATE_LIMIT_GUEST_ORDERS: "1000",
};
const started = Date.now();

function step(name, cmd, args, env = {}) {
  console.log(`\n━━ ${name}`);
  const t = Date.now();
  const r = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env } });
  const ok = r.status === 0;
  results.push({ name, ok, seconds: (Date.now() - t) / 1000 });
  if (!ok) finish(`${name} failed (exit ${r.status ?? r.signal})`);
}

function finish(error) {
  console.log("\n━━ summary");
  for (const r of results) console.log(`  ${r.ok ? "ok  " : "FAIL"} ${r.name} (${r.seconds.toFixed(0)} s)`);
  const passed = results.filter((r) => r.ok).length;
  console.log(`\ntotal time ${((Date.now() - started) / 60000).toFixed(1)} min`);
  console.log(`steps: ${passed} passed, ${results.length - passed} failed`);
  if (error) console.error(`\nnpm test: ${error}`);
  process.exit(error ? 1 : 0);
}

function ensureChromium() {
  if (fs.existsSync(CHROMIUM)) return;
  const root = typeof process.getuid === "function" && process.getuid() === 0;
  const apt = fs.existsSync("/usr/bin/apt-get");
  if (!root || !apt) {
    finish(`Chromium not found at ${CHROMIUM}. Install Debian's "chromium" package (apt-get install chromium) or set CHROMIUM_PATH.`);
  }
  console.log("━━ installing Debian chromium (not found at /usr/bin/chromium)");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
  const r = spawnSync("apt-get", ["install", "-y", "-qq", "chromium"], { stdio: "inherit", env });
  if (r.status !== 0 || !fs.existsSync(CHROMIUM)) finish("could not install chromium with apt-get; install it by hand or set CHROMIUM_PATH.");
}

async function pgConnect() {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: PG_ADMIN });
  try {
    await client.connect();
  } catch (err) {
    finish(`PostgreSQL is not reachable at ${PG_ADMIN} (${err.message}). Start it, or point TEST_DATABASE_URL at one.`);
  }
  return client;
}

async function pgDatabase(name) {
  // A fresh database for the e2e run on PostgreSQL.
  const client = await pgConnect();
  await client.query(`drop database if exists ${name} with (force)`);
  await client.query(`create database ${name}`);
  await client.end();
  const url = new URL(PG_ADMIN);
  url.pathname = `/${name}`;
  return url.toString();
}

if (only && !["unit", "e2e", "fast"].includes(only)) finish(`unknown lane "${only}": use unit, e2e or fast (or nothing, for everything)`);

if (only === "fast") {
  step("unit tests that open no database", bin("vitest"), ["run"], { HEARTH_TEST_LANE: "fast" });
  finish();
}

if (only !== "e2e") {
  step("lint (ESLint)", bin("eslint"), [".", "--max-warnings", "0"]);
  step("format (Prettier)", bin("prettier"), ["--check", "."]);
  step("type check", bin("tsc"), ["--noEmit"]);
  step("unit + integration tests on PGlite", bin("vitest"), ["run"], { TEST_DATABASE_URL: "" });
  await (await pgConnect()).end(); // fail early and clearly if PostgreSQL is down
  step("unit + integration tests on PostgreSQL", bin("vitest"), ["run"], { TEST_DATABASE_URL: PG_ADMIN });
}

if (only !== "unit") {
  ensureChromium();
  step("production build", bin("next"), ["build"]);

  const e2eData = path.join(root, "data", "e2e-pglite");
  fs.rmSync(e2eData, { recursive: true, force: true });
  fs.rmSync(`${e2eData}.lock`, { force: true });
  const pgliteEnv = { PGLITE_DIR: e2eData, DATABASE_URL: "", ...e2eEnv };
  step("seed the e2e store (PGlite)", bin("tsx"), ["scripts/seed.ts"], pgliteEnv);
  step("end-to-end tests on PGlite", bin("playwright"), ["test"], { ...pgliteEnv, E2E_OUTPUT: "test-results/pglite", E2E_REPORT: "playwright-report/pglite" });

  const pgEnv = { DATABASE_URL: await pgDatabase("hearth_e2e"), ...e2eEnv };
  step("seed the e2e store (PostgreSQL)", bin("tsx"), ["scripts/seed.ts"], pgEnv);
  // The accessibility sweep reads pages, not the driver: once (on PGlite) is enough.
  step("end-to-end tests on PostgreSQL", bin("playwright"), ["test", "--grep-invert", "accessibility violation"], {
    ...pgEnv,
    E2E_OUTPUT: "test-results/postgres",
    E2E_REPORT: "playwright-report/postgres",
  });
  step("clone check: a bare clone starts with npm install && npm start", process.execPath, ["scripts/clone-start-check.mjs"]);
}

finish();
