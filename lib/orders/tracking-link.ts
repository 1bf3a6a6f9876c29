import crypto from "node:crypto";
import { siteUrl } from "@/lib/site";
import { authSecret } from "@/lib/env";

/** A signed tracking link: whoever holds it may follow the delivery (e.g. a neighbour), nothing more. */
export function trackingToken(orderNumber: string): string {
  return crypto.createHmac("sha256", authSecret()).update(`track:${orderNumber}`).digest("base64url").slice(0, 32);
}

export function verifyTrackingToken(orderNumber: string, token: string | null | undefined): boolean {
  if (!token) return false;
  const a = Buffer.from(trackingToken(orderNumber));
  const b = Buffer.from(token);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

export function trackingUrl(orderNumber: string): string {
  return `${siteUrl()}/track/${orderNumber}?t=${trackingToken(orderNumber)}`;
}
