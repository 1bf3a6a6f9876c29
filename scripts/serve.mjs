#!/usr/bin/env node
/**
 * Serves the built store: Next.js's request handler behind a plain Node HTTP server, so the client's
 * address comes from the socket (Next.js gives route handlers and actions only headers, and fills
 * X-Forwarded-For only when the client did not). TRUST_PROXY_HOPS says how many proxies in front may
 * speak for the client; see scripts/forwarded.mjs. `npm start` runs this after seeding and building.
 */
import path from "node:path";
import nextEnv from "@next/env";
import next from "next";
import { createStoreServer, trustProxyHops } from "./forwarded.mjs";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
nextEnv.loadEnvConfig(root, false);

let hops;
try {
  hops = trustProxyHops(process.env.TRUST_PROXY_HOPS);
} catch (err) {
  console.error(`hearth: ${err.message}`);
  process.exit(1);
}
const portArg = process.argv.indexOf("-p");
const port = Number(portArg > 0 ? process.argv[portArg + 1] : (process.env.PORT ?? 3000));
const app = next({ dev: false, dir: root, port, hostname: "localhost" });
const handle = app.getRequestHandler();
await app.prepare();

const server = createStoreServer(handle, hops);
server.listen(port, () => {
  console.log(`hearth: serving on http://localhost:${port}${hops ? ` (trusting ${hops} proxy hop${hops > 1 ? "s" : ""})` : ""}`);
});
for (const sig of ["SIGINT", "SIGTERM"]) {
  process.on(sig, () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 3000).unref();
  });
}
