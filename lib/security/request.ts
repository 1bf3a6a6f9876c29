/**
 * Facts about the request that the serving process vetted (scripts/forwarded.mjs): X-Forwarded-Proto
 * there is the socket's own scheme, or a trusted proxy's word, never the client's.
 */
export function requestIsHttps(headers: Headers): boolean {
  return headers.get("x-forwarded-proto") === "https";
}
