"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";

const CHANNEL = "hearth-cart";

/**
 * Keeps other tabs right: when this tab's cart count or sign-in state changes (after an action
 * re-rendered it), it tells the other tabs, which re-fetch their server components.
 */
export function CartSync({ count, signedIn }: { count: number; signedIn: boolean }) {
  const router = useRouter();
  const last = useRef<string | null>(null);
  const state = `${count}:${signedIn}`;

  useEffect(() => {
    if (typeof BroadcastChannel === "undefined") return;
    const ch = new BroadcastChannel(CHANNEL);
    ch.onmessage = (e: MessageEvent<string>) => {
      if (e.data !== state) router.refresh();
    };
    if (last.current !== null && last.current !== state) ch.postMessage(state);
    last.current = state;
    return () => ch.close();
  }, [state, router]);

  // A tab that was in the background catches up when it is shown again.
  useEffect(() => {
    const onVisible = () => document.visibilityState === "visible" && router.refresh();
    document.addEventListener("visibilitychange", onVisible);
    return () => document.removeEventListener("visibilitychange", onVisible);
  }, [router]);
  return null;
}
