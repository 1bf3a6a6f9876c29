import crypto from "node:crypto";
import { authSecret } from "@/lib/env";
import { siteUrl } from "@/lib/site";

const sign = (purpose: string, orderNumber: string) => crypto.createHmac("sha256", authSecret()).update(`${purpose}:${orderNumber}`).digest("base64url").slice(0, 32);
const same = (a: string, b: string | null | undefined) => {
  if (!b) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
};

/** A signed tracking link: whoever holds it may follow the delivery (e.g. a neighbour), nothing more. */
export function trackingToken(orderNumber: string): string {
  return sign("track", orderNumber);
}

export function verifyTrackingToken(orderNumber: string, token: string | null | undefined): boolean {
  return same(trackingToken(orderNumber), token);
}

export function trackingUrl(orderNumber: string): string {
  return `${siteUrl()}/track/${orderNumber}?t=${trackingToken(orderNumber)}`;
}

/**
 * A signed order link (confirmation page and emails): its holder sees the order, follows it, asks
 * for a return and may save it to an account through an emailed link. Also opens tracking.
 */
export function orderToken(orderNumber: string): string {
  return sign("order", orderNumber);
}

export function verifyOrderToken(orderNumber: string, token: string | null | undefined): boolean {
  return same(orderToken(orderNumber), token);
}

export function orderPath(orderNumber: string): string {
  return `/order/${orderNumber}?t=${orderToken(orderNumber)}`;
}

export function orderUrl(orderNumber: string): string {
  return `${siteUrl()}${orderPath(orderNumber)}`;
}
