import { LazyVercelAnalytics } from "@/components/layout/after-paint";
import { currentConsent } from "@/lib/cdp/track/request";
import { env } from "@/lib/env";

/** Vercel's analytics: only when deployed there (elsewhere the script would 404) and only with analytics consent. */
export async function VercelAnalytics() {
  if (!env().VERCEL) return null;
  return (await currentConsent()).analytics ? <LazyVercelAnalytics /> : null;
}
