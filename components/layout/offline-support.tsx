"use client";

import { usePathname } from "next/navigation";
import { useEffect } from "react";
import { SW_URL } from "@/lib/offline/policy";

/**
 * Registers the service worker (production builds only) and tells it, on every page, whose pages
 * these are and how full the cart is, so it can forget another shopper's pages and keep the
 * offline page's cart current.
 */
export function OfflineSupport({ viewer, cartCount }: { viewer: string; cartCount: number }) {
  const pathname = usePathname();

  useEffect(() => {
    if (process.env.NODE_ENV !== "production" || !("serviceWorker" in navigator)) return;
    navigator.serviceWorker.register(SW_URL, { scope: "/" }).catch(() => {
      // Private windows and some embedded browsers refuse; the shop works without it.
    });
  }, []);

  useEffect(() => {
    if (process.env.NODE_ENV !== "production" || !("serviceWorker" in navigator)) return;
    let live = true;
    void navigator.serviceWorker.ready.then((registration) => {
      if (live) registration.active?.postMessage({ type: "page", viewer, cartCount });
    });
    return () => {
      live = false;
    };
  }, [pathname, viewer, cartCount]);

  return null;
}
