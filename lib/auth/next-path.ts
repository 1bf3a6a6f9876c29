const BASE = "http://hearth.invalid";

/**
 * Where to go after signing in (and every other return path): resolved as a browser would against
 * the shop's origin and kept only when it stays there, so `?next=` can never send people to
 * another site, whatever tabs, newlines, backslashes or encodings it hides.
 */
export function safeNextPath(next: unknown, fallback = "/account"): string {
  if (typeof next !== "string" || !next.startsWith("/")) return fallback;
  let url: URL;
  try {
    url = new URL(next, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  // A path like "/.//evil.example" resolves to "//evil.example", which a browser reads as another host.
  const path = url.pathname.replace(/^[/\\]+/, "/");
  return `${path}${url.search}${url.hash}`;
}
