/// <reference lib="webworker" />
// The service worker, bundled by @serwist/turbopack's route (app/serwist/[path]/route.ts).
// Pages go to the network first so prices and stock are current whenever there is a network;
// the cached copy is only for when there is none (docs/adr/0013-offline-service-worker.md).
import { CacheFirst, CacheableResponsePlugin, ExpirationPlugin, NetworkFirst, NetworkOnly, Serwist, StaleWhileRevalidate } from "serwist";
import type { PrecacheEntry, SerwistGlobalConfig, SerwistPlugin } from "serwist";
import { CACHE_NAMES, cacheKind, OFFLINE_PATH, PERSONAL_CACHES } from "./policy";

declare global {
  interface WorkerGlobalScope extends SerwistGlobalConfig {
    __SW_MANIFEST: (PrecacheEntry | string)[] | undefined;
  }
}
declare const self: ServiceWorkerGlobalScope;

const DAY = 24 * 60 * 60;
const OK_ONLY = new CacheableResponsePlugin({ statuses: [200] });
// Where the worker remembers whose pages it holds, across its own restarts.
const VIEWER_KEY = "/__hearth/viewer";
const OFFLINE_REFRESH_MS = 15_000;

/** With no network and no copy of the page, the last saved offline page (cart, recently viewed). */
const offlineFallback: SerwistPlugin = {
  handlerDidError: async () => (await caches.open(CACHE_NAMES.offline)).match(OFFLINE_PATH),
};

const sameOriginGet = (url: URL, request: Request) => url.origin === self.location.origin && request.method === "GET";

const serwist = new Serwist({
  precacheEntries: self.__SW_MANIFEST,
  skipWaiting: true,
  clientsClaim: true,
  navigationPreload: false,
  runtimeCaching: [
    {
      matcher: ({ url, request }) => sameOriginGet(url, request) && cacheKind(url.pathname, request.mode === "navigate") === "page",
      handler: new NetworkFirst({
        cacheName: CACHE_NAMES.pages,
        plugins: [OK_ONLY, new ExpirationPlugin({ maxEntries: 60, maxAgeSeconds: 7 * DAY }), offlineFallback],
      }),
    },
    {
      matcher: ({ url, request }) => sameOriginGet(url, request) && cacheKind(url.pathname, request.mode === "navigate") === "image",
      handler: new StaleWhileRevalidate({
        cacheName: CACHE_NAMES.images,
        plugins: [OK_ONLY, new ExpirationPlugin({ maxEntries: 400, maxAgeSeconds: 30 * DAY, purgeOnQuotaError: true })],
      }),
    },
    {
      // Build assets are content-hashed: a name never changes meaning.
      matcher: ({ url, request }) => sameOriginGet(url, request) && cacheKind(url.pathname, false) === "asset",
      handler: new CacheFirst({
        cacheName: CACHE_NAMES.assets,
        plugins: [OK_ONLY, new ExpirationPlugin({ maxEntries: 300, maxAgeSeconds: 60 * DAY, purgeOnQuotaError: true })],
      }),
    },
    {
      // Every other page load (account, checkout, admin, the offline page itself) goes to the network
      // and is never stored; without a network it shows the offline page.
      matcher: ({ request }) => request.mode === "navigate",
      handler: new NetworkOnly({ plugins: [offlineFallback] }),
    },
  ],
});

let lastOfflineRefresh = 0;

/** Saves a fresh copy of the offline page, as this browser's shopper sees it now. */
async function refreshOfflinePage(force: boolean): Promise<void> {
  if (!force && Date.now() - lastOfflineRefresh < OFFLINE_REFRESH_MS) return;
  lastOfflineRefresh = Date.now();
  try {
    const response = await fetch(OFFLINE_PATH, { credentials: "same-origin", cache: "no-store" });
    if (response.ok) await (await caches.open(CACHE_NAMES.offline)).put(OFFLINE_PATH, response);
  } catch {
    // No network right now: keep the copy we have.
  }
}

/** A different shopper on this browser (sign-in, sign-out): forget what the last one saw. */
async function noteViewer(viewer: string): Promise<boolean> {
  const store = await caches.open(CACHE_NAMES.offline);
  const known = await (await store.match(VIEWER_KEY))?.text();
  if (known === viewer) return false;
  await Promise.all(PERSONAL_CACHES.map((name) => caches.delete(name)));
  await (await caches.open(CACHE_NAMES.offline)).put(VIEWER_KEY, new Response(viewer));
  return true;
}

type PageMessage = { type: "page"; viewer: string; cartCount: number };
const CART_KEY = "/__hearth/cart-count";

async function onPage(message: PageMessage): Promise<void> {
  const changedViewer = await noteViewer(message.viewer);
  const store = await caches.open(CACHE_NAMES.offline);
  const knownCart = await (await store.match(CART_KEY))?.text();
  const changedCart = knownCart !== String(message.cartCount);
  if (changedCart) await store.put(CART_KEY, new Response(String(message.cartCount)));
  await refreshOfflinePage(changedViewer || changedCart);
}

self.addEventListener("message", (event) => {
  const data = event.data as Partial<PageMessage> | null;
  if (data?.type === "page" && typeof data.viewer === "string" && typeof data.cartCount === "number") {
    event.waitUntil(onPage(data as PageMessage));
  }
});

self.addEventListener("install", (event) => event.waitUntil(refreshOfflinePage(true)));

serwist.addEventListeners();
