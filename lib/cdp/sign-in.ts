import "server-only";
import { after } from "next/server";
import { getDb } from "@/lib/db";
import { capture } from "./capture";
import { consentFrom, consentOfUser, decodeConsent, encodeConsent, saveConsent } from "./consent";
import { ANON_COOKIE, ANON_ID, CONSENT_COOKIE } from "./cookies";
import { EVENTS } from "./events";
import { stitchAnonymous } from "./identity";
import { refreshCustomers } from "./refresh";

type CookieJar = {
  get(name: string): { value: string } | undefined;
  set(name: string, value: string, options?: Record<string, unknown>): unknown;
};

export const CONSENT_COOKIE_OPTIONS = { path: "/", sameSite: "lax" as const, httpOnly: false, maxAge: 60 * 60 * 24 * 180 };

/**
 * Auth.js signIn event: this browser's anonymous history joins the customer (identity.ts rules),
 * and browser and account agree on consent (the more recent choice wins).
 */
export async function onSignedIn(jar: CookieJar, userId: number): Promise<void> {
  const db = await getDb();
  const anon = jar.get(ANON_COOKIE)?.value;
  let anonymousId = anon && ANON_ID.test(anon) ? anon : null;
  if (anonymousId) {
    const r = await stitchAnonymous(db, anonymousId, userId);
    if (!r.linked) {
      // Another customer's browser: start a fresh anonymous id so nothing crosses between them.
      anonymousId = crypto.randomUUID().replaceAll("-", "");
      trySet(jar, ANON_COOKIE, anonymousId, { httpOnly: true, sameSite: "lax", path: "/", maxAge: 60 * 60 * 24 * 365 });
    }
  }
  const browser = decodeConsent(jar.get(CONSENT_COOKIE)?.value);
  const account = await consentOfUser(db, userId);
  if (browser && (!account || account.updatedAt.getTime() < browser.at)) {
    await saveConsent(db, { userId }, { ...browser, at: new Date(browser.at), source: "banner" });
  } else if (account && (!browser || account.updatedAt.getTime() > browser.at)) {
    trySet(jar, CONSENT_COOKIE, encodeConsent(account, account.updatedAt.getTime()), CONSENT_COOKIE_OPTIONS);
  }
  const consent = account && (!browser || account.updatedAt.getTime() > browser.at) ? account : consentFrom(jar.get(CONSENT_COOKIE)?.value, null);
  capture({ event: EVENTS.signedIn, userId, anonymousId }, consent);
  if (anonymousId) capture({ type: "alias", event: "alias", userId, properties: { previousId: anonymousId } }, consent);
  const refresh = () => refreshCustomers(db, [userId]).catch((err) => console.error("cdp: refresh after sign-in failed", err));
  try {
    after(refresh);
  } catch {
    void refresh();
  }
}

function trySet(jar: CookieJar, name: string, value: string, options: Record<string, unknown>) {
  try {
    jar.set(name, value, options);
  } catch {
    /* read-only cookies outside actions and route handlers: the next request fixes it */
  }
}
