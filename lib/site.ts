export const SITE_NAME = "Hearth";
import { env } from "@/lib/env";
export const SITE_TAGLINE = "Home décor & gifts";

/** The public origin, for canonical URLs, the sitemap and Open Graph. */
export function siteUrl(): string {
  const e = env();
  return e.SITE_URL ?? (e.VERCEL_URL ? `https://${e.VERCEL_URL}` : `http://localhost:${e.PORT}`);
}
