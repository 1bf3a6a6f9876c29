"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useEffect } from "react";
import { EVENTS } from "@/lib/cdp/track/events";

/**
 * The client beacon: page views (and client-only events via `trackClient`) are queued and sent in
 * batches with sendBeacon: every 5 s, at 20 events, and when the page is hidden or closed, so
 * nothing waits on analytics. Rendered only with analytics consent; the server checks it again.
 */
type ClientEvent = {
  type: "page" | "track";
  event?: string;
  name?: string;
  properties: Record<string, unknown>;
  context: Record<string, unknown>;
  timestamp: string;
  messageId: string;
};

const queue: ClientEvent[] = [];
let timer: ReturnType<typeof setTimeout> | null = null;

const id = () => (typeof crypto !== "undefined" && "randomUUID" in crypto ? crypto.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`);

function flush() {
  if (timer) clearTimeout(timer);
  timer = null;
  if (!queue.length) return;
  const body = JSON.stringify({ batch: queue.splice(0, 20), sentAt: new Date().toISOString() });
  const sent = typeof navigator.sendBeacon === "function" && navigator.sendBeacon("/api/collect", new Blob([body], { type: "text/plain" }));
  if (!sent) void fetch("/api/collect", { method: "POST", body, keepalive: true, headers: { "content-type": "text/plain" } }).catch(() => {});
  if (queue.length) flush();
}

function push(e: Omit<ClientEvent, "timestamp" | "messageId" | "context">) {
  const campaign = Object.fromEntries(
    [
      ["utm_source", "source"],
      ["utm_medium", "medium"],
      ["utm_campaign", "name"],
      ["utm_term", "term"],
      ["utm_content", "content"],
    ]
      .map(([p, k]) => [k, new URLSearchParams(location.search).get(p!)])
      .filter(([, v]) => v),
  );
  queue.push({
    ...e,
    timestamp: new Date().toISOString(),
    messageId: id(),
    context: {
      locale: navigator.language,
      userAgent: navigator.userAgent,
      page: { path: location.pathname, url: location.href, search: location.search, title: document.title, referrer: document.referrer },
      screen: { width: screen.width, height: screen.height },
      ...(Object.keys(campaign).length ? { campaign } : {}),
    },
  });
  if (queue.length >= 20) flush();
  else timer ??= setTimeout(flush, 5000);
}

/** For client-only interactions (the server records commerce events itself). */
export function trackClient(event: string, properties: Record<string, unknown> = {}) {
  push({ type: "track", event, properties });
}

export function PageBeacon() {
  const pathname = usePathname();
  const search = useSearchParams().toString();
  useEffect(() => {
    // Let the new page's <title> land first.
    const t = setTimeout(() => push({ type: "page", name: document.title, properties: { path: location.pathname, search: location.search, referrer: document.referrer } }), 50);
    return () => clearTimeout(t);
  }, [pathname, search]);
  useEffect(() => {
    // Clicks on recommendations, with the surface and rank they were shown at.
    const click = (e: MouseEvent) => {
      const item = (e.target as Element | null)?.closest?.("[data-rec-surface]");
      if (!item || !(e.target as Element).closest("a[href^='/product/']")) return;
      const d = (item as HTMLElement).dataset;
      trackClient(EVENTS.productClicked, { surface: d.recSurface, rank: Number(d.recRank), product_id: Number(d.recProduct) });
      flush();
    };
    document.addEventListener("click", click, true);
    return () => document.removeEventListener("click", click, true);
  }, []);
  useEffect(() => {
    const hide = () => document.visibilityState === "hidden" && flush();
    document.addEventListener("visibilitychange", hide);
    window.addEventListener("pagehide", flush);
    return () => {
      document.removeEventListener("visibilitychange", hide);
      window.removeEventListener("pagehide", flush);
    };
  }, []);
  return null;
}
