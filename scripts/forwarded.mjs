import http from "node:http";

/**
 * Who is on the other end of a request. Every `X-Forwarded-*` header is whatever the client sent
 * unless a proxy we trust rewrote it, so the serving process (scripts/serve.mjs) replaces them
 * before Next.js sees the request: the app then reads one vetted value per header.
 *
 * `hops` is how many proxies sit in front of the app (TRUST_PROXY_HOPS). With 0 the socket's peer is
 * the client. With N, the chain is [...X-Forwarded-For, socket peer] and each trusted proxy appended
 * the address it saw, so the client is the N-th entry from the right (the right-most one no trusted
 * proxy vouches for); anything further left was written by the client and is ignored.
 */

/** The header's comma-separated entries (repeated headers joined), trimmed, empty ones dropped. */
function entries(value) {
  const text = Array.isArray(value) ? value.join(",") : (value ?? "");
  return text
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

/** "::ffff:203.0.113.9" → "203.0.113.9", so one client has one key whatever the socket family. */
export function normalizeAddress(address) {
  if (!address) return "unknown";
  const a = address.replace(/^\[|\]$/g, "");
  return /^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(a) ? a.slice(7) : a;
}

/**
 * The vetted forwarding headers for one request.
 * @param {Record<string, string | string[] | undefined>} headers the request's headers as Node gives them
 * @param {{ remoteAddress?: string; encrypted?: boolean }} socket
 * @param {number} hops trusted proxies in front
 * @returns {{ for: string; proto: "http" | "https"; host: string | undefined }}
 */
export function vetForwarding(headers, socket, hops) {
  const peer = normalizeAddress(socket.remoteAddress);
  const chain = [...entries(headers["x-forwarded-for"]).map(normalizeAddress), peer];
  const client = chain[Math.max(0, chain.length - 1 - hops)];
  // Proto and host: the nearest trusted proxy's word (the last entry), or the socket's own.
  const proto = hops > 0 ? entries(headers["x-forwarded-proto"]).at(-1) : undefined;
  const host = hops > 0 ? entries(headers["x-forwarded-host"]).at(-1) : undefined;
  return {
    for: client,
    proto: proto === "https" || proto === "http" ? proto : socket.encrypted ? "https" : "http",
    host: host && /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/.test(host) ? host : undefined,
  };
}

/** Rewrites `req.headers` in place: one address in X-Forwarded-For, proto and host only from trusted proxies. */
export function applyForwarding(req, hops) {
  const vetted = vetForwarding(req.headers, req.socket, hops);
  req.headers["x-forwarded-for"] = vetted.for;
  req.headers["x-forwarded-proto"] = vetted.proto;
  if (vetted.host) req.headers["x-forwarded-host"] = vetted.host;
  else delete req.headers["x-forwarded-host"];
  delete req.headers["x-real-ip"];
  delete req.headers["forwarded"];
  delete req.headers["x-forwarded-port"];
}

/** A Node HTTP server that vets every request's forwarding headers before `handle` sees it. */
export function createStoreServer(handle, hops) {
  const server = http.createServer((req, res) => {
    applyForwarding(req, hops);
    handle(req, res);
  });
  // Longer than the usual proxy's idle timeout, so a proxy never reuses a connection we just closed.
  server.keepAliveTimeout = 65_000;
  return server;
}

/** TRUST_PROXY_HOPS from the environment: a whole number 0–10, or an error that names it. */
export function trustProxyHops(value) {
  if (value === undefined || value === "") return 0;
  if (!/^\d+$/.test(value) || Number(value) > 10) throw new Error(`TRUST_PROXY_HOPS must be a whole number from 0 to 10 (got "${value}")`);
  return Number(value);
}
