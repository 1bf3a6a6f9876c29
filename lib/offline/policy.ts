/**
 * What the service worker may keep, in one place the worker and its tests share.
 * Only shop pages everyone can see are kept; anything tied to a person's account, an order,
 * checkout, the admin or an API goes to the network every time.
 */

export const SW_URL = "/serwist/sw.js";
export const OFFLINE_PATH = "/offline";

export const CACHE_NAMES = {
  pages: "hearth-pages-v1",
  images: "hearth-images-v1",
  assets: "hearth-assets-v1",
  offline: "hearth-offline-v1",
} as const;

/** Caches whose entries show one shopper's state (cart count, For you, the offline cart). */
export const PERSONAL_CACHES: readonly string[] = [CACHE_NAMES.pages, CACHE_NAMES.offline];

export type CacheKind = "page" | "image" | "asset" | "offline-fallback" | "network";

// Storefront pages worth reading again without a network. Everything else (account, sign-in,
// cart, checkout, order and tracking pages, admin) is left out on purpose.
const CACHEABLE_PAGES = [/^\/$/, /^\/shop$/, /^\/search$/, /^\/privacy$/, /^\/category\/[^/]+$/, /^\/product\/[^/]+$/];

/** How the worker treats a same-origin GET to `pathname`; `navigation` is true for page loads. */
export function cacheKind(pathname: string, navigation: boolean): CacheKind {
  if (pathname.startsWith("/_next/static/")) return "asset";
  if (pathname.startsWith("/icons/")) return "asset";
  if (pathname.startsWith("/img/") || pathname === "/_next/image") return "image";
  if (!navigation) return "network";
  if (pathname === OFFLINE_PATH) return "offline-fallback";
  return CACHEABLE_PAGES.some((re) => re.test(pathname)) ? "page" : "network";
}

/** The viewer key the page tells the worker, so one shopper's pages never show to the next. */
export function viewerKey(customerId: number | null): string {
  return customerId === null ? "visitor" : `customer:${customerId}`;
}
