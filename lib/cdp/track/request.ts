import "server-only";
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { getCurrentUser } from "@/lib/auth/current-user";
import { capture, type ServerEventInput } from "@/lib/cdp/track/capture";
import { consentFrom, type ConsentState } from "@/lib/cdp/identity/consent";
import { contextFromHeaders } from "@/lib/cdp/identity/context";
import { ANON_COOKIE, ANON_ID, CONSENT_COOKIE } from "@/lib/cdp/identity/cookies";
import { log } from "@/lib/log";

/** This request's anonymous id (set by proxy.ts on the first visit), if it looks like one of ours. */
export const currentAnonymousId = cache(async (): Promise<string | null> => {
  const v = (await cookies()).get(ANON_COOKIE)?.value;
  return v && ANON_ID.test(v) ? v : null;
});

/** This browser's consent: its recorded choice, else none (Global Privacy Control noted). */
export const currentConsent = cache(async (): Promise<ConsentState> => {
  const [jar, h] = await Promise.all([cookies(), headers()]);
  return consentFrom(jar.get(CONSENT_COOKIE)?.value, h.get("sec-gpc"));
});

/** For #6 and every personalized surface: without this the shopper gets the non-personalized store. */
export async function personalizationAllowed(): Promise<boolean> {
  return (await currentConsent()).personalization;
}

/**
 * Server-side capture from server components and actions: identity, device and consent come from
 * this request. Never awaits the database (the event is buffered).
 */
export async function trackServer(event: ServerEventInput["event"], properties: Record<string, unknown> = {}, extra: Partial<ServerEventInput> = {}): Promise<boolean> {
  try {
    const [user, anonymousId, consent, h] = await Promise.all([getCurrentUser(), currentAnonymousId(), currentConsent(), headers()]);
    const { context, deviceType } = contextFromHeaders(h);
    return capture({ event, properties, userId: user?.id ?? null, anonymousId, context, deviceType, ...extra }, consent);
  } catch (err) {
    // Analytics must never break a page or a purchase.
    log.error({ err }, "cdp: capture failed");
    return false;
  }
}
