"use client";

import { usePathname } from "next/navigation";
import { useEffect } from "react";
import { SW_URL } from "@/lib/offline/policy";

/**
 * Registers the service worker (production servers only: `enabled`; a dev server rebuilds too often) and tells it, on every page, whose pages
 * these are and how full the cart is, so it can forget another shopper's pages and keep the
 * offline page's cart current.
 */
export function OfflineSupport({ enabled, viewer, cartCount }: { enabled: boolean; viewer: string; cartCount: number }) {
  const pathname = usePathname();

  useEffect(() => {
    if (!enabled || !("serviceWorker" in navigator)) return;
    navigator.serviceWorker.register(SW_URL, { scope: "/" }).catch(() => {
      // Private windows and some embedded browsers refuse; the shop works without it.
    });
  }, [enabled]);

  useEffect(() => {
    if (!enabled || !("serviceWorker" in navigator)) return;
    let live = true;
    void navigator.serviceWorker.ready.then((registration) => {
      if (live) registration.active?.postMessage({ type: "page", viewer, cartCount });
    });
    return () => {
      live = false;
    };
  }, [enabled, pathname, viewer, cartCount]);

  return null;
}
