#!/usr/bin/env node
/**
 * The README's promise, checked as a new user would meet it: a clone of HEAD in an empty temporary
 * folder (no ../shared beside it) runs `npm install && npm start` and serves the seeded store; the
 * first admin's password is printed; `npm run admin:reset` refuses while the store holds the PGlite
 * lock, then (store stopped) prints a password that signs in to /admin. Run by `npm test`.
 * It checks what is committed (HEAD), not uncommitted changes.
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const parent = fs.mkdtempSync(path.join(os.tmpdir(), "hearth-clone-"));
const dir = path.join(parent, "hearth");
// Only PATH-like basics: nothing of this run's test environment (DATABASE_URL, ADMIN_*…) leaks in.
const cleanEnv = Object.fromEntries(
  Object.entries(process.env).filter(([k]) => !/^(DATABASE_URL|PGLITE_DIR|ADMIN_|AUTH_SECRET|TEST_DATABASE_URL|RATE_LIMIT_|E2E_|SITE_URL|PORT)/.test(k)),
);
let server = null;

function fail(message) {
  console.error(`clone check: ${message}`);
  server?.kill("SIGTERM");
  process.exit(1);
}

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: dir, env: { ...cleanEnv, ...opts.env }, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status, out: `${r.stdout ?? ""}${r.stderr ?? ""}` };
}

const freePort = () =>
  new Promise((resolve) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

/** `npm start` in the clone; resolves with its output so far once the store answers. */
async function start(port) {
  let out = "";
  server = spawn("npm", ["start"], { cwd: dir, env: { ...cleanEnv, PORT: String(port), HEARTH_JOBS: "off" }, detached: true });
  server.stdout.on("data", (d) => (out += d));
  server.stderr.on("data", (d) => (out += d));
  const exited = new Promise((resolve) => server.once("exit", (code) => resolve(code)));
  for (let i = 0; i < 900; i++) {
    const code = await Promise.race([exited, new Promise((r) => setTimeout(() => r(undefined), 1000))]);
    if (code !== undefined) fail(`npm start exited (${code}):\n${out.slice(-4000)}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/`);
      if (res.ok) return { out, html: await res.text() };
    } catch {
      /* not listening yet */
    }
  }
  fail(`the store did not answer within 15 minutes:\n${out.slice(-4000)}`);
}

async function stop() {
  if (!server) return;
  const done = new Promise((resolve) => server.once("exit", resolve));
  process.kill(-server.pid, "SIGTERM"); // npm, node scripts/start.mjs and scripts/serve.mjs: the whole group
  await done;
  server = null;
}

const cookieJar = new Map();
const keepCookies = (res) => {
  for (const c of res.headers.getSetCookie()) {
    const [pair] = c.split(";");
    const i = pair.indexOf("=");
    cookieJar.set(pair.slice(0, i), pair.slice(i + 1));
  }
};
const cookieHeader = () => [...cookieJar].map(([k, v]) => `${k}=${v}`).join("; ");

async function signIn(port, email, password) {
  const base = `http://127.0.0.1:${port}`;
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  keepCookies(csrfRes);
  const { csrfToken } = await csrfRes.json();
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader() },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: `${base}/admin` }),
  });
  keepCookies(res);
  const admin = await fetch(`${base}/admin`, { headers: { cookie: cookieHeader() }, redirect: "manual" });
  return admin.status === 200 && /Dashboard|KPI/i.test(await admin.text());
}

console.log(`clone check: cloning HEAD into ${dir}`);
if (spawnSync("git", ["clone", "-q", root, dir], { stdio: "inherit" }).status !== 0) fail("git clone failed");
if (fs.existsSync(path.join(parent, "shared"))) fail("the temporary folder unexpectedly has a shared/ beside the clone");

console.log("clone check: npm install");
const install = run("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline"]);
if (install.status !== 0) fail(`npm install failed:\n${install.out.slice(-4000)}`);

const port = await freePort();
console.log(`clone check: npm start on port ${port} (seed, build, serve)`);
const first = await start(port);
const printed = /First admin account: (\S+)\s+password: (\S+)/.exec(first.out);
if (!printed) fail(`npm start did not print the first admin's password:\n${first.out.slice(-3000)}`);
if (!/href="\/product\//.test(first.html)) fail("the home page lists no products: the store was not seeded");

const locked = run("npm", ["run", "admin:reset", "--", "--email", printed[1]]);
if (locked.status === 0 || !/in use by another process/.test(locked.out)) fail(`admin:reset while the store runs should refuse with the lock's message:\n${locked.out}`);
await stop();

const reset = run("npm", ["run", "admin:reset", "--", "--email", printed[1]]);
const fresh = /new password: (\S+)/.exec(reset.out);
if (reset.status !== 0 || !fresh) fail(`admin:reset failed:\n${reset.out}`);

const again = await start(port);
if (/First admin account/.test(again.out.split("hearth: database")[1] ?? "")) fail("the old first-admin password is still shown after admin:reset");
if (await signIn(port, printed[1], printed[2])) fail("the first password still signs in after admin:reset");
if (!(await signIn(port, printed[1], fresh[1]))) fail("the password admin:reset printed does not sign in to /admin");
await stop();

fs.rmSync(parent, { recursive: true, force: true });
console.log("clone check: passed (npm start on a bare clone serves the seeded store; admin:reset's password signs in)");
