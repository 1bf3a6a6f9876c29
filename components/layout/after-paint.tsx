"use client";

import dynamic from "next/dynamic";

/**
 * The consent banner and the analytics beacons, loaded after the page has painted and hydrated:
 * neither is needed for the first view, so their code stays out of the first-load bundle. The
 * banner floats above the page (fixed), so its late arrival shifts nothing.
 */
export const LazyConsentBanner = dynamic(() => import("@/components/privacy/consent-banner").then((m) => m.ConsentBanner), { ssr: false });
/** Vercel's own analytics script, only where it is deployed there: its code ships to no one else. */
export const LazyVercelAnalytics = dynamic(() => import("@vercel/analytics/next").then((m) => m.Analytics), { ssr: false });
export const LazyPageBeacon = dynamic(() => import("@/components/analytics/page-beacon").then((m) => m.PageBeacon), { ssr: false });
