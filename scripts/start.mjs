#!/usr/bin/env node
/**
 * `npm start`: the one command that serves the store on a fresh clone. It creates .env.local with an
 * AUTH_SECRET if there is none, migrates, seeds the demo data if the database is empty, builds if
 * the build is missing or older than the sources, then serves it (scripts/serve.mjs) in the foreground.
 */
import { spawnSync, spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
process.chdir(root);
const bin = (name) => path.join(root, "node_modules", ".bin", name);

function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: "inherit", env: process.env });
  if (r.status !== 0) {
    console.error(`\nhearth: "${[path.basename(cmd), ...args].join(" ")}" failed (exit ${r.status ?? r.signal}).`);
    process.exit(r.status ?? 1);
  }
}

function ensureEnvFile() {
  const file = path.join(root, ".env.local");
  const text = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
  if (/^AUTH_SECRET=/m.test(text) || process.env.AUTH_SECRET) return;
  const secret = crypto.randomBytes(32).toString("base64url");
  fs.writeFileSync(file, `${text}${text && !text.endsWith("\n") ? "\n" : ""}# Generated on first start; keep it secret.\nAUTH_SECRET=${secret}\n`, { mode: 0o600 });
  console.log("hearth: wrote a new AUTH_SECRET to .env.local");
}

function newestMtime(entries) {
  let newest = 0;
  const walk = (p) => {
    if (!fs.existsSync(p)) return;
    const st = fs.statSync(p);
    if (st.isDirectory()) for (const e of fs.readdirSync(p)) walk(path.join(p, e));
    else newest = Math.max(newest, st.mtimeMs);
  };
  entries.forEach((e) => walk(path.join(root, e)));
  return newest;
}

function needsBuild() {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!fs.existsSync(buildId)) return true;
  const sources = ["app", "components", "lib", "db/schema", "public", "proxy.ts", "next.config.mjs", "package.json", "postcss.config.mjs"];
  return newestMtime(sources) > fs.statSync(buildId).mtimeMs;
}

ensureEnvFile();
process.env.NEXT_TELEMETRY_DISABLED ??= "1";
console.log(`hearth: database ${process.env.DATABASE_URL ? "PostgreSQL (DATABASE_URL)" : "embedded PGlite in ./data"}`);
run(bin("tsx"), ["scripts/seed.ts", "--if-empty", ...process.argv.slice(2)]);
if (needsBuild()) run(bin("next"), ["build"]);

// The first admin's generated password again, last thing before serving (the build's output has
// scrolled it away); the seed step removes the file once that admin has signed in.
try {
  const first = JSON.parse(fs.readFileSync(path.join(root, "data", "first-admin.json"), "utf8"));
  console.log(`\n  First admin account: ${first.email}  password: ${first.password}  (shown until this admin signs in)\n`);
} catch {
  /* no pending first admin */
}

const port = process.env.PORT ?? "3000";
const server = spawn(process.execPath, [path.join(root, "scripts", "serve.mjs"), "-p", port], { stdio: "inherit", env: process.env });
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => server.kill(sig));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
