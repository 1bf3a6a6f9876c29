export const SITE_NAME = "Hearth";
export const SITE_TAGLINE = "Home décor & gifts";

/** The public origin, for canonical URLs, the sitemap and Open Graph. */
export function siteUrl(): string {
  const fromEnv = process.env.SITE_URL ?? (process.env.VERCEL_URL ? `https://${process.env.VERCEL_URL}` : undefined);
  return (fromEnv ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/+$/, "");
}
