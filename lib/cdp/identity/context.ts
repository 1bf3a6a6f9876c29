import type { DeviceType } from "@/lib/cdp/track/events";

const TABLET = /iPad|Tablet|PlayBook|Silk|Kindle|Nexus (7|9|10)|SM-T\d/i;
const MOBILE = /Mobi|iPhone|iPod|Android.+Mobile|Windows Phone|BlackBerry|Opera Mini/i;

/**
 * Device class from the user agent, refined by the `Sec-CH-UA-Mobile` client hint when the browser
 * sends it ("?1" means a phone). Tablets are told apart by their user agent (Android without
 * "Mobile", iPad, Kindle ...). iPadOS that claims to be a Mac counts as desktop: nothing tells it apart.
 */
export function deviceType(userAgent: string | null | undefined, chMobile?: string | null): DeviceType | null {
  if (chMobile === "?1") return "mobile";
  if (!userAgent) return null;
  if (TABLET.test(userAgent) || (/Android/i.test(userAgent) && !/Mobile/i.test(userAgent))) return "tablet";
  if (MOBILE.test(userAgent)) return "mobile";
  return "desktop";
}

/** The first language tag of Accept-Language (e.g. "en-GB"), or null. */
export function localeFrom(acceptLanguage: string | null | undefined): string | null {
  const tag = acceptLanguage?.split(",")[0]?.split(";")[0]?.trim();
  return tag && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(tag) ? tag : null;
}

const UTM = { utm_source: "source", utm_medium: "medium", utm_campaign: "name", utm_term: "term", utm_content: "content" } as const;

/** Segment's `context.campaign` from a query string's utm_* parameters (null when there are none). */
export function campaignFrom(search: URLSearchParams | Record<string, string | string[] | undefined>): Record<string, string> | null {
  const get = (k: string) => {
    const v = search instanceof URLSearchParams ? search.get(k) : search[k];
    return Array.isArray(v) ? v[0] : v;
  };
  const out: Record<string, string> = {};
  for (const [param, key] of Object.entries(UTM)) {
    const v = get(param);
    if (v) out[key] = v.slice(0, 200);
  }
  return Object.keys(out).length ? out : null;
}

/** Request context for server-side events: what Segment's libraries would put in `context`. */
export function contextFromHeaders(headers: Headers): { context: Record<string, unknown>; deviceType: DeviceType | null } {
  const userAgent = headers.get("user-agent");
  const device = deviceType(userAgent, headers.get("sec-ch-ua-mobile"));
  const context: Record<string, unknown> = { library: { name: "hearth-server" } };
  if (userAgent) context.userAgent = userAgent.slice(0, 400);
  const locale = localeFrom(headers.get("accept-language"));
  if (locale) context.locale = locale;
  const referrer = headers.get("referer");
  if (referrer) context.page = { referrer: referrer.slice(0, 500) };
  if (device) context.device = { type: device };
  return { context, deviceType: device };
}
