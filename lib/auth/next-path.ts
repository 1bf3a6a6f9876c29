/** Where to go after signing in: only same-site paths, so `?next=` can never send people to another site. */
export function safeNextPath(next: unknown, fallback = "/account"): string {
  const s = typeof next === "string" ? next : "";
  return s.startsWith("/") && !s.startsWith("//") && !s.startsWith("/\\") ? s : fallback;
}
